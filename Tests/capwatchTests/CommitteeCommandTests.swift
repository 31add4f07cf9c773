import Foundation
import Testing

@Suite("capwatch committee on the real binary")
struct CommitteeCommandTests {
    /// Runs `capwatch committee ARGS --db DB`.
    static func committee(_ db: URL, _ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(["committee"] + arguments + ["--db", db.path])
    }

    /// June 2019 through the command line: propose, two objections, refused late and non-member
    /// actions, status, log, verify. Times of day and co-sponsors are illustrative.
    @Test("propose, respond, status, log and verify; a refused late objection exits non-zero")
    func june2019() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("capwatch.db")

        let propose = try Self.committee(db, [
            "propose", "--kind", "breach-determination", "--text", "Determine the 2019 cap breached.", "--proposer", "USA",
            "--co-sponsor", "JPN,KOR,AUS", "--co-sponsor", "GBR", "--ledger-ref", "ledger:2019:refined",
            "--at", "2019-06-12T10:00", "--deadline", "2019-06-18T17:00",
        ])
        #expect(propose.status == 0, "\(propose.stderr)")
        #expect(propose.stdout.contains("P2019-001 circulated 2019-06-12T10:00:00-04:00 by USA (United States) with 4 co-sponsors"))
        #expect(propose.stdout.contains("deadline 2019-06-18T17:00:00-04:00"))

        for (state, time) in [("RUS", "2019-06-17T15:00"), ("China", "2019-06-18T11:30")] {
            let r = try Self.committee(db, ["respond", "P2019-001", "--member", state, "--object", "--reason", "not proof", "--at", time])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let late = try Self.committee(db, ["respond", "P2019-001", "--member", "FRA", "--hold", "--at", "2019-06-18T17:30"])
        #expect(late.status != 0)
        #expect(late.stderr.contains("procedure_closed") || late.stderr.contains("after_deadline"))
        #expect(late.stderr.contains("P2019-001"))
        let outsider = try Self.committee(db, ["respond", "P2019-001", "--member", "JPN", "--object", "--at", "2019-06-13T10:00"])
        #expect(outsider.status != 0)
        #expect(outsider.stderr.contains("not_a_member"))

        let status = try Self.committee(db, ["status", "P2019-001", "--at", "2019-06-19T09:00"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("BLOCKED since 2019-06-18T17:00:00-04:00"))
        #expect(status.stdout.contains("objection: RUS (Russian Federation) at 2019-06-17T15:00:00-04:00: not proof"))
        #expect(status.stdout.contains("objection: CHN (China) at 2019-06-18T11:30:00-04:00"))
        let pending = try Self.committee(db, ["status", "--at", "2019-06-14T09:00"])
        #expect(pending.stdout.contains("PENDING"))

        let log = try Self.committee(db, ["log", "P2019-001"])
        #expect(log.status == 0)
        #expect(log.stdout.contains("#2  2019-06-17T15:00:00-04:00  P2019-001  objected  RUS (Russian Federation)"))
        #expect(log.stdout.contains("#3  2019-06-18T11:30:00-04:00  P2019-001  objected  CHN (China)"))

        let verify = try Self.committee(db, ["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("intact: 3 entries"))
    }

    @Test("verify names the entry whose stored bytes were changed, and exits 1")
    func verifyTampered() throws {
        let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("capwatch.db")
        #expect(try Self.committee(db, [
            "propose", "--kind", "breach-determination", "--text", "t", "--proposer", "USA", "--at", "2018-07-12T12:00", "--working-days", "5",
        ]).status == 0)
        #expect(try Self.committee(db, ["respond", "P2018-001", "--member", "RUS", "--hold", "--reason", "details", "--at", "2018-07-19T10:00"])
            .status == 0)
        let held = try Self.committee(db, ["status", "--at", "2018-07-20T10:00"])
        #expect(held.stdout.contains("deadline 2018-07-19T17:00:00-04:00  ON_HOLD"))
        #expect(try Self.committee(db, ["respond", "P2018-001", "--member", "RUS", "--lift-hold", "--at", "2018-08-01T12:00"]).status == 0)
        #expect(try Self.committee(db, ["status", "--at", "2018-08-02T10:00"]).stdout.contains("ADOPTED since 2018-08-01T12:00:00-04:00"))
        #expect(try Self.committee(db, ["verify"]).status == 0)

        guard let sqlite else { return }  // the tamper half needs the sqlite3 shell
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: sqlite)
        edit.arguments = [db.path, "DROP TRIGGER committee_log_no_update; UPDATE committee_log SET payload = replace(payload, 'details', 'detailz') WHERE sequence = 2;"]
        try edit.run()
        edit.waitUntilExit()
        #expect(edit.terminationStatus == 0)
        let verify = try Self.committee(db, ["verify"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("broken at entry 2 (proposal P2018-001)"))
    }

    @Test("members lists fifteen states a year and the Chair")
    func members() throws {
        let r = try CommandRunner.run(["committee", "members", "--year", "2019"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("DEU*"))
        #expect(r.stdout.contains("chair: DEU (Germany)"))
    }
}

extension CommitteeCommandTests {
    @Test("the ledger's threshold notices enter the committee log once, as Secretary notices")
    func notices() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("capwatch.db")
        // 400,000 bbl of a 500,000 bbl cap: 80 %, past the 75 % threshold only (illustrative figure).
        let add = try CommandRunner.run([
            "ledger", "add", "--state", "China", "--period", "2019-03", "--product", "gasoline", "--quantity", "400000", "--unit", "bbl",
            "--received", "2019-04-20", "--db", db.path,
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let first = try Self.committee(db, ["notices", "--year", "2019"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("N2019-075  2019-04-20  75 %  recorded as log entry 1"))
        let second = try Self.committee(db, ["notices", "--year", "2019"])
        #expect(second.stdout.contains("already recorded"))
        let log = try Self.committee(db, ["log", "--all"])
        #expect(log.stdout.contains("N2019-075  secretary_notice  Secretary"))
        #expect(try Self.committee(db, ["verify"]).stdout.contains("intact: 1 entries"))
    }
}
