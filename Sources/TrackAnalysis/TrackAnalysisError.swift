/// An error from TrackAnalysis: a CSV row or header that cannot be read, with the line and
/// field that caused it.
///
/// Errors are values: parsers return them per row and carry on, and the caller decides whether
/// to log, count or stop. ``description`` reads like `line 17, field "lat": "abc" is not a number`.
public struct TrackAnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Hashable, Sendable {
        /// The header names match none of the known layouts.
        case unknownHeader
        /// A data row arrived before any recognised header.
        case missingHeader
        /// A required cell (time, MMSI, one of a latitude/longitude pair) is empty or absent.
        case emptyField
        /// A cell that must be a number is not one.
        case notANumber
        /// A number is outside the range the field allows.
        case outOfRange
        /// A time cell does not match the layout's time format.
        case invalidTimestamp
        /// A cell has the right type but an unusable value (an IMO number of eight digits).
        case invalidValue
        /// The input ended inside a quoted field.
        case unterminatedQuote
        /// A data row has more or fewer fields than the header (often a delimiter inside an
        /// unquoted value, which would shift every later column).
        case wrongFieldCount
    }

    /// What went wrong.
    public var code: Code
    /// The 1-based physical line where the row starts; nil when not tied to a line.
    public var line: Int?
    /// The column name as written in the header (`lat`, `Latitude`, `LAT`); nil for whole-row errors.
    public var field: String?
    /// The offending text, when there is one.
    public var value: String?
    /// Extra explanation: the accepted range, the expected format.
    public var detail: String?

    /// - Parameters: see the properties.
    public init(code: Code, line: Int? = nil, field: String? = nil, value: String? = nil, detail: String? = nil) {
        self.code = code
        self.line = line
        self.field = field
        self.value = value
        self.detail = detail
    }

    public var description: String {
        var where_: [String] = []
        if let line { where_.append("line \(line)") }
        if let field { where_.append("field \"\(field)\"") }
        let prefix = where_.isEmpty ? "" : where_.joined(separator: ", ") + ": "
        let quoted = value.map { "\"\(Self.shown($0))\"" } ?? "value"
        let extra = detail.map { " (\($0))" } ?? ""
        switch code {
        case .unknownHeader: return prefix + "unrecognised header \(quoted)\(extra)"
        case .missingHeader: return prefix + "no recognised header before this row\(extra)"
        case .emptyField: return prefix + "empty, but required\(extra)"
        case .notANumber: return prefix + "\(quoted) is not a number\(extra)"
        case .outOfRange: return prefix + "\(quoted) is out of range\(extra)"
        case .invalidTimestamp: return prefix + "\(quoted) is not a valid time\(extra)"
        case .invalidValue: return prefix + "\(quoted) is not valid\(extra)"
        case .unterminatedQuote: return prefix + "quoted field not closed at end of input\(extra)"
        case .wrongFieldCount: return prefix + "\(value ?? "a different number of") field\(value == "1" ? "" : "s")\(extra)"
        }
    }

    /// The offending text as shown in ``description``: control characters (NUL, CR, …) written as
    /// `\u{…}` escapes, and at most 200 characters followed by the total when longer, so that a
    /// bad cell of megabytes does not become a warning of megabytes.
    static func shown(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        let count = value.unicodeScalars.count
        if count > 200 { out += "… (\(count) characters)" }
        return out
    }
}
