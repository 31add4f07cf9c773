import AISDecoding
import ArgumentParser
import CapwatchCore
import Foundation
import SanctionsScreening
import TrackAnalysis

/// `capwatch analyze INPUT… [--out DIR] [--ports FILE] [--land FILE] [--gap-hours H] [--loiter-hours H]`: the main job.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Build vessel tracks from AIS (NMEA or CSV), detect STS encounters, AIS gaps and evasion behaviours, and score each vessel's risk.",
        discussion: """
            Each INPUT is recognised by its content: NMEA 0183 AIS sentences (with or without tag blocks), \
            or a position CSV (Capwatch layout, Danish Maritime Authority, NOAA MarineCadastre). Writes \
            events.json, events.geojson and vessels.csv to DIR and prints a summary. \
            Inputs larger than --partition-mb (and standard input) are analysed by vessel group: the \
            positions and events wait in temporary files under TMPDIR (about 40 bytes a position, removed \
            at the end), so memory follows the vessels rather than the number of positions or events.
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

    @Option(help: "Sanctions list directory (un/consolidated.xml, ofac/*.csv); default as for `capwatch screen`; none to screen nothing. Every vessel is screened by IMO, MMSI, call sign and name.")
    var lists: String?

    @Option(help: "Event kinds to detect, comma-separated: encounter, gap, loitering, port_visit, identity_change, spoofing, draught_change, dark_sts, or all. Tracks, vessels.csv and screening are always made.")
    var detectors = "all"

    /// The kinds `--detectors` selects.
    var selectedKinds: Set<Event.Kind> {
        get throws { try Self.detectorKinds(detectors) }
    }

    /// The kinds a `--detectors` value names: comma-separated kind names or `all`, blanks around a
    /// name dropped. Blanks are tabs, space separators (Unicode Zs) and U+200B, scalar by scalar,
    /// as Foundation's `CharacterSet.whitespaces` takes them (whose tables cost a million
    /// instructions to load at start-up): a line break is not a blank.
    /// - Throws: `ValidationError` naming an unknown kind, or when no kind is named.
    static func detectorKinds(_ value: String) throws -> Set<Event.Kind> {
        var kinds: Set<Event.Kind> = []
        // U+200B (zero width space) too: Foundation's set still holds it (it was Zs before Unicode 4.0.1).
        let blank = { (u: Unicode.Scalar) in u == "\t" || u == "\u{200B}" || u.properties.generalCategory == .spaceSeparator }
        for part in value.split(separator: ",") {
            let scalars = part.unicodeScalars
            var low = scalars.startIndex, high = scalars.endIndex
            while low < high, blank(scalars[low]) { low = scalars.index(after: low) }
            while high > low, blank(scalars[scalars.index(before: high)]) { high = scalars.index(before: high) }
            let name = String(Substring(scalars[low..<high]))
            if name == "all" {
                kinds.formUnion(Event.Kind.allCases)
            } else if let kind = Event.Kind(rawValue: name) {
                kinds.insert(kind)
            } else {
                throw ValidationError("--detectors: '\(name)' is not one of all, \(Event.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        guard !kinds.isEmpty else { throw ValidationError("--detectors: give at least one kind (or all).") }
        return kinds
    }

    @Option(parsing: .unconditional, help: "Input megabytes per vessel group: positions wait in temporary files (TMPDIR) and one group's tracks are in memory at a time on each core, so memory follows this, not the input size.")
    var partitionMb = Analyze.defaultPartitionMegabytes

    @Flag(help: "Do not print the summary.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one input file.") }
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("Standard input (-) is given more than once: it can be read only once.") }
        // Upper bounds: ten years, 100 km, one day, 1,000 km: beyond them a value is a typing error
        // (and would overflow the millisecond arithmetic of the detectors).
        let tenYears = 87_600.0
        guard gapHours > 0, gapHours <= tenYears else { throw ValidationError("--gap-hours must be a number of hours above 0 and at most 87,600 (ten years).") }
        guard timeResolution >= 0, timeResolution <= 86_400 else { throw ValidationError("--time-resolution must be 0 to 86,400 seconds.") }
        guard encounterDistance > 0, encounterDistance <= 100_000 else { throw ValidationError("--encounter-distance must be above 0 and at most 100,000 m.") }
        guard encounterHours > 0, encounterHours <= tenYears else { throw ValidationError("--encounter-hours must be above 0 and at most 87,600 hours.") }
        guard loiterHours > 0, loiterHours <= tenYears else { throw ValidationError("--loiter-hours must be above 0 and at most 87,600 hours.") }
        _ = try selectedKinds
        guard partitionMb >= 1, partitionMb <= 1_000_000 else { throw ValidationError("--partition-mb must be 1 to 1,000,000.") }
        guard landToleranceKm >= 0, landToleranceKm <= 1_000 else { throw ValidationError("--land-tolerance-km must be 0 to 1,000.") }
    }

    func run() throws {
        BatchAllocator.configure()
        // Refuse an output directory that cannot be written before spending time on the analysis.
        try AnalysisReport.prepare(directory: out)
        // Every input opens (a missing file is named as such) and none is one of the files about
        // to be written, before any temporary file is made. Sizes are nil when unknown (pipes).
        var sizes: [(path: String, size: Int?)] = []
        for path in inputs {
            guard path != "-" else {
                sizes.append((path, nil))
                continue
            }
            sizes.append((path, try InputFile(path: path).size))
            let input = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            for name in AnalysisReport.fileNames
            where URL(fileURLWithPath: out).appendingPathComponent(name).resolvingSymlinksInPath().standardizedFileURL.path == input {
                throw CapwatchCLIError("\(path): is the \(name) this run would write to \(out); give another --out")
            }
        }
        let portList = try ports.map(Analyze.loadPorts)
        let landMask = land.isEmpty ? nil : LandMask(polygons: try land.flatMap(LandGeoJSON.load))
        // The sanctions lists load on the other core while the inputs are read.
        let lists = self.lists
        var phases = PhaseTimer()
        let screening = BackgroundTask { try Analyze.screeningIndex(lists: lists) }
        let partitions = Analyze.partitionCount(inputs: sizes, megabytes: partitionMb)
        let spill = partitions > 1 ? try PositionSpill(partitions: partitions) : nil
        var ingest = Ingest(builder: TrackBuilder(parameters: TrackParameters(timeResolutionSeconds: timeResolution)))
        ingest.spill = spill
        var progress = Progress(totalBytes: sizes.compactMap(\.size).reduce(0, +))
        for path in inputs {
            try ingest.read(path: path, progress: &progress)
        }
        try ingest.finishSpilling()
        progress.finish()
        if ingest.csvRowErrors > 0, let first = ingest.csvErrorSamples.first {
            // On standard error too, so that --quiet runs and scripts see that input was dropped.
            FileHandle.standardError.write(Data("warning: \(ingest.csvRowErrors) CSV row(s) rejected; first: \(first)\n".utf8))
        }
        phases.lap("read inputs")

        // Every vessel, sorted by MMSI: its index is its number in the encounter sweep.
        let mmsis = ingest.builder.mmsis.sorted()
        var vesselIndex: [UInt32: Int32] = [:]
        vesselIndex.reserveCapacity(mmsis.count)
        for (i, m) in mmsis.enumerated() { vesselIndex[m.rawValue] = Int32(i) }
        let encounterParameters = EncounterParameters(maximumDistanceMetres: encounterDistance, minimumDurationHours: encounterHours)
        // Port visits and loitering use the built-in DPRK ports merged with --ports (issue #4).
        let visitPorts = DPRKPorts.merged(with: portList)
        let detectors = AnalysisDetectors(
            encounters: EncounterDetector(parameters: encounterParameters, ports: portList),
            gaps: GapDetector(parameters: GapParameters(thresholdHours: gapHours)),
            loitering: LoiteringDetector(parameters: LoiteringParameters(minimumDurationHours: loiterHours), ports: visitPorts),
            portVisits: PortVisitDetector(ports: visitPorts), identity: IdentityChangeDetector(),
            spoofing: SpoofingDetector(parameters: SpoofingParameters(timeResolutionSeconds: max(timeResolution, 1), landToleranceKilometres: landToleranceKm),
                                       land: landMask),
            dataEnd: ingest.builder.latestTime.map { Timestamp(millisecondsSince1970: $0) }, kinds: try selectedKinds)

        // One group of vessels at a time on each core (all at once when there is one group): build
        // its tracks, run the per-vessel detectors, keep summaries, events and resampled positions.
        // Move the builder out of `ingest` so that each group owns its columns (no copies).
        var builder = TrackBuilder(parameters: ingest.builder.parameters)
        swap(&builder, &ingest.builder)
        // Without a spill, the positions held are split in two groups (both cores build and
        // detect) unless there are too few for that to pay.
        let groupCount = spill != nil ? partitions : builder.heldPositionCount >= Self.twoGroupsMinimumPositions ? 2 : 1
        let groups = PartitionedBuilders(builder.split(into: groupCount) { PositionSpill.partition(of: $0, count: groupCount) })
        // The events wait as sorted runs, in the spill's directory when there is one.
        let eventRuns = try EventRuns(directory: spill?.directory)
        let results = Parallel.map(groupCount) { p in
            Result { try Analyze.analysePartition(groups.take(p), spill: spill, partition: p, vesselIndex: vesselIndex, detectors: detectors,
                                                  concurrently: groupCount == 1, events: eventRuns) }
        }
        let parts = try results.map { try $0.get() }
        phases.lap("tracks and per-vessel detectors (\(groupCount) group\(groupCount == 1 ? "" : "s"))")
        try Analyze.joinPartitions(parts, detectors: detectors, mmsis: mmsis, events: eventRuns)
        // By MMSI, as (MMSI, index) integer keys: comparing the summaries copied them.
        let unsorted = parts.flatMap(\.summaries)
        let tracks = unsorted.indices.map { UInt64(unsorted[$0].mmsi.rawValue) << 32 | UInt64($0) }.sorted().map { unsorted[Int($0 & 0xFFFF_FFFF)] }
        phases.lap("encounters")

        // Draught changes read the encounters, then the gaps; dark STS the gaps, with the
        // loitering in memory. Each adds its events as one run.
        func runs(_ kinds: Event.Kind...) -> [EventRuns.Run] { eventRuns.runs.filter { kinds.contains($0.kind) } }
        if detectors.kinds.contains(.draughtChange) {
            let across = EventRuns.Stream([eventRuns.merge(runs(.encounter)), eventRuns.merge(runs(.gap))])
            let found = DraughtChangeDetector().detect(in: tracks, across: across)
            try across.check()
            try eventRuns.add(found, kind: .draughtChange, order: 0)
        }
        if detectors.kinds.contains(.darkSTS) {
            let loitering = EventRuns.Stream([eventRuns.merge(runs(.loitering))])
            let held = Array(loitering)
            try loitering.check()
            let gaps = EventRuns.Stream([eventRuns.merge(runs(.gap))])
            let found = DarkSTSDetector().detect(gaps: gaps, loitering: held)
            try gaps.check()
            try eventRuns.add(found, kind: .darkSTS, order: 0)
        }
        phases.lap("draught, dark STS")

        // Screen every vessel first: a listing is one of the risk score's reasons.
        let index = try screening.value()
        phases.lap("wait for the sanctions lists")
        let listings = index.map { Analyze.listings(for: tracks, index: $0) } ?? [:]
        phases.lap("screen vessels")
        // Kinds looked for only because a selected kind needs them are left out.
        var events = eventRuns.merge(eventRuns.runs.filter { detectors.kinds.contains($0.kind) })
        var report = AnalysisReport(tracks: tracks, ingest: ingest, ports: portList, listings: listings)
        try report.write(to: out, events: &events)
        phases.lap("events, risk scores, files")
        phases.report()
        if !quiet { print(report.summary(outputDirectory: out), terminator: "") }
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

/// The builders of the vessel groups, each taken once by the thread that analyses it (so it is
/// moved, not copied: a copy would share the columns and copy them on the first write).
final class PartitionedBuilders: @unchecked Sendable {
    private var builders: [TrackBuilder?]
    private let lock = NSLock()

    init(_ builders: [TrackBuilder]) { self.builders = builders }

    /// Builder `p`; a second call for the same `p` is a programming error.
    func take(_ p: Int) -> TrackBuilder {
        lock.lock()
        defer { lock.unlock() }
        var taken: TrackBuilder?
        swap(&taken, &builders[p])
        return taken!
    }
}
