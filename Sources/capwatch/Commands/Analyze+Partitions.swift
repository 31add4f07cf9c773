import CapwatchCore
import Foundation
import TrackAnalysis

/// The detectors of one `capwatch analyze` run, configured from its options.
struct AnalysisDetectors: Sendable {
    var encounters: EncounterDetector
    var gaps: GapDetector
    var loitering: LoiteringDetector
    var portVisits: PortVisitDetector
    var identity: IdentityChangeDetector
    var spoofing: SpoofingDetector
    /// The latest position time of the whole input: gaps still open then are reported open.
    var dataEnd: Timestamp?
    /// The kinds to detect and report (`--detectors`).
    var kinds: Set<Event.Kind> = Set(Event.Kind.allCases)

    /// The kinds looked for: ``kinds`` and those they are made from (draught changes from gaps and
    /// encounters, dark STS from gaps and loitering), reported or not.
    var lookedFor: Set<Event.Kind> {
        var all = kinds
        if kinds.contains(.draughtChange) { all.formUnion([.gap, .encounter]) }
        if kinds.contains(.darkSTS) { all.formUnion([.gap, .loitering]) }
        return all
    }
}

/// What the analysis of one group of vessels (one partition) keeps in memory; its other events
/// are in the run's ``EventRuns``. The identity events of single vessels are in track order,
/// unsorted, until ``Analyze/joinPartitions(_:detectors:mmsis:events:)`` adds the shared-IMO events.
struct PartitionResult: Sendable {
    var summaries: [TrackSummary] = []
    var identityChanges: [Event] = []
    var imoHolders: [IMOHolder] = []
    var samples: SampleStore
}

extension Analyze {
    /// Input megabytes per partition by default (`--partition-mb`): 8, about 100,000 positions,
    /// so that a group's tracks take tens of megabytes on each core (with 32, the same-vessel
    /// replicas at 10⁷ peaked at 178 MB instead of 121 MB, at the same speed).
    static let defaultPartitionMegabytes = 8

    /// Positions held in memory (no spill) from which they are analysed as two vessel groups, one
    /// on each core, rather than one group with its detectors side by side (10⁴: below, the
    /// split costs about what it saves).
    static let twoGroupsMinimumPositions = 10_000

    /// How many vessel groups the inputs are read into: one when they fit in `megabytes` (gzip
    /// input counted six times its size, about its inflated size), else one per `megabytes` but at
    /// least 8 (so that both cores stay busy to the end) and at most 256; 16 when an input's size is
    /// unknown (a pipe or standard input).
    /// - Parameter inputs: each input's path and size in bytes, nil when unknown.
    static func partitionCount(inputs: [(path: String, size: Int?)], megabytes: Int) -> Int {
        var bytes = 0
        for input in inputs {
            guard let size = input.size else { return 16 }
            bytes += input.path.hasSuffix(".gz") ? size * 6 : size
        }
        let per = max(1, megabytes) << 20
        let groups = (bytes + per - 1) / per
        return groups <= 1 ? 1 : min(256, max(8, groups))
    }

    /// Builds the tracks of one vessel group and runs every per-vessel detector on them; the tracks
    /// are released when it returns, only their summaries, identity events and resampled positions
    /// remain. Gaps, loitering, port visits and spoofing are added to `events`, a run per kind.
    /// - Parameters:
    ///   - builder: the group's static reports (and positions, without a spill).
    ///   - spill: where the group's positions are, nil when `builder` holds them.
    ///   - partition: the group's number.
    ///   - vesselIndex: the index of each MMSI among all vessels sorted by MMSI (the encounter sweep's vessel numbers).
    ///   - detectors: the configured detectors.
    ///   - concurrently: run the detectors on both cores (when there is one group only).
    ///   - events: where the group's events go (run order: `partition`).
    /// - Throws: ``CapwatchCLIError`` when the spill cannot be read or the samples or events written.
    static func analysePartition(_ builder: consuming TrackBuilder, spill: PositionSpill?, partition: Int, vesselIndex: [UInt32: Int32],
                                 detectors: AnalysisDetectors, concurrently: Bool, events: EventRuns) throws -> PartitionResult {
        var builder = builder
        if let spill { try spill.read(partition: partition, into: &builder) }
        let tracks = builder.build()
        let d = detectors
        enum Output {
            case events([Event])
            case identity([Event], [IMOHolder])
            case samples(EncounterSamples)
        }
        let k = d.lookedFor
        let tasks: [@Sendable () -> Output] = [
            { .samples(!k.contains(.encounter) ? EncounterSamples() : PhaseTimer.measure("encounter resampling") {
                d.encounters.samplesBySlice(of: tracks, vessels: tracks.indices.map { vesselIndex[tracks[$0].mmsi.rawValue]! })
            }) },
            { .events(!k.contains(.gap) ? [] : PhaseTimer.measure("gaps") { d.gaps.detect(in: tracks, dataEnd: d.dataEnd) }) },
            { .events(!k.contains(.loitering) ? [] : PhaseTimer.measure("loitering") { d.loitering.detect(in: tracks) }) },
            { .events(!k.contains(.portVisit) ? [] : PhaseTimer.measure("port visits") { d.portVisits.detect(in: tracks) }) },
            { !k.contains(.identityChange) ? .identity([], []) : PhaseTimer.measure("identity changes") {
                .identity(tracks.flatMap { d.identity.detect(in: $0) }, tracks.flatMap { d.identity.imoHolders(in: $0) })
            } },
            { .events(!k.contains(.spoofing) ? [] : PhaseTimer.measure("spoofing") { d.spoofing.detect(in: tracks) }) },
        ]
        let outputs = concurrently ? Parallel.map(tasks.count) { tasks[$0]() } : tasks.map { $0() }
        guard case .samples(let samples) = outputs[0], case .events(let gaps) = outputs[1], case .events(let loitering) = outputs[2],
            case .events(let portVisits) = outputs[3], case .identity(let identity, let holders) = outputs[4],
            case .events(let spoofing) = outputs[5]
        else { fatalError("detector outputs out of order") }
        let store = try spill.map { try SampleStore(file: samples, directory: $0.directory, partition: partition) } ?? SampleStore(memory: samples)
        for (kind, run) in [(Event.Kind.gap, gaps), (.loitering, loitering), (.portVisit, portVisits), (.spoofing, spoofing)] {
            try events.add(run, kind: kind, order: partition)
        }
        return PartitionResult(summaries: tracks.map(\.summary), identityChanges: identity, imoHolders: holders, samples: store)
    }

    /// Finds the encounters by sweeping every partition's samples one day at a time, and adds them
    /// to `events` a run every ``encountersPerRun`` or so as they end; then joins the partitions'
    /// identity events with those of IMO numbers shared across groups and adds them as one run.
    /// - Parameter mmsis: every vessel, sorted by MMSI (the samples' vessel numbers index it).
    /// - Throws: ``CapwatchCLIError`` when a sample file cannot be read or the events written.
    static func joinPartitions(_ parts: [PartitionResult], detectors: AnalysisDetectors, mmsis: [MMSI], events: EventRuns) throws {
        var sweep = EncounterSweep(detector: detectors.encounters, mmsis: mmsis)
        var samples = try SampleDays(parts.map(\.samples))
        defer { samples.release() }
        var encounters: [Event] = []
        var runs = 0
        func keep(_ found: [Event], last: Bool) throws {
            encounters += found
            guard encounters.count >= Self.encountersPerRun || last else { return }
            try events.add(encounters, kind: .encounter, order: runs)
            runs += 1
            encounters = []
        }
        // Eight days are read at a time; while the runs take the close pairs of the previous eight,
        // the cores merge these into slice then vessel order and search them for close pairs.
        var found: [EncounterSweep.DayHits] = []
        while true {
            var days: [EncounterSweep.DaySamples] = []
            while days.count < 8 {
                guard let first = try samples.firstSlice() else { break }
                let window = sweep.window(ofSlice: first)
                let day = try samples.read(before: (window + 1) * sweep.windowSlices)
                days.append(EncounterSweep.DaySamples(window: window, samples: day.samples, blockStarts: day.blockStarts))
            }
            guard !days.isEmpty || !found.isEmpty else { break }
            found = sweep.add(found, searching: days)
            try keep(sweep.takeEvents(), last: false)
        }
        try keep(sweep.finishUnsorted(), last: true)
        var identity = parts.flatMap(\.identityChanges)
        var holders = parts.flatMap(\.imoHolders)
        holders.sort { $0.mmsi < $1.mmsi }
        identity += detectors.identity.sharedIMOEvents(holders)
        identity.sort(by: EventOrder.startThenMMSIs)
        try events.add(identity, kind: .identityChange, order: 0)
    }

    /// Encounters gathered before they are added to the ``EventRuns`` as a run.
    static let encountersPerRun = 4096
}
