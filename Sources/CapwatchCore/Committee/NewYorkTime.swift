/// New York local time (the UN Headquarters' time, in which Committee deadlines are set), computed
/// in pure code from the US daylight-saving rules — no time-zone database, no clock.
///
/// Offsets: Eastern Standard Time UTC−5, Eastern Daylight Time UTC−4.
/// Daylight saving:
/// - from 2007: second Sunday of March 02:00 local to first Sunday of November 02:00 local
///   (Energy Policy Act of 2005 §110, 15 U.S.C. §260a);
/// - 1987–2006: first Sunday of April to last Sunday of October (Pub. L. 99-359).
/// Years before 1987 use the 1987–2006 rule and are not exact (the Committee dates from 2006).
public enum NewYorkTime {
    /// Standard time offset, seconds east of UTC.
    public static let standardOffset = -5 * 3600
    /// Daylight time offset, seconds east of UTC.
    public static let daylightOffset = -4 * 3600

    /// The UTC instants daylight saving begins and ends in `year`.
    public static func daylightSavingInterval(year: Int) -> (start: Timestamp, end: Timestamp) {
        let start: CalendarDate
        let end: CalendarDate
        if year >= 2007 {
            start = nthSunday(2, year: year, month: 3)
            end = nthSunday(1, year: year, month: 11)
        } else {
            start = nthSunday(1, year: year, month: 4)
            end = lastSunday(year: year, month: 10)
        }
        // 02:00 EST = 07:00 UTC; 02:00 EDT = 06:00 UTC.
        return (Timestamp(secondsSince1970: Int64(start.dayNumber) * 86_400 + 7 * 3600),
                Timestamp(secondsSince1970: Int64(end.dayNumber) * 86_400 + 6 * 3600))
    }

    /// The offset from UTC in seconds (−18000 or −14400) in force at `instant`.
    public static func offsetSeconds(at instant: Timestamp) -> Int {
        let year = instant.components.year
        let dst = daylightSavingInterval(year: year)
        return instant >= dst.start && instant < dst.end ? daylightOffset : standardOffset
    }

    /// The New York wall-clock time of `instant` (milliseconds dropped).
    public static func localDateTime(of instant: Timestamp) -> LocalDateTime {
        let secs = floorDiv(instant.millisecondsSince1970, 1000) + Int64(offsetSeconds(at: instant))
        let days = floorDiv(secs, 86_400)
        let rem = Int(secs - days * 86_400)
        return LocalDateTime(date: CalendarDate(dayNumber: Int(days)), hour: rem / 3600, minute: (rem % 3600) / 60, second: rem % 60)!
    }

    /// The New York calendar date of `instant`.
    public static func date(of instant: Timestamp) -> CalendarDate { localDateTime(of: instant).date }

    /// The instant a New York wall-clock time denotes. In the autumn hour that occurs twice, the
    /// earlier (daylight) instant; nil for a time in the spring gap (02:00–02:59 on the day
    /// daylight saving starts), which never occurs.
    public static func instant(of local: LocalDateTime) -> Timestamp? {
        for offset in [daylightOffset, standardOffset] {
            let t = Timestamp(secondsSince1970: local.secondsSinceEpoch - Int64(offset))
            if offsetSeconds(at: t) == offset { return t }
        }
        return nil
    }

    /// ISO 8601 with the New York offset: `2019-06-18T17:00:00-04:00`.
    public static func format(_ instant: Timestamp) -> String {
        let offset = offsetSeconds(at: instant)
        return localDateTime(of: instant).description + (offset == daylightOffset ? "-04:00" : "-05:00")
    }

    /// Parses a time from the command line or a record: ISO 8601 with `Z` or an offset is an absolute
    /// instant; without a zone (`2019-06-18T17:00`, `2019-06-18 17:00:00`) it is New York local
    /// time; a bare date (`2019-06-18`) is New York midnight. Nil otherwise, or in the spring gap.
    public static func parse(_ text: some StringProtocol) -> Timestamp? {
        let s = String(text).trimmingCommitteeBlanks()
        if let date = CalendarDate(parsing: s) { return instant(of: LocalDateTime(date: date, hour: 0, minute: 0)!) }
        // After `YYYY-MM-DDTHH:MM`, a `Z` or a sign marks a zone.
        let tail = s.count > 16 ? s.dropFirst(16) : ""
        let hasZone = tail.contains { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }
        if hasZone { return Timestamp(iso8601: s) }
        let withSeconds = s.count == 16 ? s + ":00" : s
        guard let utcReading = Timestamp(iso8601: withSeconds) else { return nil }
        let c = utcReading.components
        guard let date = CalendarDate(year: c.year, month: c.month, day: c.day),
            let local = LocalDateTime(date: date, hour: c.hour, minute: c.minute, second: min(c.second, 59))
        else { return nil }
        return instant(of: local)
    }

    private static func nthSunday(_ n: Int, year: Int, month: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!
        let toSunday = (7 - first.weekday) % 7
        return first.adding(days: toSunday + 7 * (n - 1))
    }

    private static func lastSunday(year: Int, month: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: month, day: Timestamp.daysInMonth(year: year, month: month))!
        return last.adding(days: -(last.weekday % 7))
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
