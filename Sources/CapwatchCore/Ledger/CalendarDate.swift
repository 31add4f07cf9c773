/// A day of the proleptic Gregorian calendar (UTC), as in a notification's date of receipt.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2019.
    public let year: Int
    /// The month, `1...12`.
    public let month: Int
    /// The day of the month, `1...31` and valid for the month.
    public let day: Int

    /// Returns nil when the month or day is out of range for the year.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Timestamp.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The UTC day of an instant.
    public init(_ time: Timestamp) {
        let c = time.components
        self.year = c.year
        self.month = c.month
        self.day = c.day
    }

    /// Midnight UTC at the start of this day.
    public var start: Timestamp { Timestamp(year: year, month: month, day: day)! }

    /// The month this day falls in.
    public var reportingMonth: ReportingMonth { ReportingMonth(year: year, month: month)! }

    /// `2019-09-30`.
    public var description: String { ReportingMonth.pad(year, 4) + "-" + ReportingMonth.pad(month, 2) + "-" + ReportingMonth.pad(day, 2) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = CalendarDate(parsing: s) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "\"\(s)\" is not YYYY-MM-DD") }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
