import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `capwatch analyze` keeps positions in temporary files, one per group of vessels, when the input
/// is larger than `--partition-mb` (or of unknown size), and analyses one group at a time: the
/// files it writes must not depend on how many groups there were.
@Suite("capwatch analyze by vessel groups")
struct AnalyzePartitionTests {
    static let files = ["events.json", "events.geojson", "vessels.csv", "ledger.json"]

    /// Runs analyze with `options` and `TMPDIR` set to a fresh directory; returns the output
    /// directory, the temporary directory and the result.
    static func analyze(_ arguments: [String], stdin: Data? = nil) throws -> (out: URL, tmp: URL, result: CommandRunner.Result) {
        let dir = try CommandRunner.temporaryDirectory()
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("out")
        let r = try CommandRunner.run(["analyze"] + arguments + ["--out", out.path, "--quiet"], stdin: stdin, environment: ["TMPDIR": tmp.path])
        return (out, tmp, r)
    }

    static func expectSameFiles(_ a: URL, _ b: URL, _ label: String) throws {
        for name in files {
            let x = try Data(contentsOf: a.appendingPathComponent(name))
            let y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(label): \(name) differs")
        }
    }

    @Test("the AISHub capture (4.1 MB): 1 group, 8 groups and 16 groups from a pipe give the same files; the temporary files are removed")
    func aisHubInGroups() throws {
        let args = ["Samples/ais-nmea-sample.log", "--ports", "Samples/wpi-ports.csv"]
        let one = try Self.analyze(args)
        #expect(one.result.status == 0, "\(one.result.stderr)")
        // 4,150,796 bytes / 1 MiB = 3.96, more than one group: 8 groups (the minimum).
        let eight = try Self.analyze(args + ["--partition-mb", "1"])
        #expect(eight.result.status == 0, "\(eight.result.stderr)")
        try Self.expectSameFiles(one.out, eight.out, "--partition-mb 1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: eight.tmp.path).isEmpty)
        // Standard input has no size: 16 groups.
        let bytes = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Samples/ais-nmea-sample.log"))
        let piped = try Self.analyze(["-", "--ports", "Samples/wpi-ports.csv"], stdin: bytes)
        #expect(piped.result.status == 0, "\(piped.result.stderr)")
        try Self.expectSameFiles(one.out, piped.out, "stdin")
        #expect(try FileManager.default.contentsOfDirectory(atPath: piped.tmp.path).isEmpty)
        // The counts of the first issue hold in every run: 10,334 vessels.
        let csv = try String(contentsOf: piped.out.appendingPathComponent("vessels.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 10_334 + 1)
    }

    @Test("the three real track files together, in 1 and 8 groups, give the same files",
          .enabled(if: CommandRunner.hasSharedData, "needs ../shared/data/tracks"))
    func realTracksInGroups() throws {
        let tracks = CommandRunner.sharedData.appendingPathComponent("tracks")
        let args = ["baltic_20180401.csv", "gibraltar_20160601.csv", "suez_evergiven_202103.csv"].map { tracks.appendingPathComponent($0).path }
        let one = try Self.analyze(args)
        #expect(one.result.status == 0, "\(one.result.stderr)")
        // 1,985,979 + 1,708,178 + 1,142,345 = 4,836,502 bytes / 1 MiB = 4.6: 8 groups (the minimum).
        let eight = try Self.analyze(args + ["--partition-mb", "1"])
        #expect(eight.result.status == 0, "\(eight.result.stderr)")
        try Self.expectSameFiles(one.out, eight.out, "--partition-mb 1")
        let events = try Data(contentsOf: eight.out.appendingPathComponent("events.json"))
        #expect(events.count > 100_000)
    }

    @Test("--partition-mb 0 is refused")
    func partitionSizeValidated() throws {
        let r = try CommandRunner.run(["analyze", "Samples/ais-nmea-sample.log", "--partition-mb", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--partition-mb must be 1 to 1,000,000"))
    }

    @Test("an interrupted run (SIGINT, SIGTERM) removes its temporary files and exits with 128 + the signal")
    func interruptedRunCleansUp() throws {
        for (signalNumber, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            let dir = try CommandRunner.temporaryDirectory()
            let tmp = dir.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["analyze", "-", "--out", dir.appendingPathComponent("out").path, "--quiet", "--lists", "none"]
            process.currentDirectoryURL = CommandRunner.packageRoot
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path]) { $1 }
            let input = Pipe()  // kept open: the run waits for more input, its groups' files made
            process.standardInput = input
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Standard input has no size, so the 16 group files exist from the start.
            var waited = 0.0
            while try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, waited < 30 {
                Thread.sleep(forTimeInterval: 0.1)
                waited += 0.1
            }
            #expect(try !FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "\(name): no temporary directory seen")
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            #expect(process.terminationStatus == 128 + signalNumber, "\(name)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "\(name): temporary files left")
        }
    }

    @Test("an input that is one of the output files, stdin given twice, and a missing input with a bad TMPDIR are refused by name")
    func refusedBeforeAnyWork() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let own = dir.appendingPathComponent("vessels.csv")
        try "timestamp,mmsi,lat,lon\n2019-03-01T00:00:00Z,445123000,31.0,124.0\n".write(to: own, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["analyze", own.path, "--out", dir.path])
        #expect(r.status != 0 && r.stderr.contains("is the vessels.csv this run would write to"), "\(r.stderr)")
        #expect(try String(contentsOf: own, encoding: .utf8).hasPrefix("timestamp,mmsi,lat,lon\n"))  // not overwritten
        let twice = try CommandRunner.run(["analyze", "-", "-"])
        #expect(twice.status != 0 && twice.stderr.contains("Standard input (-) is given more than once"))
        let missing = try CommandRunner.run(["analyze", dir.appendingPathComponent("missing.csv").path], environment: ["TMPDIR": "/nonexistent-capwatch"])
        #expect(missing.status != 0 && missing.stderr.contains("missing.csv: cannot open"), "\(missing.stderr)")
    }
}
