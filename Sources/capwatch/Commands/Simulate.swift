import ArgumentParser
import CapwatchCore
import Foundation
import TrackAnalysis

/// `capwatch simulate --scenario NAME [--seed N] [--thin S] --out DIR`: realistic AIS traffic with
/// planted evasion, and the truth to score detections against.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write simulated AIS traffic with planted sanctions-evasion behaviours (traffic.nmea) and their ground truth (truth.json).",
        discussion: """
            Scenarios: \(SimulationScenario.names.joined(separator: ", ")). The traffic is NMEA 0183 !AIVDM with tag \
            blocks (s: receiver, c: receive time), types 1, 5, 18 and 24 at the ITU-R M.1371-5 reporting rates; \
            truth.json lists the planted events (kinds as in events.json; must_not_detect for near misses); \
            ports.csv lists the scenario's ports for `analyze --ports`. The same scenario and seed give the same files.
            """
    )

    @Option(help: "Scenario name: \(SimulationScenario.names.joined(separator: ", ")).")
    var scenario: String

    @Option(help: "Random seed (identities, fishing patterns, drifts, report phases).")
    var seed: UInt64 = 1

    @Option(help: "Keep at most one position report per vessel every this many seconds (0 keeps every report).")
    var thin: Int64 = 0

    @Option(help: "Output directory for traffic.nmea, truth.json and ports.csv.")
    var out = "capwatch-sim"

    func validate() throws {
        guard SimulationScenario.names.contains(scenario) else {
            throw ValidationError("Unknown scenario '\(scenario)'; choose one of: \(SimulationScenario.names.joined(separator: ", ")).")
        }
        guard thin >= 0 else { throw ValidationError("--thin must be zero or more seconds.") }
    }

    func run() throws {
        guard let world = SimulationScenario.make(scenario, seed: seed) else { throw CapwatchCLIError("unknown scenario \(scenario)") }
        let messages = world.messages(thinSeconds: thin)
        let traffic = NMEATrafficWriter.render(messages, source: "capwatch-sim")
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CapwatchCLIError("\(out): cannot create the output directory: \(error.localizedDescription)")
        }
        try save(traffic, "traffic.nmea")
        try save(try truthJSON(world), "truth.json")
        var ports = "name,country,lat,lon\n"
        for p in world.ports { ports += "\"\(p.name)\",\(p.country ?? ""),\(p.position.latitude),\(p.position.longitude)\n" }
        try save(ports, "ports.csv")
        let planted = world.truth.filter { !$0.mustNotDetect }.count
        print("""
            Scenario \(world.name), seed \(seed): \(world.vessels.count) vessels, \(Timestamp(secondsSince1970: world.start).iso8601) – \
            \(Timestamp(secondsSince1970: world.end).iso8601)
            \(messages.count) messages (thinned to one position per \(thin) s per vessel), \(planted) planted events, \
            \(world.truth.count - planted) near misses
            Wrote \(out)/traffic.nmea, truth.json, ports.csv
            """)
    }

    private func save(_ text: String, _ name: String) throws {
        let path = (out as NSString).appendingPathComponent(name)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CapwatchCLIError("\(path): cannot write: \(error.localizedDescription)")
        }
    }

    /// `{"scenario", "seed", "start", "end", "vessels": [{mmsi, label}], "events": [truth…]}`, one event per line.
    private func truthJSON(_ world: SimulationScenario) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let events = try world.truth.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        var vessels: [String] = []
        for v in world.vessels {
            let mmsis = Array(Set(v.identities.map(\.mmsi))).sorted().map(String.init).joined(separator: ",")
            vessels.append("{\"mmsi\":[\(mmsis)],\"label\":\(String(decoding: try encoder.encode(v.label), as: UTF8.self))}")
        }
        return """
            {"scenario":"\(world.name)","seed":\(world.seed),"start":"\(Timestamp(secondsSince1970: world.start).iso8601)",\
            "end":"\(Timestamp(secondsSince1970: world.end).iso8601)",
            "vessels":[
            \(vessels.joined(separator: ",\n"))
            ],
            "events":[
            \(events.joined(separator: ",\n"))
            ]}

            """
    }
}
