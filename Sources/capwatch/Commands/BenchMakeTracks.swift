import ArgumentParser
import Foundation

/// `capwatch bench make-tracks --positions N --out FILE`: a large position CSV made by replicating
/// the real tracks in `../shared/data/tracks/` with shifted MMSIs and times (see ``BenchTrackReplicator``).
struct BenchMakeTracks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-tracks",
        abstract: "Write a position CSV of N rows by replicating real tracks with shifted MMSIs and times (deterministic)."
    )

    @Option(help: "Number of positions (rows) to write.")
    var positions: Int

    @Option(help: "Output CSV file.")
    var out: String

    @Option(help: "Source CSVs in the Capwatch layout (repeatable).")
    var source: [String] = [
        "../shared/data/tracks/baltic_20180401.csv", "../shared/data/tracks/gibraltar_20160601.csv",
        "../shared/data/tracks/suez_evergiven_202103.csv",
    ]

    @Option(help: "Days between replicas (7 keeps copies of the same area apart in time).")
    var replicaDays = 7

    @Flag(help: "Keep the MMSIs in every replica: the same fleet over a longer time (each source's replicas follow one another day after day; --replica-days is not used).")
    var sameVessels = false

    func validate() throws {
        guard positions > 0 else { throw ValidationError("--positions must be positive.") }
        guard replicaDays > 0 else { throw ValidationError("--replica-days must be positive.") }
    }

    func run() throws {
        let sources = try source.map { path -> (name: String, bytes: [UInt8]) in
            do {
                return (name: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            } catch {
                throw CapwatchCLIError("\(path): cannot read: \(error.localizedDescription)")
            }
        }
        let replicator = try BenchTrackReplicator(sources: sources)
        guard FileManager.default.createFile(atPath: out, contents: nil), let handle = FileHandle(forWritingAtPath: out) else {
            throw CapwatchCLIError("\(out): cannot create")
        }
        defer { try? handle.close() }
        try replicator.write(positions: positions, replicaDays: replicaDays, sameVessels: sameVessels) { try handle.write(contentsOf: $0) }
        let replicas = (positions + replicator.rowCount - 1) / replicator.rowCount
        FileHandle.standardError.write(
            Data("\(out): \(positions) positions, \(replicas) replica(s) of \(replicator.rowCount) rows and \(replicator.vesselCount) vessels\(sameVessels ? " (the same vessels in each)" : "")\n".utf8))
    }
}
