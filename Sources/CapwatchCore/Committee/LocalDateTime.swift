/// A wall-clock date and time without a zone (New York local time in this module).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar date.
    public var date: CalendarDate
    /// 0–23.
    public var hour: Int
    /// 0–59.
    public var minute: Int
    /// 0–59.
    public var second: Int

    /// Nil when a time field is out of range.
    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Seconds since 1970-01-01T00:00:00 of the same (zone-less) clock.
    var secondsSinceEpoch: Int64 { Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second) }

    /// `2019-06-18T17:00:00`.
    public var description: String { date.description + "T" + committeeZeroPad(hour, 2) + ":" + committeeZeroPad(minute, 2) + ":" + committeeZeroPad(second, 2) }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

func committeeZeroPad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
