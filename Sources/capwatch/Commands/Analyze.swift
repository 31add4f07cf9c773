import AISDecoding
import ArgumentParser
import CapwatchCore
import Foundation
import TrackAnalysis

/// `capwatch analyze INPUT… [--out DIR] [--ports FILE] [--gap-hours H]`: the main job.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build vessel tracks from AIS (NMEA or CSV) and detect STS encounters and AIS gaps.",
        discussion: """
            Each INPUT is recognised by its content: NMEA 0183 AIS sentences (with or without tag blocks), \
            or a position CSV (Capwatch layout, Danish Maritime Authority, NOAA MarineCadastre). Writes \
            events.json, events.geojson and vessels.csv to DIR and prints a summary.
            """
    )

    @Argument(help: "NMEA or CSV files; - for standard input.")
    var inputs: [String]

    @Option(help: "Directory for events.json, events.geojson and vessels.csv.")
    var out = "capwatch-out"

    @Option(help: "Port/anchorage list, CSV with name,lat,lon columns: encounters within 10 km of one are not reported.")
    var ports: String?

    @Option(help: "AIS gap threshold in hours (Global Fishing Watch uses 12).")
    var gapHours = 12.0

    @Option(help: "Encounter distance in metres (GFW: 500).")
    var encounterDistance = 500.0

    @Option(help: "Minimum encounter duration in hours (GFW: 2).")
    var encounterHours = 2.0

    @Option(help: "Time resolution of the input in seconds: reports closer than this are not used to flag impossible speeds (60 for minute-stamped exports).")
    var timeResolution = 1.0

    @Flag(help: "Do not print the summary.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input file.") }
        guard gapHours > 0, gapHours.isFinite else { throw ValidationError("--gap-hours must be a positive number of hours.") }
        guard timeResolution >= 0, timeResolution.isFinite else { throw ValidationError("--time-resolution must be zero or more seconds.") }
        guard encounterDistance > 0, encounterHours > 0 else { throw ValidationError("--encounter-distance and --encounter-hours must be positive.") }
    }

    func run() throws {
        let portList = try ports.map(Analyze.loadPorts)
        var ingest = Ingest(builder: TrackBuilder(parameters: TrackParameters(timeResolutionSeconds: timeResolution)))
        let totalBytes = inputs.compactMap { try? InputFile(path: $0).size }.reduce(0, +)
        var progress = Progress(totalBytes: totalBytes)
        for path in inputs {
            try ingest.read(path: path, progress: &progress)
        }
        progress.finish()
        let tracks = ingest.builder.build()
        let dataEnd = tracks.compactMap { $0.times.last }.max().map { Timestamp(millisecondsSince1970: $0) }
        let encounterParameters = EncounterParameters(maximumDistanceMetres: encounterDistance, minimumDurationHours: encounterHours)
        var events = EncounterDetector(parameters: encounterParameters, ports: portList).detect(in: tracks)
        events += GapDetector(parameters: GapParameters(thresholdHours: gapHours)).detect(in: tracks, dataEnd: dataEnd)
        events.sort { ($0.start, $0.kind.rawValue, $0.mmsi.first?.rawValue ?? 0) < ($1.start, $1.kind.rawValue, $1.mmsi.first?.rawValue ?? 0) }

        let report = AnalysisReport(tracks: tracks, events: events, ingest: ingest, ports: portList)
        try report.write(to: out)
        if !quiet { print(report.summary(outputDirectory: out), terminator: "") }
    }

    static func loadPorts(_ path: String) throws -> PortList {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CapwatchCLIError("\(path): cannot read the port list: \(error.localizedDescription)")
        }
        do {
            let (list, errors) = try PortList.parseCSV(text)
            if let first = errors.first {
                FileHandle.standardError.write(Data("\(path): \(errors.count) port rows skipped; first: \(first)\n".utf8))
            }
            return list
        } catch {
            throw CapwatchCLIError("\(path): \(error)")
        }
    }
}
