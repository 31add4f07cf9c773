import CapwatchCore
import CapwatchStore
import GRDB
import Testing

@Suite("CapwatchStore: the committee log")
struct CommitteeStoreTests {
    static func ny(_ text: String) -> Timestamp { NewYorkTime.parse(text)! }
    static func state(_ code: String) -> StateCode { StateCode(rawValue: code)! }

    /// June 2019 (REGIME.md §4): US request, Russia and China object before the 18 June deadline.
    /// Times of day and the co-sponsor list are illustrative.
    static func june2019(_ db: CapwatchDatabase) throws -> String {
        let entry = try db.propose(year: 2019) { id in
            try Proposal(
                id: id, kind: .breachDetermination, text: "Determine the 2019 cap breached; notify all States to cease supplies.",
                proposer: state("USA"), coSponsors: ["JPN", "KOR", "AUS", "CAN", "GBR", "FRA"].map(state),
                evidence: ProposalEvidence(eventIDs: ["enc-1"], imoNumbers: [IMONumber(rawValue: 9_074_729)!],
                                           mmsis: [MMSI(rawValue: 445_123_000)!], ledgerReferences: ["ledger:2019:refined"]),
                circulatedAt: ny("2019-06-12T10:00"), deadlineRule: .explicit(ny("2019-06-18T17:00")))
        }
        try db.recordCommitteeAction(CommitteeAction(.object, by: state("RUS"), at: ny("2019-06-17T15:00"), reason: "not proof"),
                                     on: entry.proposalID)
        try db.recordCommitteeAction(CommitteeAction(.object, by: state("CHN"), at: ny("2019-06-18T11:30")), on: entry.proposalID)
        return entry.proposalID
    }

    @Test("propose and respond through the façade; the outcome and the log read back")
    func roundTrip() throws {
        let db = try CapwatchDatabase.inMemory()
        let id = try Self.june2019(db)
        #expect(id == "P2019-001")
        let docket = try db.committeeDocket()
        let proposal = try #require(docket.items[id]?.proposal)
        #expect(proposal.evidence.imoNumbers.map(\.rawValue) == [9_074_729])
        #expect(proposal.evidence.mmsis.map(\.rawValue) == [445_123_000])
        #expect(proposal.coSponsors.count == 6)
        #expect(try docket.status(of: id, at: Self.ny("2019-06-19T00:00")).outcome == .blocked)
        let log = try db.committeeLog(proposalID: id)
        #expect(log.map(\.kind) == [.proposed, .objected, .objected])
        #expect(log.compactMap(\.actor?.rawValue) == ["USA", "RUS", "CHN"])
        #expect(try db.verifyCommitteeLog().isIntact)
    }

    @Test("a refused action is not stored")
    func refusedNotStored() throws {
        let db = try CapwatchDatabase.inMemory()
        let id = try Self.june2019(db)
        let late = #expect(throws: CommitteeError.self) {
            try db.recordCommitteeAction(CommitteeAction(.object, by: Self.state("FRA"), at: Self.ny("2019-06-19T09:00")), on: id)
        }
        #expect(late?.code == .procedureClosed)
        let nonMember = #expect(throws: CommitteeError.self) {
            try db.recordCommitteeAction(CommitteeAction(.object, by: Self.state("JPN"), at: Self.ny("2019-06-13T09:00")), on: id)
        }
        #expect(nonMember?.code == .notAMember)
        #expect(try db.committeeLog().count == 3)
    }

    @Test("the log is append-only; changing one byte with raw SQL makes verify name the entry")
    func tamper() throws {
        let db = try CapwatchDatabase.inMemory()
        _ = try Self.june2019(db)
        // The triggers refuse UPDATE and DELETE …
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE committee_log SET at_ms = at_ms + 1 WHERE sequence = 2") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM committee_log WHERE sequence = 3") }
        }
        #expect(try db.verifyCommitteeLog().isIntact)
        // … and someone with the file can drop them: change one byte of entry 2's reason.
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER committee_log_no_update")
            try db.execute(sql: "UPDATE committee_log SET payload = replace(payload, 'not proof', 'not prooF') WHERE sequence = 2")
        }
        let result = try db.verifyCommitteeLog()
        #expect(result.firstBrokenSequence == 2)
        #expect(result.description.contains("entry 2"))
        #expect(result.description.contains("P2019-001"))
    }

    @Test("moving an entry's time and rewriting its hash is caught at the next link")
    func tamperWithRehash() throws {
        let db = try CapwatchDatabase.inMemory()
        _ = try Self.june2019(db)
        var entries = try db.committeeLog()
        entries[1].at = Self.ny("2019-06-18T18:00")
        let newHash = entries[1].computedHash
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER committee_log_no_update")
            try db.execute(sql: "UPDATE committee_log SET at_ms = ?, hash = ? WHERE sequence = 2",
                           arguments: [entries[1].at.millisecondsSince1970, newHash])
        }
        #expect(try db.verifyCommitteeLog().firstBrokenSequence == 2)
    }

    @Test("a Secretary threshold notice is logged once")
    func notice() throws {
        let db = try CapwatchDatabase.inMemory()
        let notice = SecretaryNotice(year: 2019, threshold: 0.9, date: Timestamp(year: 2019, month: 10, day: 1)!, text: "90 %")
        #expect(try db.recordSecretaryNotice(notice) != nil)
        #expect(try db.recordSecretaryNotice(notice) == nil)
        #expect(try db.committeeLog().map(\.proposalID) == ["N2019-090"])
    }
}

extension CommitteeStoreTests {
    @Test("an actor changed to lower case is not normalised away: verify names the entry as unreadable")
    func lowerCaseActor() throws {
        let db = try CapwatchDatabase.inMemory()
        _ = try Self.june2019(db)
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER committee_log_no_update")
            try db.execute(sql: "UPDATE committee_log SET actor = 'rus' WHERE sequence = 2")
        }
        let result = try db.verifyCommitteeLog()
        #expect(result.firstBrokenSequence == 2)
        #expect(result.description.contains("unreadable"))
    }
}
