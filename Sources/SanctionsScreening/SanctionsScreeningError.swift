/// Why a list could not be read: one error type for the module, with a code and a message.
public struct SanctionsScreeningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The document declares a DTD or an entity: refused before parsing (XXE / entity expansion).
        case forbiddenDTD
        /// The XML is not well-formed.
        case malformedXML
        /// The document is not the expected list (wrong root element, missing columns).
        case unexpectedFormat
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, with the line when known.
    public let message: String

    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: a one-line explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
