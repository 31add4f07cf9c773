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

/// What the analysis of one group of vessels (one partition) produced. Events of each kind are
/// sorted as the detector sorts them; the identity events of single vessels are in track order,
/// unsorted, until ``Analyze/joinPartitions(_:detectors:mmsis:)`` adds the shared-IMO events.
struct PartitionResult: Sendable {
    var summaries: [TrackSummary] = []
    var gaps: [Event] = []
    var loitering: [Event] = []
    var portVisits: [Event] = []
    var identityChanges: [Event] = []
    var imoHolders: [IMOHolder] = []
    var spoofing: [Event] = []
    var samples: SampleStore
}

/// The events of every partition joined, each kind in its detector's order.
struct JoinedEvents {
    var encounters: [Event]
    var gaps: [Event]
    var loitering: [Event]
    var portVisits: [Event]
    var identityChanges: [Event]
    var spoofing: [Event]
}

extension Analyze {
    /// Input bytes per partition by default (`--partition-mb`).
    static let defaultPartitionMegabytes = 32

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
    /// are released when it returns, only their summaries, events and resampled positions remain.
    /// - Parameters:
    ///   - builder: the group's static reports (and positions, without a spill).
    ///   - spill: where the group's positions are, nil when `builder` holds them.
    ///   - partition: the group's number.
    ///   - vesselIndex: the index of each MMSI among all vessels sorted by MMSI (the encounter sweep's vessel numbers).
    ///   - detectors: the configured detectors.
    ///   - concurrently: run the detectors on both cores (when there is one group only).
    /// - Throws: ``CapwatchCLIError`` when the spill cannot be read or the samples written.
    static func analysePartition(_ builder: consuming TrackBuilder, spill: PositionSpill?, partition: Int, vesselIndex: [UInt32: Int32],
                                 detectors: AnalysisDetectors, concurrently: Bool) throws -> PartitionResult {
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
                var all = EncounterSamples()
                for t in tracks { d.encounters.appendSamples(of: t, vessel: vesselIndex[t.mmsi.rawValue]!, to: &all) }
                return all.sortedBySlice()
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
        return PartitionResult(summaries: tracks.map(\.summary), gaps: gaps, loitering: loitering, portVisits: portVisits,
                               identityChanges: identity, imoHolders: holders, spoofing: spoofing, samples: store)
    }

    /// Joins the partitions' events (each kind sorted as its detector sorts a whole input: the
    /// sorts are stable and every vessel is in one partition, so the result is the same as from one
    /// partition) and finds the encounters by sweeping every partition's samples one day at a time.
    /// - Parameter mmsis: every vessel, sorted by MMSI (the samples' vessel numbers index it).
    /// - Throws: ``CapwatchCLIError`` when a sample file cannot be read.
    static func joinPartitions(_ parts: [PartitionResult], detectors: AnalysisDetectors, mmsis: [MMSI]) throws -> JoinedEvents {
        var sweep = EncounterSweep(detector: detectors.encounters, mmsis: mmsis)
        var samples = try SampleDays(parts.map(\.samples))
        defer { samples.release() }
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
        }
        // Each kind in EventOrder.startThenFirstMMSI, stably: sorted as integer keys (the index
        // last keeps equal events in order) and copied once, without comparing the events.
        func joined(_ kind: (PartitionResult) -> [Event]) -> [Event] {
            let all = parts.flatMap(kind)
            guard parts.count > 1 else { return all }
            let keys = all.indices.map { i in (start: all[i].start.millisecondsSince1970, mmsi: all[i].mmsi.first?.rawValue ?? 0, index: i) }
            return keys.sorted { ($0.start, $0.mmsi, $0.index) < ($1.start, $1.mmsi, $1.index) }.map { all[$0.index] }
        }
        var identity = parts.flatMap(\.identityChanges)
        var holders = parts.flatMap(\.imoHolders)
        holders.sort { $0.mmsi < $1.mmsi }
        identity += detectors.identity.sharedIMOEvents(holders)
        identity.sort(by: EventOrder.startThenMMSIs)
        return JoinedEvents(encounters: sweep.finish(), gaps: joined(\.gaps), loitering: joined(\.loitering), portVisits: joined(\.portVisits),
                            identityChanges: identity, spoofing: joined(\.spoofing))
    }
}
