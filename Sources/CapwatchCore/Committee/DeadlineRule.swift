/// How a proposal's no-objection deadline was set; recorded with the proposal so the deadline can be
/// recomputed and defended.
///
/// The Committee's practice is a no-objection ("silence") procedure with a deadline: "five days" for
/// the July 2018 request (AFP), "Tuesday's deadline" in June 2019 (AP, 18 Jun 2019) [C, REGIME.md §3].
/// Whether the period is counted in working days, and at what hour it ends, is **unconfirmed**:
/// both forms are supported and the caller chooses.
public enum DeadlineRule: Hashable, Sendable, CustomStringConvertible {
    /// A stated instant (entered as New York time or with an explicit offset).
    case explicit(Timestamp)
    /// `count` working days after the New York date of circulation (that date is day 0), counting
    /// Saturdays, Sundays and the listed holidays out; the deadline is `time` New York time on the
    /// last counted day.
    case workingDays(count: Int, time: TimeOfDay, holidays: [CalendarDate])

    /// The default hour of a working-day deadline: 17:00 New York. **Unconfirmed** — the
    /// Committee's actual hour was not found in a source; pass the hour a circulation note states.
    public static let defaultDeadlineTime = TimeOfDay(hour: 17, minute: 0)!

    /// The deadline for a proposal circulated at `circulatedAt`.
    /// - Returns: nil when `count` is below 1 or the deadline falls in the spring daylight-saving gap.
    public func deadline(circulatedAt: Timestamp) -> Timestamp? {
        switch self {
        case .explicit(let t):
            return t
        case .workingDays(let count, let time, let holidays):
            guard let day = DeadlineRule.workingDay(count, after: NewYorkTime.date(of: circulatedAt), holidays: Set(holidays)),
                let local = LocalDateTime(date: day, hour: time.hour, minute: time.minute)
            else { return nil }
            return NewYorkTime.instant(of: local)
        }
    }

    /// The `count`-th working day after `start` (which is not counted).
    /// - Returns: nil when `count` < 1.
    public static func workingDay(_ count: Int, after start: CalendarDate, holidays: Set<CalendarDate>) -> CalendarDate? {
        guard count >= 1 else { return nil }
        var day = start
        var counted = 0
        while counted < count {
            day = day.adding(days: 1)
            if !day.isWeekend, !holidays.contains(day) { counted += 1 }
        }
        return day
    }

    /// A sentence for the record: `explicit 2019-06-18T17:00:00-04:00` or
    /// `5 working days after the New York date of circulation, weekends and holidays 2018-07-04 excluded, at 17:00 New York`.
    public var description: String {
        switch self {
        case .explicit(let t):
            return "explicit " + NewYorkTime.format(t)
        case .workingDays(let count, let time, let holidays):
            let list = holidays.isEmpty ? "no holidays" : "holidays " + holidays.sorted().map(\.description).joined(separator: ", ")
            return "\(count) working days after the New York date of circulation, weekends and \(list) excluded, at \(time) New York"
        }
    }
}
