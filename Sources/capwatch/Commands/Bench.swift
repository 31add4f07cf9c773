import ArgumentParser

/// `capwatch bench`: measures Capwatch against its peers on the same input in the same run and
/// prints one table (`scripts/bench.sh` installs the peers, prepares the inputs and runs `bench all`).
///
/// These are benchmarks, not tests: nothing here runs under `swift test`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark decoding and analysis against gpsd, libais and pyais (run scripts/bench.sh to install the peers).",
        subcommands: [BenchDecode.self, BenchAll.self, BenchMakeTracks.self, BenchParseCSV.self],
        defaultSubcommand: BenchDecode.self
    )
}
