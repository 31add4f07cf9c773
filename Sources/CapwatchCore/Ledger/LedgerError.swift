/// An error of the cap ledger, naming where it was found (file, line and field when known).
///
/// One error type for the ledger, with a nested ``Code`` (the pattern of swift-nio's errors).
/// ``description`` reads `notifications.csv:4: quantity: "-3" is not a non-negative number`.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Hashable, Sendable {
        /// A field is missing, empty or malformed.
        case invalidField = "invalid_field"
        /// The CSV header lacks a required column.
        case missingColumn = "missing_column"
        /// A figure cannot be converted to barrels.
        case cannotConvert = "cannot_convert"
        /// A correction names an entry that does not exist.
        case unknownEntry = "unknown_entry"
        /// A correction names an entry that was already superseded.
        case alreadySuperseded = "already_superseded"
    }

    /// What went wrong.
    public var code: Code
    /// The file (as given by the caller), when the error comes from one.
    public var file: String?
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// The field (CSV column) at fault, when known.
    public var field: String?
    /// A sentence for the user.
    public var message: String

    /// - Parameters: see the properties.
    public init(_ code: Code, file: String? = nil, line: Int? = nil, field: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, leaving out what is unknown.
    public var description: String {
        var out = ""
        if let file { out += file + (line.map { ":\($0)" } ?? "") + ": " } else if let line { out += "line \(line): " }
        if let field { out += field + ": " }
        return out + message
    }
}
