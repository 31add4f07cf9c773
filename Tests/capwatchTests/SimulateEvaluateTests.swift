import Foundation
import Testing

/// `capwatch simulate`, then `capwatch analyze`, then `capwatch evaluate` on the real binary, for
/// both scenarios: the F1 per kind is printed, and the kinds the detectors are meant to get right
/// (encounters, gaps, port visits) must score at least 0.95 with no near miss reported.
@Suite("capwatch simulate → analyze → evaluate on the real binary")
struct SimulateEvaluateTests {
    struct KindScore: Decodable {
        var kind: String
        var truth: Int
        var detected: Int
        var false_alarms: Int
        var f1: Double?
    }

    struct Evaluation: Decodable {
        var kinds: [KindScore]
        var misses: [Miss]
        var false_alarms: [FalseAlarm]
        struct Miss: Decodable { var kind: String; var note: String }
        struct FalseAlarm: Decodable { var near_miss: String? }
    }

    /// Runs the three commands; thinned to one position per 5 minutes per vessel to keep it short.
    static func run(_ scenario: String, seed: Int = 7) throws -> Evaluation {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sim = try CommandRunner.run(["simulate", "--scenario", scenario, "--seed", String(seed), "--thin", "300", "--out", dir.path])
        #expect(sim.status == 0, "\(sim.stderr)")
        let nmea = dir.appendingPathComponent("traffic.nmea").path
        let analyze = try CommandRunner.run([
            "analyze", nmea, "--ports", dir.appendingPathComponent("ports.csv").path, "--out", dir.appendingPathComponent("out").path, "--quiet",
        ])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let truth = dir.appendingPathComponent("truth.json").path
        let events = dir.appendingPathComponent("out/events.json").path
        let text = try CommandRunner.run(["evaluate", "--truth", truth, "--events", events])
        #expect(text.status == 0, "\(text.stderr)")
        print("capwatch evaluate, \(scenario) seed \(seed):\n\(text.stdout)")
        let json = try CommandRunner.run(["evaluate", "--truth", truth, "--events", events, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        return try JSONDecoder().decode(Evaluation.self, from: Data(json.stdout.utf8))
    }

    @Test("east-china-sea: encounters, gaps and port visits ≥ 0.95; near misses not reported; known misses only")
    func eastChinaSea() throws {
        let e = try Self.run("east-china-sea")
        for kind in ["encounter", "gap", "port_visit", "loitering"] {
            let s = try #require(e.kinds.first { $0.kind == kind }, "no \(kind) scores")
            #expect((s.f1 ?? 0) >= 0.95, "\(kind) F1 \(s.f1 ?? 0)")
        }
        #expect(e.false_alarms.allSatisfy { $0.near_miss == nil }, "a near miss was reported")
        // The two misses the detectors' definitions imply (see the README): a dark STS whose dark
        // party reappears far away, and a draught change with no gap or encounter of its own.
        #expect(Set(e.misses.map(\.kind)) == ["dark_sts", "draught_change"])
        #expect(e.misses.count == 2)
    }

    @Test("identity-games: identity changes and spoofing found, near misses not reported")
    func identityGames() throws {
        let e = try Self.run("identity-games")
        for kind in ["identity_change", "spoofing", "gap", "port_visit"] {
            let s = try #require(e.kinds.first { $0.kind == kind }, "no \(kind) scores")
            #expect((s.f1 ?? 0) >= 0.95, "\(kind) F1 \(s.f1 ?? 0)")
        }
        #expect(e.misses.isEmpty)
        #expect(e.false_alarms.isEmpty)
    }

    @Test("Same scenario and seed, same bytes; unknown scenario refused")
    func deterministic() throws {
        let a = try CommandRunner.temporaryDirectory()
        let b = try CommandRunner.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        for dir in [a, b] {
            let r = try CommandRunner.run(["simulate", "--scenario", "identity-games", "--seed", "3", "--thin", "600", "--out", dir.path])
            #expect(r.status == 0)
        }
        for name in ["traffic.nmea", "truth.json"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
        }
        let bad = try CommandRunner.run(["simulate", "--scenario", "atlantis", "--out", a.path])
        #expect(bad.status != 0 && bad.stderr.contains("east-china-sea"))
    }
}
