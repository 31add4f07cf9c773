/// Which copy of a list produced a result: stamped on every ``ScreeningMatch`` so an analyst can
/// say exactly which publication a hit came from.
public struct ListVersion: Sendable, Hashable, Codable {
    /// The list.
    public let list: SanctionsList
    /// The publication date as the list states it (UN: `dateGenerated`), or as supplied by the
    /// caller for lists that carry no date (OFAC legacy CSV). Free text, ISO 8601 when known.
    public let date: String?
    /// SHA-256 of the primary file (UN `consolidated.xml`, OFAC `sdn.csv`), 64 lowercase hex digits.
    public let sha256: String
    /// SHA-256 of every file read, by file name (OFAC: `sdn.csv`, `alt.csv`, `add.csv`, `sdn_comments.csv`).
    public let files: [String: String]

    /// - Parameters:
    ///   - list: the list.
    ///   - date: publication date, if known.
    ///   - sha256: digest of the primary file.
    ///   - files: digests of all files read, by name.
    public init(list: SanctionsList, date: String?, sha256: String, files: [String: String] = [:]) {
        self.list = list
        self.date = date
        self.sha256 = sha256
        self.files = files
    }

    /// `UN 2026-02-27T00:00:09.554Z sha256:1a2b3c4d…` — short form for reports.
    public var summary: String {
        "\(list.rawValue) \(date ?? "undated") sha256:\(sha256.prefix(16))"
    }
}
