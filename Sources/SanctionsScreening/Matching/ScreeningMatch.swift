/// One listed entry that a query matched, with its score and the reasons for it.
public struct ScreeningMatch: Sendable, Hashable {
    /// Which field of the query produced the best evidence.
    public enum MatchedField: String, Sendable, Hashable, Codable {
        /// The ship's IMO number equals the listed vessel's.
        case imo
        /// The query number equals a listed company's (owner's) IMO number.
        case companyIMO = "company_imo"
        /// The MMSI equals the listed vessel's.
        case mmsi
        /// The call sign equals the listed vessel's.
        case callSign = "call_sign"
        /// A name or alias matched.
        case name
    }

    /// The listed entry.
    public let entry: ListedEntry
    /// `0...1`: 1 for an identifier match or an exact name, lower for fuzzy names.
    public let score: Double
    /// The strongest field.
    public let matchedOn: MatchedField
    /// The listed name or alias (or identifier) that matched, as printed on the list.
    public let matchedName: String
    /// Why it matched: the field, the name or alias and its quality, and each rule applied.
    public let reasons: [String]
    /// The version of the list the entry came from.
    public let version: ListVersion

    /// Builds a match (the screener does).
    public init(entry: ListedEntry, score: Double, matchedOn: MatchedField, matchedName: String, reasons: [String], version: ListVersion) {
        self.entry = entry
        self.score = score
        self.matchedOn = matchedOn
        self.matchedName = matchedName
        self.reasons = reasons
        self.version = version
    }
}
