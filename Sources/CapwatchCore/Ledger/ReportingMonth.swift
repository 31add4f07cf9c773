/// The month a notified supply was delivered in: the period of a notification and a column of the
/// Committee's published table (REGIME.md §2).
public struct ReportingMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2019.
    public let year: Int
    /// The month, `1...12`.
    public let month: Int

    /// Returns nil when `month` is not `1...12`.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (also `YYYY/MM`); nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count), let y = Int(parts[0]), let m = Int(parts[1]) else {
            return nil
        }
        self.init(year: y, month: m)
    }

    /// The first day of the month.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

    /// The last day of the month.
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: Timestamp.daysInMonth(year: year, month: month))! }

    /// `2019-08`.
    public var description: String { ReportingMonth.pad(year, 4) + "-" + ReportingMonth.pad(month, 2) }

    /// English month abbreviation, `Jan` … `Dec`.
    public var shortMonthName: String { ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1] }

    public static func < (lhs: ReportingMonth, rhs: ReportingMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let m = ReportingMonth(parsing: s) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "\"\(s)\" is not YYYY-MM") }
        self = m
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
