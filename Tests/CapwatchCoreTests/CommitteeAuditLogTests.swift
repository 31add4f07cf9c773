import Testing

@testable import CapwatchCore

@Suite("Committee: the hash-chained log")
struct CommitteeAuditLogTests {
    @Test("an entry's hash is SHA-256 over its canonical text, which includes the previous hash")
    func entryHash() throws {
        let log = try june2019Log()
        #expect(log[1].hash == SHA256.hexDigest(log[1].canonicalText.utf8))
        #expect(log[1].canonicalText.hasPrefix("capwatch-committee-log/1\nsequence=2\nprevious=\(log[0].hash)\nproposal=P2019-001\n"))
    }

    func june2019Log() throws -> [CommitteeLogEntry] {
        var docket = try CommitteeDocket(entries: [])
        let p = try june2019Proposal()
        try docket.propose(p)
        try docket.record(CommitteeAction(.object, by: code("RUS"), at: ny("2019-06-17T15:00"), reason: "not proof"), on: p.id)
        try docket.record(CommitteeAction(.object, by: code("CHN"), at: ny("2019-06-18T11:30")), on: p.id)
        return docket.entries
    }

    @Test("each entry carries the previous entry's hash; an intact log verifies")
    func chain() throws {
        let log = try june2019Log()
        #expect(log[0].previousHash == CommitteeLogEntry.genesisHash)
        #expect(log[1].previousHash == log[0].hash)
        #expect(log[2].previousHash == log[1].hash)
        #expect(CommitteeAuditLog.verify(log) == .intact(count: 3, head: log[2].hash))
        // The log reads back into the same record.
        let docket = try CommitteeDocket(entries: log)
        #expect(docket.items["P2019-001"]?.proposal == (try june2019Proposal()))
        #expect(docket.items["P2019-001"]?.actions.map(\.state) == [code("RUS"), code("CHN")])
    }

    @Test("altering an entry's content names that entry")
    func alteredContent() throws {
        var log = try june2019Log()
        log[1].payload = log[1].payload.replacing("not proof", with: "not prooF")
        let result = CommitteeAuditLog.verify(log)
        #expect(result.firstBrokenSequence == 2)
        #expect(result.description.contains("entry 2"))
        var actor = try june2019Log()
        actor[2].actor = code("FRA")
        #expect(CommitteeAuditLog.verify(actor).firstBrokenSequence == 3)
    }

    @Test("altering an entry and rewriting its hash is caught by the next entry's link, naming the altered entry")
    func rehashed() throws {
        var log = try june2019Log()
        log[1].at = ny("2019-06-19T09:00")  // move Russia's objection past the deadline
        log[1].hash = log[1].computedHash
        let result = CommitteeAuditLog.verify(log)
        #expect(result.firstBrokenSequence == 2)
        guard case .broken(_, _, .linkMismatch(let next)) = result else {
            Issue.record("expected a link mismatch, got \(result)")
            return
        }
        #expect(next == 3)
    }

    @Test("a deleted entry, and a truncated end against a kept head")
    func deletions() throws {
        var log = try june2019Log()
        let head = log[2].hash
        log.remove(at: 1)
        #expect(CommitteeAuditLog.verify(log).firstBrokenSequence == 2)
        var truncated = try june2019Log()
        truncated.removeLast()
        #expect(CommitteeAuditLog.verify(truncated).isIntact)
        #expect(!CommitteeAuditLog.verify(truncated, expectedHead: head).isIntact)
    }

    @Test("payload text round-trips newlines and backslashes")
    func payloadEscaping() throws {
        var payload = LogPayload()
        payload.append("reason", "line one\nline two \\ end")
        let back = try #require(LogPayload(text: payload.text))
        #expect(back.value("reason") == "line one\nline two \\ end")
        #expect(payload.text.split(separator: "\n").count == 1)
    }
}
