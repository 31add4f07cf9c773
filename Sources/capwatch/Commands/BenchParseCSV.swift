#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CapwatchCore
import Foundation
import TrackAnalysis

/// `capwatch bench parse-csv FILE`: position CSV parsing alone, on one thread, from memory.
///
/// The file is read into memory once; each run gives every line to a fresh ``PositionCSVParser``
/// (no track building, no output) and is timed in CPU time of the calling thread, so another
/// process on the same core disturbs the figure less than it would wall-clock time. The median
/// of the runs is printed as rows/s and ns/row.
struct BenchParseCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-csv",
        abstract: "Position CSV parsing throughput in memory, one thread (median of several runs, CPU time)."
    )

    @Argument(help: "A position CSV (any known layout).")
    var file: String

    @Option(help: "Timed runs; the median is reported.")
    var runs = 5

    @Flag(help: "Also give every record to a TrackBuilder, as analyze does (without building the tracks).")
    var builder = false

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive.") }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw CapwatchCLIError("\(file): cannot read: \(error.localizedDescription)")
        }
        var timings: [(cpu: Double, wall: Double)] = []
        var tally = Tally()
        for _ in 0..<runs {
            let wallStart = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPUNanoseconds()
            tally = bytes.withUnsafeBufferPointer { Self.parse($0, intoBuilder: builder) }
            let cpu = Double(Self.threadCPUNanoseconds() - cpuStart)
            let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart)
            timings.append((cpu, wall))
        }
        guard tally.records > 0 else {
            // Nothing parsed: a timing of failures would be meaningless, and a script must see it.
            throw CapwatchCLIError("\(file): no position CSV rows read (\(tally.failures) lines failed): not a position CSV this parser recognises")
        }
        let cpu = Self.median(timings.map(\.cpu))
        let wall = Self.median(timings.map(\.wall))
        let rows = Double(max(tally.records + tally.failures, 1))
        print("parse-csv\(builder ? " + TrackBuilder" : ""): \(tally.records) records (\(tally.positions) positions, \(tally.staticReports) static reports), \(tally.failures) failures")
        print(
            "median of \(runs): \(String(format: "%.1f", cpu / rows)) ns/row CPU, \(Int(rows / cpu * 1e9)) rows/s; wall \(String(format: "%.1f", wall / rows)) ns/row"
        )
        print("CPU ns/row per run: " + timings.map { String(format: "%.1f", $0.cpu / rows) }.joined(separator: " "))
    }

    /// What one run produced, so the work cannot be optimised away and runs can be compared.
    private struct Tally {
        var records = 0
        var positions = 0
        var staticReports = 0
        var failures = 0
    }

    /// Parses every line of `bytes` with a fresh parser.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, intoBuilder: Bool) -> Tally {
        var parser = PositionCSVParser()
        var trackBuilder = TrackBuilder()
        var tally = Tally()
        let n = bytes.count
        guard let base = bytes.baseAddress else { return tally }
        var start = 0
        while start < n {
            let end = memchr(base + start, 10, n - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if intoBuilder {  // the reader's form: records go straight into the builder
                switch parser.parse(utf8: line, into: &trackBuilder) {
                case .record: tally.records += 1
                case .failure: tally.failures += 1
                case .header, .skipped: break
                }
                continue
            }
            switch parser.parse(utf8: line) {
            case .record(let r):
                tally.records += 1
                // Optional chaining reads one field; `!= nil` would copy the whole report.
                if r.position?.mmsi != nil { tally.positions += 1 }
                if r.staticReport?.mmsi != nil { tally.staticReports += 1 }
            case .failure: tally.failures += 1
            case .header, .skipped: break
            }
        }
        if parser.finish() != nil { tally.failures += 1 }
        if intoBuilder {
            tally.positions = trackBuilder.positionCount
            tally.staticReports = trackBuilder.staticReportCount
        }
        return tally
    }

    /// CPU time consumed by the calling thread, in nanoseconds.
    private static func threadCPUNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    private static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
