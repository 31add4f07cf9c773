import AISDecoding
import ArgumentParser
import CapwatchCore
import Foundation
import SanctionsScreening
import TrackAnalysis

/// `capwatch analyze INPUT… [--out DIR] [--ports FILE] [--land FILE] [--gap-hours H] [--loiter-hours H]`: the main job.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build vessel tracks from AIS (NMEA or CSV), detect STS encounters, AIS gaps and evasion behaviours, and score each vessel's risk.",
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

    @Option(parsing: .unconditional, help: "AIS gap threshold in hours (Global Fishing Watch uses 12).")
    var gapHours = 12.0

    @Option(parsing: .unconditional, help: "Encounter distance in metres (GFW: 500).")
    var encounterDistance = 500.0

    @Option(parsing: .unconditional, help: "Minimum encounter duration in hours (GFW: 2).")
    var encounterHours = 2.0

    @Option(help: "Land polygons (GeoJSON Polygon/MultiPolygon, e.g. Natural Earth land): positions on land are reported as spoofing. Repeatable.")
    var land: [String] = []

    @Option(parsing: .unconditional, help: "A position counts as on land only this far inland, in km (absorbs the coastline's error; 2 for Natural Earth 10 m, 5 for 50 m).")
    var landToleranceKm = 2.0

    @Option(parsing: .unconditional, help: "Minimum loitering duration in hours (slow below 2 kn away from port).")
    var loiterHours = 2.0

    @Option(parsing: .unconditional, help: "Time resolution of the input in seconds: reports closer than this are not used to flag impossible speeds (60 for minute-stamped exports).")
    var timeResolution = 1.0

    @Option(help: "Sanctions list directory (un/consolidated.xml, ofac/*.csv); default as for `capwatch screen`. Every vessel is screened by IMO, MMSI, call sign and name.")
    var lists: String?

    @Flag(help: "Do not print the summary.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input file.") }
        // Upper bounds: ten years, 100 km, one day, 1,000 km: beyond them a value is a typing error
        // (and would overflow the millisecond arithmetic of the detectors).
        let tenYears = 87_600.0
        guard gapHours > 0, gapHours <= tenYears else { throw ValidationError("--gap-hours must be a number of hours above 0 and at most 87,600 (ten years).") }
        guard timeResolution >= 0, timeResolution <= 86_400 else { throw ValidationError("--time-resolution must be 0 to 86,400 seconds.") }
        guard encounterDistance > 0, encounterDistance <= 100_000 else { throw ValidationError("--encounter-distance must be above 0 and at most 100,000 m.") }
        guard encounterHours > 0, encounterHours <= tenYears else { throw ValidationError("--encounter-hours must be above 0 and at most 87,600 hours.") }
        guard loiterHours > 0, loiterHours <= tenYears else { throw ValidationError("--loiter-hours must be above 0 and at most 87,600 hours.") }
        guard landToleranceKm >= 0, landToleranceKm <= 1_000 else { throw ValidationError("--land-tolerance-km must be 0 to 1,000.") }
    }

    func run() throws {
        // Refuse an output directory that cannot be written before spending time on the analysis.
        try AnalysisReport.prepare(directory: out)
        let portList = try ports.map(Analyze.loadPorts)
        let landMask = land.isEmpty ? nil : LandMask(polygons: try land.flatMap(LandGeoJSON.load))
        // The sanctions lists load on the other core while the inputs are read.
        let lists = self.lists
        var phases = PhaseTimer()
        let screening = BackgroundTask { try Analyze.screeningIndex(lists: lists) }
        var ingest = Ingest(builder: TrackBuilder(parameters: TrackParameters(timeResolutionSeconds: timeResolution)))
        let totalBytes = inputs.compactMap { try? InputFile(path: $0).size }.reduce(0, +)
        var progress = Progress(totalBytes: totalBytes)
        for path in inputs {
            try ingest.read(path: path, progress: &progress)
        }
        progress.finish()
        phases.lap("read inputs")
        // Move the builder out of `ingest` so that build() owns the only reference to its columns
        // and compacts them in place instead of copying them.
        var builder = TrackBuilder(parameters: ingest.builder.parameters)
        swap(&builder, &ingest.builder)
        let tracks = builder.build()
        phases.lap("build tracks")
        let dataEnd = tracks.compactMap { $0.times.last }.max().map { Timestamp(millisecondsSince1970: $0) }

        // The detectors that read only tracks are independent: run them on both cores.
        let encounterParameters = EncounterParameters(maximumDistanceMetres: encounterDistance, minimumDurationHours: encounterHours)
        let gapParameters = GapParameters(thresholdHours: gapHours)
        // Port visits and loitering use the built-in DPRK ports merged with --ports (issue #4).
        let visitPorts = DPRKPorts.merged(with: portList)
        let loiteringParameters = LoiteringParameters(minimumDurationHours: loiterHours)
        let spoofing = SpoofingParameters(timeResolutionSeconds: max(timeResolution, 1), landToleranceKilometres: landToleranceKm)
        let detectors: [@Sendable () -> [Event]] = [
            { PhaseTimer.measure("encounters") { EncounterDetector(parameters: encounterParameters, ports: portList).detect(in: tracks) } },
            { PhaseTimer.measure("gaps") { GapDetector(parameters: gapParameters).detect(in: tracks, dataEnd: dataEnd) } },
            { PhaseTimer.measure("loitering") { LoiteringDetector(parameters: loiteringParameters, ports: visitPorts).detect(in: tracks) } },
            { PhaseTimer.measure("port visits") { PortVisitDetector(ports: visitPorts).detect(in: tracks) } },
            { PhaseTimer.measure("identity changes") { IdentityChangeDetector().detect(in: tracks) } },
            { PhaseTimer.measure("spoofing") { SpoofingDetector(parameters: spoofing, land: landMask).detect(in: tracks) } },
        ]
        let found = Parallel.map(detectors.count) { detectors[$0]() }
        phases.lap("detectors (both cores)")
        let (encounters, gaps, loitering, portVisits, identityChanges, spoofed) = (found[0], found[1], found[2], found[3], found[4], found[5])
        var events = encounters + gaps
        events += DraughtChangeDetector().detect(in: tracks, across: events)
        events += DarkSTSDetector().detect(in: events + loitering)
        events += loitering
        events += portVisits
        events += identityChanges
        events += spoofed
        events = Analyze.chronological(events)
        phases.lap("draught, dark STS, sort")

        // Screen every vessel first: a listing is one of the risk score's reasons.
        let index = try screening.value()
        phases.lap("wait for the sanctions lists")
        let listings = index.map { Analyze.listings(for: tracks, screener: Screener(index: $0)) } ?? [:]
        events = Screen.annotate(events, with: listings)
        phases.lap("screen vessels")
        let risks = RiskScorer().score(tracks, events: events, listed: { listings[$0] != nil })
        phases.lap("risk scores")
        let report = AnalysisReport(tracks: tracks, events: events, ingest: ingest, ports: portList, risks: risks, listings: listings)
        try report.write(to: out)
        phases.lap("write files")
        phases.report()
        if !quiet { print(report.summary(outputDirectory: out), terminator: "") }
    }

    /// `events` ordered by start time, then kind (by its name), then first MMSI, ties kept in the
    /// given order. Sorted as integer keys and permuted once: comparing the events themselves
    /// copied them and built the kind's name at every comparison.
    static func chronological(_ events: [Event]) -> [Event] {
        let kindRank = Dictionary(uniqueKeysWithValues: Event.Kind.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })
        let keys = events.enumerated().map { i, e in (e.start.millisecondsSince1970, kindRank[e.kind]!, e.mmsi.first?.rawValue ?? 0, i) }
        return keys.sorted { $0 < $1 }.map { events[$0.3] }
    }

    static func loadPorts(_ path: String) throws -> PortList {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CapwatchCLIError("\(path): is a directory, not a port list (CSV with name, lat, lon)")
        }
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
