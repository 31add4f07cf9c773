import Foundation
import Testing

/// `capwatch bench make-tracks`, and `bench parse-csv` on bad input (the benchmarks themselves are
/// not tests: scripts/bench.sh).
@Suite("capwatch bench make-tracks on the real binary")
struct BenchCommandTests {
    @Test("the generated CSV is deterministic, has N rows, and its second replica has new MMSIs 7 days later",
          .enabled(if: CommandRunner.hasSharedData, "needs ../shared/data/tracks"))
    func makeTracksIsDeterministic() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capwatch-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 62,285 source rows: 70,000 positions take one full replica and part of a second.
        var outputs: [Data] = []
        for name in ["a.csv", "b.csv"] {
            let path = dir.appendingPathComponent(name).path
            let result = try CommandRunner.run(["bench", "make-tracks", "--positions", "70000", "--out", path])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
        let lines = String(decoding: outputs[0], as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 70_001)
        #expect(lines[0].hasPrefix("timestamp,mmsi,lat,lon"))
        // Row 1 and row 62,286 are the same source row (the first Baltic report) in replicas 0 and 1.
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        let copy = lines[62_286].split(separator: ",", omittingEmptySubsequences: false)
        #expect(first[0] == "2018-04-01T00:03:15Z")
        #expect(copy[0] == "2018-04-08T00:03:15Z")
        #expect(first[1] != copy[1])
        #expect(first[1].prefix(3) == copy[1].prefix(3), "the flag (MID) is kept")
        #expect(first[2...] == copy[2...])
    }

    @Test("bench parse-csv on bytes that are no position CSV fails, naming the file, instead of timing failures")
    func parseCSVRefusesNonCSV() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("random.bin").path
        var generator = SystemRandomNumberGenerator()
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
        let r = try CommandRunner.run(["bench", "parse-csv", path, "--runs", "1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("random.bin: no position CSV rows read"), "stderr: \(r.stderr)")
    }
}
