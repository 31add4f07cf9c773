import Foundation
import CapwatchCore

/// One screening request: a name and/or identifiers, an optional kind filter, and a threshold.
public struct ScreeningQuery: Sendable, Hashable {
    /// The name to match (any case, punctuation, romanisation); nil to screen identifiers only.
    public var name: String?
    /// Restricts results to entries of this kind; nil for any kind.
    public var kind: ListedEntry.Kind?
    /// A ship IMO number, matched exactly against vessels' IMO numbers (never company numbers
    /// unless ``kind`` is ``ListedEntry/Kind/entity``). A number failing its check digit matches nothing.
    public var imo: IMONumber?
    /// An MMSI, matched exactly.
    public var mmsi: MMSI?
    /// A radio call sign, matched exactly (case-insensitive).
    public var callSign: String?
    /// Minimum score, `0...1`, for a match to be returned.
    public var threshold: Double
    /// At most this many matches, best first.
    public var limit: Int

    /// The default threshold: a name must agree on its transliteration key to within about one
    /// edit in ten letters, with numbers equal. Chosen before tuning on the examples.
    public static let defaultThreshold = 0.86

    /// - Parameters:
    ///   - name: the name, if any.
    ///   - kind: the kind filter, if any.
    ///   - imo: a ship IMO number, if any.
    ///   - mmsi: an MMSI, if any.
    ///   - callSign: a call sign, if any.
    ///   - threshold: minimum score `0...1`.
    ///   - limit: maximum number of matches.
    public init(
        name: String? = nil, kind: ListedEntry.Kind? = nil, imo: IMONumber? = nil, mmsi: MMSI? = nil, callSign: String? = nil,
        threshold: Double = ScreeningQuery.defaultThreshold, limit: Int = 10
    ) {
        self.name = name
        self.kind = kind
        self.imo = imo
        self.mmsi = mmsi
        self.callSign = callSign
        self.threshold = threshold
        self.limit = limit
    }

    /// Interprets free text the way an analyst types it: `IMO 8661850` or a bare seven-digit
    /// number is a ship IMO number; `MMSI 445123000` or a bare nine-digit number is an MMSI;
    /// anything else is a name.
    /// - Parameters:
    ///   - text: the query text.
    ///   - kind: the kind filter, if any.
    ///   - threshold: minimum score.
    ///   - limit: maximum number of matches.
    public init(text: String, kind: ListedEntry.Kind? = nil, threshold: Double = ScreeningQuery.defaultThreshold, limit: Int = 10) {
        self.init(kind: kind, threshold: threshold, limit: limit)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        var digits = Substring(upper)
        var mmsiPrefix = false
        if digits.hasPrefix("MMSI") {
            digits = digits.dropFirst(4).drop(while: { $0 == " " || $0 == ":" })
            mmsiPrefix = true
        }
        if !mmsiPrefix, let imo = IMONumber(parsing: trimmed), imo.rawValue >= 1_000_000 {
            self.imo = imo
        } else if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count == 9 || mmsiPrefix, let v = Int(digits) {
            self.mmsi = MMSI(v)
        } else {
            self.name = trimmed
        }
    }
}
