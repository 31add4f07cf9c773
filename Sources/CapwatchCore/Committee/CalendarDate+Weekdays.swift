extension CalendarDate {
    /// The date `dayNumber` days after 1970-01-01 (proleptic Gregorian).
    public init(dayNumber: Int) {
        let (y, m, d) = Timestamp.civilFromDays(dayNumber)
        self.init(year: y, month: m, day: d)!
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { Timestamp.daysFromCivil(year: year, month: month, day: day) }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Saturday or Sunday (the days a working-day deadline does not count).
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }
}
