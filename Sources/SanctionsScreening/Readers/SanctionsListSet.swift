import CapwatchCore
import Foundation

/// The files of both lists, as bytes, and the index built from them. The command line reads the
/// files; this type only parses.
public struct SanctionsListSet: Sendable {
    /// UN `consolidated.xml`, if available.
    public var unConsolidated: Data?
    /// OFAC `sdn.csv`, if available.
    public var ofacSDN: Data?
    /// OFAC `alt.csv`.
    public var ofacAlt: Data?
    /// OFAC `add.csv`.
    public var ofacAdd: Data?
    /// OFAC `sdn_comments.csv`.
    public var ofacComments: Data?
    /// The OFAC publication date to stamp (the legacy CSV carries none).
    public var ofacDate: String?

    /// An empty set; fill the fields that exist.
    public init() {}

    /// Parses whatever lists are present and builds the index. The two lists are read at the same
    /// time, and each reader and the index spread their work over the cores; the result does not
    /// depend on it (every piece is joined in list order).
    /// - Returns: the index: UN entries first, then OFAC, each in list order.
    /// - Throws: ``SanctionsScreeningError`` from a reader (the UN list's error when both fail).
    public func buildIndex() throws -> ScreeningIndex {
        typealias Read = Result<(entries: [ListedEntry], version: ListVersion), any Error>
        let (un, ofac) = Parallel.both(
            { () -> Read? in unConsolidated.map { data in Result { try UNConsolidatedListReader.read(data) } } },
            { () -> Read? in
                ofacSDN.map { sdn in
                    Result { try OFACSDNReader.read(sdn: sdn, alt: ofacAlt, add: ofacAdd, comments: ofacComments, date: ofacDate) }
                }
            }
        )
        let lists = try [un, ofac].compactMap { try $0?.get() }
        return ScreeningIndex(lists: lists)
    }
}
