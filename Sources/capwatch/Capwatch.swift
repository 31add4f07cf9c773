import ArgumentParser

/// The `capwatch` command line: one root command with a subcommand per job.
@main
struct Capwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capwatch",
        abstract: "Monitor the UN cap on refined-petroleum deliveries to the DPRK and the ship-to-ship transfers that break it.",
        subcommands: [Analyze.self, Decode.self, Bench.self, Committee.self, Ledger.self, Screen.self, Simulate.self, Evaluate.self]
    )
}
