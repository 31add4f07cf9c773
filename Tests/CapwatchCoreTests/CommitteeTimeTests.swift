import Testing

@testable import CapwatchCore

@Suite("Committee time: New York offsets and working-day deadlines")
struct CommitteeTimeTests {
    @Test("US daylight saving boundaries (2007 rule and 1987–2006 rule)")
    func daylightSaving() {
        // 2019: second Sunday of March (10 Mar) 02:00 EST = 07:00Z; first Sunday of November (3 Nov) 02:00 EDT = 06:00Z.
        let dst2019 = NewYorkTime.daylightSavingInterval(year: 2019)
        #expect(dst2019.start == Timestamp(year: 2019, month: 3, day: 10, hour: 7))
        #expect(dst2019.end == Timestamp(year: 2019, month: 11, day: 3, hour: 6))
        // 2006: first Sunday of April (2 Apr), last Sunday of October (29 Oct).
        let dst2006 = NewYorkTime.daylightSavingInterval(year: 2006)
        #expect(dst2006.start == Timestamp(year: 2006, month: 4, day: 2, hour: 7))
        #expect(dst2006.end == Timestamp(year: 2006, month: 10, day: 29, hour: 6))
        #expect(NewYorkTime.offsetSeconds(at: Timestamp(year: 2019, month: 3, day: 10, hour: 6, minute: 59)!) == -18_000)
        #expect(NewYorkTime.offsetSeconds(at: Timestamp(year: 2019, month: 3, day: 10, hour: 7)!) == -14_400)
        #expect(NewYorkTime.offsetSeconds(at: Timestamp(year: 2019, month: 11, day: 3, hour: 5, minute: 59)!) == -14_400)
        #expect(NewYorkTime.offsetSeconds(at: Timestamp(year: 2019, month: 11, day: 3, hour: 6)!) == -18_000)
    }

    @Test("local to UTC: the spring gap does not exist; the autumn repeat takes the earlier instant")
    func localToUTC() {
        let gap = LocalDateTime(date: CalendarDate(year: 2019, month: 3, day: 10)!, hour: 2, minute: 30)!
        #expect(NewYorkTime.instant(of: gap) == nil)
        let repeated = LocalDateTime(date: CalendarDate(year: 2019, month: 11, day: 3)!, hour: 1, minute: 30)!
        #expect(NewYorkTime.instant(of: repeated) == Timestamp(year: 2019, month: 11, day: 3, hour: 5, minute: 30))
        #expect(ny("2019-06-18T17:00") == Timestamp(year: 2019, month: 6, day: 18, hour: 21))
        #expect(ny("2019-01-18T17:00") == Timestamp(year: 2019, month: 1, day: 18, hour: 22))
        #expect(NewYorkTime.parse("2019-06-18T17:00:00Z") == Timestamp(year: 2019, month: 6, day: 18, hour: 17))
        #expect(NewYorkTime.parse("2019-06-18T17:00:00+02:00") == Timestamp(year: 2019, month: 6, day: 18, hour: 15))
        #expect(NewYorkTime.parse("2019-06-18") == Timestamp(year: 2019, month: 6, day: 18, hour: 4))
        #expect(NewYorkTime.parse("18 June") == nil)
        #expect(NewYorkTime.format(ny("2019-06-18T17:00")) == "2019-06-18T17:00:00-04:00")
        #expect(NewYorkTime.format(ny("2019-12-02T17:00")) == "2019-12-02T17:00:00-05:00")
    }

    @Test("weekdays: 1970-01-01 was a Thursday, 2019-06-18 a Tuesday")
    func weekdays() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.weekday == 4)
        #expect(CalendarDate(year: 2019, month: 6, day: 18)!.weekday == 2)
        #expect(CalendarDate(year: 2019, month: 11, day: 30)!.isWeekend)
    }

    @Test("five working days across a weekend and a configured holiday, counted by hand")
    func workingDaysAcrossWeekendAndHoliday() throws {
        // Circulated Friday 22 November 2019, 15:00 New York; Thursday 28 November configured as a holiday.
        // Day 0 = Fri 22. Mon 25 (1), Tue 26 (2), Wed 27 (3), Thu 28 holiday, Fri 29 (4), Sat 30 and
        // Sun 1 Dec weekend, Mon 2 Dec (5). Deadline 17:00 EST (UTC−5) on 2 Dec = 22:00Z.
        let holiday = CalendarDate(year: 2019, month: 11, day: 28)!
        let rule = DeadlineRule.workingDays(count: 5, time: TimeOfDay(hour: 17, minute: 0)!, holidays: [holiday])
        let deadline = rule.deadline(circulatedAt: ny("2019-11-22T15:00"))
        #expect(deadline == Timestamp(year: 2019, month: 12, day: 2, hour: 22))
        // Without the holiday it is Friday 29 November.
        let plain = DeadlineRule.workingDays(count: 5, time: TimeOfDay(hour: 17, minute: 0)!, holidays: [])
        #expect(plain.deadline(circulatedAt: ny("2019-11-22T15:00")) == Timestamp(year: 2019, month: 11, day: 29, hour: 22))
        // The rule is recorded with the proposal.
        let p = try Proposal(id: "P2019-009", kind: .exemption, text: "t", proposer: code("USA"), circulatedAt: ny("2019-11-22T15:00"),
                             deadlineRule: rule)
        #expect(p.deadlineRule == rule)
        #expect(p.deadlineRule.description.contains("holidays 2019-11-28"))
    }

    @Test("working days across the spring clock change: 17:00 EDT on the far side")
    func workingDaysAcrossDaylightSaving() {
        // Friday 8 March 2019 (EST) + 2 working days: Mon 11 (1), Tue 12 (2); 17:00 EDT = 21:00Z.
        let rule = DeadlineRule.workingDays(count: 2, time: DeadlineRule.defaultDeadlineTime, holidays: [])
        #expect(rule.deadline(circulatedAt: ny("2019-03-08T11:00")) == Timestamp(year: 2019, month: 3, day: 12, hour: 21))
    }

    @Test("July 2018: five working days from Thursday 12 July end on Thursday 19 July")
    func july2018Deadline() throws {
        let p = try july2018Proposal()
        #expect(p.deadline == ny("2018-07-19T17:00"))
        #expect(p.deadline == Timestamp(year: 2018, month: 7, day: 19, hour: 21))
    }

    @Test("a deadline not after circulation is refused")
    func deadlineBeforeCirculation() {
        #expect(throws: CommitteeError.self) {
            try Proposal(id: "X", kind: .exemption, text: "t", proposer: code("USA"), circulatedAt: ny("2019-06-18T17:00"),
                         deadlineRule: .explicit(ny("2019-06-18T09:00")))
        }
    }
}
