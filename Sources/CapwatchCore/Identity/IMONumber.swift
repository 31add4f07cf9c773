/// An IMO ship identification number: seven digits whose last is a check digit.
///
/// The check digit rule (IMO resolution A.1117(30), Annex): multiply the first six digits by
/// 7, 6, 5, 4, 3 and 2; the last digit of the sum is the seventh digit. 9074729:
/// 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139, so the check digit is 9.
///
/// A number that fails its check digit is still representable (AIS carries what the crew typed),
/// and ``isValid`` says so: detectors flag it rather than drop it.
public struct IMONumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The number, `1_000_000...9_999_999` for a well-formed seven-digit number.
    public let rawValue: Int

    /// Wraps any positive number of at most seven digits; nil for 0 (AIS "not available") and
    /// for anything outside `1...9_999_999`.
    public init?(rawValue: Int) {
        guard rawValue > 0, rawValue <= 9_999_999 else { return nil }
        self.rawValue = rawValue
    }

    /// Parses `"9074729"` or `"IMO 9074729"` / `"IMO9074729"` (case-insensitive, surrounding blanks
    /// ignored). Returns nil for anything that is not one to seven digits after the optional prefix.
    public init?(parsing text: some StringProtocol) {
        var s = Substring(text).drop(while: { $0 == " " })
        if s.count >= 3, s.prefix(3).uppercased() == "IMO" { s = s.dropFirst(3).drop(while: { $0 == " " || $0 == ":" }) }
        while s.last == " " { s = s.dropLast() }
        guard !s.isEmpty, s.count <= 7, s.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(s) else { return nil }
        self.init(rawValue: v)
    }

    /// True when the number has seven digits and its last digit equals the IMO check digit.
    public var isValid: Bool {
        guard rawValue >= 1_000_000 else { return false }
        return IMONumber.checkDigit(of: rawValue / 10) == rawValue % 10
    }

    /// The check digit for the six leading digits `0...999_999`.
    public static func checkDigit(of sixDigits: Int) -> Int {
        var n = sixDigits
        var sum = 0
        for weight in 2...7 {
            sum += (n % 10) * weight
            n /= 10
        }
        return sum % 10
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: IMONumber, rhs: IMONumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let v = try container.decode(Int.self)
        guard let imo = IMONumber(rawValue: v) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "IMO number \(v) is not 1...9999999")
        }
        self = imo
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
