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

    /// Parses whatever lists are present and builds the index.
    /// - Returns: the index.
    /// - Throws: ``SanctionsScreeningError`` from a reader.
    public func buildIndex() throws -> ScreeningIndex {
        var lists: [(entries: [ListedEntry], version: ListVersion)] = []
        if let unConsolidated { lists.append(try UNConsolidatedListReader.read(unConsolidated)) }
        if let ofacSDN {
            lists.append(try OFACSDNReader.read(sdn: ofacSDN, alt: ofacAlt, add: ofacAdd, comments: ofacComments, date: ofacDate))
        }
        return ScreeningIndex(lists: lists)
    }
}
