import Foundation
import Testing

@Suite("capwatch ledger on the real binary")
struct LedgerCommandTests {
    static let header = "state,period,product,quantity,unit,received,conditions_met,notes\n"

    /// Runs `capwatch ledger ARGS --db DB`.
    static func ledger(_ db: URL, _ arguments: [String], stdin: Data? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(["ledger"] + arguments + ["--db", db.path], stdin: stdin)
    }

    /// Writes `rows` under the notification header as `name` in `dir`.
    static func notifications(_ rows: String, as name: String, in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent(name)
        try (header + rows).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("import from a file and from standard input, then status: tonnes converted by the Committee's chart")
    func importAndStatus() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("capwatch.db")
        let file = try Self.notifications("CN,2019-01,gas oil,1000,t,2019-02-10,true,first\n", as: "china.csv", in: dir)
        let a = try Self.ledger(db, ["import", file.path])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try Self.ledger(db, ["import", "-"], stdin: Data((Self.header + "RU,2019-01,gas oil,1000,t,2019-02-12,true,second\n").utf8))
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stdout.contains("-: 1 notification(s) stored"))
        let status = try Self.ledger(db, ["status", "--year", "2019"])
        // The Committee's chart converts gas oil at 7.5 bbl/t: 2 × 1,000 t × 7.5 = 15,000 bbl,
        // 15,000 / 500,000 = 3.0 % of the cap (resolution 2397 para 5).
        #expect(status.stdout.contains("Total 15,000 bbl = 3.0 % of the cap; 2 notification(s)"), "\(status.stdout)")
    }

    @Test("a file with a bad row names file, line and field and stores nothing; a directory is refused by name")
    func badInput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("capwatch.db")
        let file = try Self.notifications(
            "CN,2019-01,gas oil,1000,t,2019-02-10,true,ok\nRU,2019-01,gas oil,abc,t,2019-02-10,true,bad\n", as: "mixed.csv", in: dir)
        let r = try Self.ledger(db, ["import", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("mixed.csv:3: quantity: \"abc\""))
        #expect(r.stderr.contains("nothing stored"))
        let status = try Self.ledger(db, ["status", "--year", "2019"])
        #expect(status.stdout.contains("0 notification(s)"))
        // 10¹⁹ barrels is no delivery (world use is ~3.5 × 10¹⁰ bbl a year) and would overflow the status table.
        let huge = try Self.notifications("CN,2019-01,gas oil,1e19,bbl,2019-02-10,true,typo\n", as: "huge.csv", in: dir)
        let h = try Self.ledger(db, ["import", huge.path])
        #expect(h.status != 0 && h.stderr.contains("huge.csv:2: quantity"))
        let directory = try Self.ledger(db, ["import", dir.path])
        #expect(directory.status != 0)
        #expect(directory.stderr.contains("is a directory"))
    }
}
