import Testing

@testable import CapwatchCore

@Suite("Committee: the no-objection procedure")
struct CommitteeProcedureTests {
    @Test("shipped membership: fifteen members a year, permanent five, the Chair")
    func membership() throws {
        for year in [2018, 2019] {
            let m = try #require(CommitteeRoster.shipped.membership(year: year))
            #expect(m.members.count == 15)
            #expect(CommitteeRoster.permanentMembers.isSubset(of: m.members))
            #expect(m.chair.map(m.isMember) == true)
        }
        #expect(CommitteeRoster.shipped.membership(year: 2018)?.chair == code("NLD"))
        #expect(CommitteeRoster.shipped.membership(year: 2019)?.chair == code("DEU"))
        #expect(CommitteeRoster.shipped.membership(year: 2018)?.isMember(code("DEU")) == false)
        #expect(CommitteeRoster.shipped.membership(year: 2019)?.isMember(code("DEU")) == true)
        #expect(StateCode(parsing: "Russian Federation") == code("RUS"))
        #expect(StateCode(parsing: " china ") == code("CHN"))
        #expect(StateCode(parsing: "Atlantis") == nil)
    }

    @Test("June 2019: the US and 25 co-sponsors; Russia and China object before 18 June → blocked, and the log says who and when")
    func june2019() throws {
        var docket = try CommitteeDocket(entries: [])
        let proposal = try june2019Proposal()
        #expect(proposal.coSponsors.count == 25)
        try docket.propose(proposal)
        // "Russia and China notified the committee before Tuesday's deadline" (AP, 18 Jun 2019); the
        // times of day are illustrative.
        try docket.record(CommitteeAction(.object, by: code("RUS"), at: ny("2019-06-17T15:00"),
                                          reason: "an estimate from ship movements is not proof"), on: proposal.id)
        try docket.record(CommitteeAction(.object, by: code("CHN"), at: ny("2019-06-18T11:30"), reason: "insufficient evidence"),
                          on: proposal.id)

        let before = try docket.status(of: proposal.id, at: ny("2019-06-18T16:59"))
        #expect(before.outcome == .pending)
        #expect(before.objections.map(\.state) == [code("RUS"), code("CHN")])

        let after = try docket.status(of: proposal.id, at: ny("2019-06-18T17:00"))
        #expect(after.outcome == .blocked)
        #expect(after.since == ny("2019-06-18T17:00"))

        let log = docket.items[proposal.id]!.entries
        #expect(log.map(\.kind) == [.proposed, .objected, .objected])
        #expect(log.map(\.actor) == [code("USA"), code("RUS"), code("CHN")])
        #expect(log.map(\.at) == [ny("2019-06-12T10:00"), ny("2019-06-17T15:00"), ny("2019-06-18T11:30")])
        #expect(log[1].payload.contains("reason=an estimate from ship movements is not proof"))
        #expect(CommitteeAuditLog.verify(docket.entries).isIntact)
    }

    @Test("July 2018: Russia places a hold on 19 July → on hold; lifting it with no objection → adopted")
    func july2018() throws {
        var docket = try CommitteeDocket(entries: [])
        let proposal = try july2018Proposal()
        try docket.propose(proposal)
        try docket.record(CommitteeAction(.placeHold, by: code("RUS"), at: ny("2018-07-19T10:00"),
                                          reason: "details requested on every single case"), on: proposal.id)
        let atDeadline = try docket.status(of: proposal.id, at: ny("2018-07-19T17:00"))
        #expect(atDeadline.outcome == .onHold)
        #expect(atDeadline.holds.map(\.state) == [code("RUS")])
        // Holds do not lapse by default (the lapse rule is unconfirmed).
        #expect(try docket.status(of: proposal.id, at: ny("2018-12-31T23:00")).outcome == .onHold)

        // Hypothetical: Russia lifts the hold after the deadline; nobody objected → adopted then.
        try docket.record(CommitteeAction(.liftHold, by: code("RUS"), at: ny("2018-08-01T12:00")), on: proposal.id)
        let lifted = try docket.status(of: proposal.id, at: ny("2018-08-02T12:00"))
        #expect(lifted.outcome == .adopted)
        #expect(lifted.since == ny("2018-08-01T12:00"))
        #expect(try docket.status(of: proposal.id, at: ny("2018-07-31T12:00")).outcome == .onHold)
    }

    @Test("silence is consent: no objection and no hold → adopted at the deadline")
    func silence() throws {
        var docket = try CommitteeDocket(entries: [])
        let proposal = try july2018Proposal()
        try docket.propose(proposal)
        #expect(try docket.status(of: proposal.id, at: ny("2018-07-19T16:59")).outcome == .pending)
        let s = try docket.status(of: proposal.id, at: ny("2018-07-19T17:00"))
        #expect(s.outcome == .adopted)
        #expect(s.since == proposal.deadline)
    }

    @Test("an objection after the deadline is refused, naming the state, the proposal and the deadline")
    func objectionAfterDeadline() throws {
        var docket = try CommitteeDocket(entries: [])
        let proposal = try june2019Proposal()
        try docket.propose(proposal)
        let error = #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.object, by: code("RUS"), at: ny("2019-06-18T17:00")), on: proposal.id)
        }
        #expect(error?.code == .procedureClosed)  // adopted at the deadline: the procedure is over
        #expect(error?.state == code("RUS"))
        #expect(error?.proposalID == "P2019-001")
        #expect(error?.deadline == ny("2019-06-18T17:00"))
        #expect(error?.description.contains("2019-06-18T17:00:00-04:00") == true)
        #expect(error?.description.contains("RUS (Russian Federation)") == true)

        // While on hold after the deadline, a new objection is refused as late.
        var held = try CommitteeDocket(entries: [])
        let july = try july2018Proposal()
        try held.propose(july)
        try held.record(CommitteeAction(.placeHold, by: code("RUS"), at: ny("2018-07-19T10:00")), on: july.id)
        let late = #expect(throws: CommitteeError.self) {
            try held.record(CommitteeAction(.object, by: code("CHN"), at: ny("2018-07-20T10:00")), on: july.id)
        }
        #expect(late?.code == .afterDeadline)
        #expect(late?.description.contains("2018-07-19T17:00:00-04:00") == true)
        #expect(held.entries.count == 2)  // nothing was appended
    }

    @Test("a state that is not a member that year is refused; non-members may co-sponsor")
    func nonMember() throws {
        var docket = try CommitteeDocket(entries: [])
        let proposal = try july2018Proposal()
        try docket.propose(proposal)
        // Germany sat on the Council in 2019, not 2018.
        let error = #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.object, by: code("DEU"), at: ny("2018-07-16T10:00")), on: proposal.id)
        }
        #expect(error?.code == .notAMember)
        #expect(error?.description.contains("not a member of the 1718 Committee in 2018") == true)
        // Japan co-sponsored in 2019 (non-member) but cannot act or propose.
        var d2019 = try CommitteeDocket(entries: [])
        try d2019.propose(try june2019Proposal())
        #expect(throws: CommitteeError.self) {
            try d2019.record(CommitteeAction(.placeHold, by: code("JPN"), at: ny("2019-06-13T10:00")), on: "P2019-001")
        }
        let jp = try Proposal(id: "P2019-002", kind: .designateVessel, text: "t", proposer: code("JPN"), circulatedAt: ny("2019-06-13T10:00"),
                              deadlineRule: .explicit(ny("2019-06-20T17:00")))
        #expect(throws: CommitteeError.self) { try d2019.propose(jp) }
        // A year the roster does not know.
        var d2020 = try CommitteeDocket(entries: [])
        let p2020 = try Proposal(id: "P2020-001", kind: .exemption, text: "t", proposer: code("USA"), circulatedAt: ny("2020-06-13T10:00"),
                                 deadlineRule: .explicit(ny("2020-06-20T17:00")))
        let unknown = #expect(throws: CommitteeError.self) { try d2020.propose(p2020) }
        #expect(unknown?.code == .unknownYear)
    }

    @Test("withdrawing the only objection before the deadline → adopted")
    func withdraw() throws {
        var docket = try CommitteeDocket(entries: [])
        let p = try june2019Proposal()
        try docket.propose(p)
        try docket.record(CommitteeAction(.object, by: code("RUS"), at: ny("2019-06-14T10:00")), on: p.id)
        #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.object, by: code("RUS"), at: ny("2019-06-14T11:00")), on: p.id)
        }
        #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.withdrawObjection, by: code("CHN"), at: ny("2019-06-14T11:00")), on: p.id)
        }
        try docket.record(CommitteeAction(.withdrawObjection, by: code("RUS"), at: ny("2019-06-15T10:00")), on: p.id)
        #expect(try docket.status(of: p.id, at: ny("2019-06-19T00:00")).outcome == .adopted)
    }

    @Test("an objection and a hold at the deadline: the objection blocks")
    func objectionBeatsHold() throws {
        var docket = try CommitteeDocket(entries: [])
        let p = try july2018Proposal()
        try docket.propose(p)
        try docket.record(CommitteeAction(.placeHold, by: code("RUS"), at: ny("2018-07-16T10:00")), on: p.id)
        try docket.record(CommitteeAction(.object, by: code("CHN"), at: ny("2018-07-17T10:00")), on: p.id)
        #expect(try docket.status(of: p.id, at: ny("2018-07-20T10:00")).outcome == .blocked)
        #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.liftHold, by: code("RUS"), at: ny("2018-07-21T10:00")), on: p.id)
        }
    }

    @Test("hold lapse is a setting, off by default; when on, a lapsed hold counts as lifted")
    func holdLapseSetting() throws {
        let p = try july2018Proposal()
        let hold = CommitteeAction(.placeHold, by: code("RUS"), at: ny("2018-07-19T10:00"))
        let off = NoObjectionProcedure()
        #expect(try off.status(of: p, actions: [hold], at: ny("2019-07-19T10:00")).outcome == .onHold)
        let tenDays = NoObjectionProcedure(settings: .init(holdLapse: 10 * 86_400))
        let beforeLapse = try tenDays.status(of: p, actions: [hold], at: ny("2018-07-29T09:59"))
        #expect(beforeLapse.outcome == .onHold)
        let lapsed = try tenDays.status(of: p, actions: [hold], at: ny("2018-07-29T10:00"))
        #expect(lapsed.outcome == .adopted)
        #expect(lapsed.since == ny("2018-07-29T10:00"))
        #expect(lapsed.lapsedHolds.map(\.state) == [code("RUS")])
        // A hold that lapses before the deadline leaves silence: adopted at the deadline.
        let oneDay = NoObjectionProcedure(settings: .init(holdLapse: 86_400))
        let early = CommitteeAction(.placeHold, by: code("RUS"), at: ny("2018-07-13T10:00"))
        let s = try oneDay.status(of: p, actions: [early], at: ny("2018-07-20T00:00"))
        #expect(s.outcome == .adopted)
        #expect(s.since == p.deadline)
    }

    @Test("the Chair extends the deadline and refers to the Council; others cannot")
    func chair() throws {
        var docket = try CommitteeDocket(entries: [])
        let p = try july2018Proposal()
        try docket.propose(p)
        try docket.record(CommitteeAction(.requestExtension, by: code("CHN"), at: ny("2018-07-17T10:00"), reason: "more time"), on: p.id)
        let notChair = #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.extendDeadline, by: code("USA"), at: ny("2018-07-17T11:00"), newDeadline: ny("2018-07-26T17:00")),
                              on: p.id)
        }
        #expect(notChair?.code == .notChair)
        #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.extendDeadline, by: code("NLD"), at: ny("2018-07-17T11:00"), newDeadline: ny("2018-07-18T17:00")),
                              on: p.id)
        }
        try docket.record(CommitteeAction(.extendDeadline, by: code("NLD"), at: ny("2018-07-17T12:00"), newDeadline: ny("2018-07-26T17:00")),
                          on: p.id)
        // An objection on 20 July is now in time.
        try docket.record(CommitteeAction(.object, by: code("CHN"), at: ny("2018-07-20T10:00")), on: p.id)
        let s = try docket.status(of: p.id, at: ny("2018-07-27T10:00"))
        #expect(s.outcome == .blocked)
        #expect(s.deadline == ny("2018-07-26T17:00"))
        #expect(s.extensionRequests.map(\.state) == [code("CHN")])
        // No consensus: the Chair takes it to the Council.
        try docket.record(CommitteeAction(.referToCouncil, by: code("NLD"), at: ny("2018-07-30T10:00")), on: p.id)
        #expect(try docket.status(of: p.id, at: ny("2018-07-30T10:00")).outcome == .referredToCouncil)
    }

    @Test("actions are recorded in time order and not before circulation")
    func ordering() throws {
        var docket = try CommitteeDocket(entries: [])
        let p = try june2019Proposal()
        try docket.propose(p)
        let early = #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.object, by: code("RUS"), at: ny("2019-06-10T10:00")), on: p.id)
        }
        #expect(early?.code == .beforeCirculation)
        try docket.record(CommitteeAction(.placeHold, by: code("RUS"), at: ny("2019-06-15T10:00")), on: p.id)
        let out = #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.object, by: code("CHN"), at: ny("2019-06-14T10:00")), on: p.id)
        }
        #expect(out?.code == .outOfOrder)
        #expect(throws: CommitteeError.self) {
            try docket.record(CommitteeAction(.object, by: code("CHN"), at: ny("2019-06-14T10:00")), on: "P2019-404")
        }
        #expect(throws: CommitteeError.self) { try docket.propose(p) }  // duplicate identifier
        #expect(docket.nextProposalID(year: 2019) == "P2019-002")
    }

    @Test("a ledger threshold notice becomes a Secretary notice entry, once per year and threshold")
    func secretaryNotice() throws {
        var docket = try CommitteeDocket(entries: [])
        let notice = SecretaryNotice(year: 2019, threshold: 0.75, date: Timestamp(year: 2019, month: 9, day: 30)!,
                                     text: "75 % of the 2019 cap reached", ledgerReference: "ledger:2019:refined")
        #expect(notice.id == "N2019-075")
        #expect(try docket.recordNotice(notice) != nil)
        #expect(try docket.recordNotice(notice) == nil)
        #expect(docket.notices["N2019-075"]?.kind == .secretaryNotice)
        #expect(docket.entries.count == 1)
    }
}
