/// A state, by its ISO 3166-1 alpha-3 code (`USA`, `RUS`, `CHN`): proposers, co-sponsors and the
/// members who act in the 1718 Committee.
///
/// Any three ASCII letters are accepted (upper-cased): co-sponsors may be any UN member state, and
/// the code list is not shipped. ``init(parsing:)`` also accepts the English names in
/// ``knownNames`` ("Russia", "Russian Federation", "China") for the command line.
public struct StateCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Three upper-case ASCII letters.
    public let rawValue: String

    /// Wraps three ASCII letters (any case). Nil otherwise.
    public init?(rawValue: String) {
        let upper = rawValue.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        self.rawValue = upper
    }

    /// Parses a code (`"rus"`) or a known English name (`"Russian Federation"`, case-insensitive,
    /// surrounding blanks ignored). Nil when neither.
    public init?(parsing text: some StringProtocol) {
        let trimmed = String(text).trimmingCommitteeBlanks()
        if let code = StateCode(rawValue: trimmed) {
            self = code
            return
        }
        let key = trimmed.lowercased()
        guard let match = StateCode.knownNames.first(where: { $0.value.contains { $0.lowercased() == key } }) else { return nil }
        self = match.key
    }

    /// The first known English name, or the code itself.
    public var name: String { StateCode.knownNames[self]?.first ?? rawValue }

    public var description: String { rawValue }

    public static func < (lhs: StateCode, rhs: StateCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = StateCode(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an ISO 3166-1 alpha-3 code")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension StateCode {
    /// A code known to be well formed (shipped data).
    init(_ literal: StaticString) {
        self.init(rawValue: literal.description)!
    }

    /// English names of the states in the shipped membership data, and a few others that appear in the
    /// regime's record (ISO 3166-1 short names first, then common forms).
    public static let knownNames: [StateCode: [String]] = [
        StateCode("CHN"): ["China", "People's Republic of China"],
        StateCode("FRA"): ["France"],
        StateCode("RUS"): ["Russian Federation", "Russia"],
        StateCode("GBR"): ["United Kingdom", "UK"],
        StateCode("USA"): ["United States", "United States of America", "US"],
        StateCode("BOL"): ["Bolivia", "Plurinational State of Bolivia"],
        StateCode("CIV"): ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
        StateCode("GNQ"): ["Equatorial Guinea"],
        StateCode("ETH"): ["Ethiopia"],
        StateCode("KAZ"): ["Kazakhstan"],
        StateCode("KWT"): ["Kuwait"],
        StateCode("NLD"): ["Netherlands"],
        StateCode("PER"): ["Peru"],
        StateCode("POL"): ["Poland"],
        StateCode("SWE"): ["Sweden"],
        StateCode("BEL"): ["Belgium"],
        StateCode("DOM"): ["Dominican Republic"],
        StateCode("DEU"): ["Germany"],
        StateCode("IDN"): ["Indonesia"],
        StateCode("ZAF"): ["South Africa"],
        StateCode("JPN"): ["Japan"],
        StateCode("KOR"): ["Republic of Korea", "South Korea"],
        StateCode("PRK"): ["Democratic People's Republic of Korea", "DPRK", "North Korea"],
        StateCode("AUS"): ["Australia"],
        StateCode("CAN"): ["Canada"],
        StateCode("ITA"): ["Italy"],
    ]
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines (no Foundation in the core).
    func trimmingCommitteeBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
