import Foundation
import Testing

/// `capwatch screen` on the real binary, against the lists shipped in Data/sanctions.
///
/// Every expected identifier is taken from the list files (file and line given beside it) and
/// every expected score from the scoring rules in `Screener` worked by hand; none is copied from
/// the program's output.
@Suite("capwatch screen on the real binary")
struct ScreenCommandTests {
    static let lists = CommandRunner.packageRoot.appendingPathComponent("Data/sanctions").path

    /// Runs `capwatch screen ARGS --lists Data/sanctions`.
    static func screen(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(["screen"] + arguments + ["--lists", lists])
    }

    /// CSV output as rows of fields (RFC 4180: a quoted field may hold commas, `""` is a quote).
    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { line in
            let chars = Array(line)
            var fields = [""]
            var quoted = false
            var i = 0
            while i < chars.count {
                switch (chars[i], quoted) {
                case ("\"", true) where i + 1 < chars.count && chars[i + 1] == "\"":
                    fields[fields.count - 1].append("\"")
                    i += 1
                case ("\"", _): quoted.toggle()
                case (",", false): fields.append("")
                default: fields[fields.count - 1].append(chars[i])
                }
                i += 1
            }
            return fields
        }
    }

    /// Runs `capwatch screen --file Q.csv ARGS` on ``queries``, expecting success.
    static func screenQueries(_ arguments: [String]) throws -> CommandRunner.Result {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("queries.csv")
        try queries.write(to: file, atomically: true, encoding: .utf8)
        let r = try screen(["--file", file.path] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return r
    }

    /// The queries of the `--file` tests, with what the lists say about each:
    /// - `Rungrado`: `ofac/sdn.csv` line 5107, `23166,"RUNG RA DO","vessel","DPRK4",…` (IMO 8989795).
    ///   Joined syllables: both normalise to the letters RUNGRADO with the key LUNKLATO, so key and
    ///   spelling similarity are 1: score 1.000.
    /// - `Korea Achim Shipping Co`: `un/consolidated.xml` lines 46887–46889 (`FIRST_NAME` KOREA ACHIM
    ///   SHIPPING CO, `REFERENCE_NUMBER` KPe.061) and `ofac/sdn.csv` line 5386
    ///   (`23707,"KOREA ACHIM SHIPPING CO",…`): the same words on both lists, 1.000 each; equal
    ///   scores rank by list id, so OFAC:23707 before UN:KPe.061.
    /// - `Rungrado 1`: the same letters as RUNG RA DO, but a number on the query side only, which
    ///   costs 0.15: 1 − 0.15 = 0.850, below the default threshold 0.86. (RUNG RA 1, line 5109,
    ///   agrees on the number but its key LUNKLA is two edits from LUNKLATO: 0.75.)
    /// - `OCEAN HARMONY`: a decoy; no list file contains `HARMON` in any case (nor `ARMON` except
    ///   an address in add.csv, which is not a name), so nothing comes near it.
    static let queries = """
        query,kind
        Rungrado,vessel
        Korea Achim Shipping Co,entity
        Rungrado 1,vessel
        OCEAN HARMONY,vessel

        """

    /// The UN consolidated XML holds no vessel records (Data/sanctions/SOURCES.md: the 1718
    /// Committee lists ships separately), so the vessel is OFAC's; the UN list is screened by
    /// name in ``fileCSV()`` (KPe.061).
    @Test("one name: RUNGRADO finds the vessel RUNG RA DO (OFAC:23166) with score 1.000")
    func singleName() throws {
        let r = try Self.screen(["Rungrado", "--kind", "vessel"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // The header names both list versions; the first match is the vessel.
        #expect(lines.first?.hasPrefix("Screening \"Rungrado\" against UN ") == true)
        #expect(lines.first?.contains("OFAC ") == true)
        let first = try #require(lines.dropFirst().first)
        #expect(first.contains("1.000  OFAC:23166  RUNG RA DO"), "\(first)")
        #expect(first.contains("[vessel; DPRK4]"))
    }

    @Test("--imo with and without the IMO prefix finds RUNG RA DO by its IMO number", arguments: ["8989795", "IMO 8989795"])
    func imo(_ value: String) throws {
        // 8989795: 8×7 + 9×6 + 8×5 + 9×4 + 7×3 + 9×2 = 225, check digit 5 (resolution A.1117(30)).
        let r = try Self.screen(["--imo", value, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = Self.rows(r.stdout)
        #expect(rows.first == ["query", "rank", "list", "list_id", "name", "score", "matched_on", "reasons"])
        let first = try #require(rows.dropFirst().first)
        #expect(Array(first.prefix(7)) == ["IMO 8989795", "1", "OFAC", "OFAC:23166", "RUNG RA DO", "1.000", "imo"])
        #expect(first.last?.contains("IMO 8989795 equals the listed vessel's IMO number") == true)
    }

    @Test("--imo with a failing check digit is refused before any list is read")
    func imoCheckDigit() throws {
        // 8989794: the check digit of 898979 is 5 (above), not 4.
        let r = try Self.screen(["--imo", "8989794"])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("--imo: 8989794 fails the IMO check digit"), "\(r.stderr)")
    }

    @Test("--file --format csv: the header, best-first ranks, an empty list_id for the decoy; --threshold lets a weaker match in")
    func fileCSV() throws {
        let r = try Self.screenQueries(["--format", "csv"])
        let rows = Self.rows(r.stdout)
        #expect(r.stdout.hasPrefix("query,rank,list,list_id,name,score,matched_on,reasons\n"))
        #expect(rows.dropFirst().allSatisfy { $0.count == 8 })
        func matches(_ query: String) -> [[String]] { rows.dropFirst().filter { $0[0] == query } }

        // Ranks 1, 2, 3… for each query, scores never rising.
        for query in ["Rungrado", "Korea Achim Shipping Co"] {
            let m = matches(query)
            #expect(m.map { $0[1] } == (1...m.count).map(String.init), "\(query)")
            let scores = m.compactMap { Double($0[5]) }
            #expect(scores == scores.sorted(by: >), "\(query)")
        }
        #expect(Array(matches("Rungrado").first?[2...6] ?? []) == ["OFAC", "OFAC:23166", "RUNG RA DO", "1.000", "name"])
        let achim = matches("Korea Achim Shipping Co").prefix(2).map { Array($0[2...6]) }
        #expect(achim == [
            ["OFAC", "OFAC:23707", "KOREA ACHIM SHIPPING CO", "1.000", "name"],
            ["UN", "UN:KPe.061", "KOREA ACHIM SHIPPING CO", "1.000", "name"],
        ])
        #expect(!matches("Rungrado 1").contains { $0[3] == "OFAC:23166" }, "0.850 is below the default 0.86")
        #expect(matches("OCEAN HARMONY") == [["OCEAN HARMONY", "", "", "", "", "", "", ""]])

        let lower = try Self.screenQueries(["--format", "csv", "--threshold", "0.8"])
        let weak = try #require(Self.rows(lower.stdout).first { $0[0] == "Rungrado 1" && $0[3] == "OFAC:23166" })
        #expect(weak[5] == "0.850")
        #expect(weak[7].contains("number only on one side (−0.15)"))
    }

    @Test("--file --format json parses as JSON: one object per query, matches ranked, none for the decoy")
    func fileJSON() throws {
        let r = try Self.screenQueries(["--format", "json"])
        let results = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(results.map { $0["query"] as? String } == ["Rungrado", "Korea Achim Shipping Co", "Rungrado 1", "OCEAN HARMONY"])
        let rungrado = try #require(results[0]["matches"] as? [[String: Any]])
        let best = try #require(rungrado.first)
        #expect(best["list_id"] as? String == "OFAC:23166")
        #expect(best["rank"] as? Int == 1)
        #expect(best["score"] as? Double == 1)
        #expect(best["imo"] as? Int == 8_989_795)
        #expect(best["kind"] as? String == "vessel")
        #expect((best["list_sha256"] as? String)?.count == 64)
        #expect((results[3]["matches"] as? [Any])?.isEmpty == true)
    }

    @Test("bad input: a missing query file, a file without a query column, a missing lists directory")
    func badInput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }

        let missing = dir.appendingPathComponent("nowhere.csv").path
        let noFile = try Self.screen(["--file", missing])
        #expect(noFile.status != 0)
        #expect(noFile.stderr.contains("\(missing): cannot open"), "\(noFile.stderr)")

        let noColumn = dir.appendingPathComponent("names.csv")
        try "name,kind\nRungrado,vessel\n".write(to: noColumn, atomically: true, encoding: .utf8)
        let r = try Self.screen(["--file", noColumn.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(noColumn.path): line 1: no `query` field in the header (found: name,kind)"), "\(r.stderr)")

        let noLists = dir.appendingPathComponent("no-lists").path
        let lists = try CommandRunner.run(["screen", "Rungrado", "--lists", noLists])
        #expect(lists.status != 0)
        #expect(lists.stderr.contains("\(noLists): no such directory"), "\(lists.stderr)")
    }
}
