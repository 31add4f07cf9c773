import ArgumentParser
import CapwatchCore
import Foundation
import TrackAnalysis

/// `capwatch evaluate --truth truth.json --events events.json [--format text|json]`: precision,
/// recall and F1 per event kind, misses and false alarms.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score detected events against planted ground truth: precision, recall and F1 per kind, misses and false alarms.",
        discussion: """
            Matching (DetectionEvaluator): encounters and dark STS need the same vessel pair and time ranges \
            overlapping by half the shorter; other kinds need the truth's vessel (identity changes: any \
            vessel in common) and overlapping times within 15 minutes. Detections matching a \
            must_not_detect entry are false alarms. Open ranges run to the truth's end of data.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "truth.json from `capwatch simulate` (an object with \"events\", or an array of truth events).")
    var truth: String

    @Option(help: "events.json from `capwatch analyze`.")
    var events: String

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let (truthEvents, dataEnd) = try Evaluate.loadTruth(truth)
        let detections: [Event]
        do {
            detections = try JSONDecoder().decode([Event].self, from: try Data(contentsOf: URL(fileURLWithPath: events)))
        } catch {
            throw CapwatchCLIError("\(events): cannot read the events: \(error)")
        }
        let result = DetectionEvaluator(dataEnd: dataEnd).evaluate(truth: truthEvents, detections: detections)
        print(format == .json ? EvaluationReport.json(result) : EvaluationReport.text(result), terminator: "")
    }

    private struct TruthFile: Decodable {
        var end: String?
        var events: [TruthEvent]
    }

    static func loadTruth(_ path: String) throws -> ([TruthEvent], Timestamp?) {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if let file = try? JSONDecoder().decode(TruthFile.self, from: data) {
                return (file.events, file.end.flatMap { Timestamp(iso8601: $0) })
            }
            return (try JSONDecoder().decode([TruthEvent].self, from: data), nil)
        } catch {
            throw CapwatchCLIError("\(path): cannot read the truth: \(error)")
        }
    }
}
