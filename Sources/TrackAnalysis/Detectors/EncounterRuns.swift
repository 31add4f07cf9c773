import CapwatchCore

/// Steps 3 and 4 of ``EncounterDetector`` (runs, criteria, merging) done as the slices go by, so
/// that only the open runs and the qualifying runs still waiting for a possible merge are in
/// memory, never every close pair of the whole input.
///
/// Hits must arrive in slice order. A pair's run ends when a hit of that pair skips a slice, or at
/// a ``sweep(before:)`` when its last hit is older than the slice before the window's end. A
/// closed run that qualifies joins the pair's pending group, unless it starts a merge gap or more
/// after the group's last slice, in which case the group becomes an event first; a group with no
/// open run becomes an event once a merge gap has passed. The events, their slices and statistics
/// are those of the one-pass definition: each pair's runs are the same hits in the same order.
struct EncounterRuns {
    private struct Pair {
        /// The open run: hits at consecutive slices.
        var run: [EncounterDetector.Hit] = []
        /// Qualifying runs waiting to be merged, back to back, and their ranges.
        var group: [EncounterDetector.Hit] = []
        var groupRuns: [Range<Int>] = []
    }

    private let detector: EncounterDetector
    private let mmsis: [MMSI]
    private let sliceMs: Int64
    private let minDurationMs: Int64
    private let mergeGapMs: Int64
    private var pairs: [UInt64: Pair] = [:]
    private var events: [Event] = []

    init(detector: EncounterDetector, mmsis: [MMSI], sliceMs: Int64) {
        self.detector = detector
        self.mmsis = mmsis
        self.sliceMs = sliceMs
        minDurationMs = Int64((detector.parameters.minimumDurationHours * 3_600_000).rounded())
        mergeGapMs = Int64((detector.parameters.mergeGapHours * 3_600_000).rounded())
    }

    static func key(_ h: EncounterDetector.Hit) -> UInt64 {
        UInt64(UInt32(bitPattern: h.a)) << 32 | UInt64(UInt32(bitPattern: h.b))
    }

    /// Adds one close pair at one slice (slices in ascending order).
    mutating func add(_ hit: EncounterDetector.Hit) {
        let key = Self.key(hit)
        if let last = pairs[key]?.run.last, last.slice != hit.slice - 1 { close(key) }
        pairs[key, default: Pair()].run.append(hit)
    }

    /// Closes the runs whose last slice is before `end − 1` (they cannot continue: no later hit
    /// can be at the next slice) and turns into events the groups a merge gap behind `end`.
    /// - Parameter end: the first slice not yet seen.
    mutating func sweep(before end: Int64) {
        let sliceMs = self.sliceMs
        let mergeGapMs = self.mergeGapMs
        for key in Array(pairs.keys) {
            if let last = pairs[key]!.run.last, last.slice < end - 1 { close(key) }
            settle(key) { lastSlice in (end - lastSlice) * sliceMs >= mergeGapMs }
        }
    }

    /// Closes every run and group; returns the events (unsorted).
    mutating func finish() -> [Event] {
        for key in Array(pairs.keys) {
            close(key)
            settle(key) { _ in true }
        }
        return events
    }

    /// With no open run, emits the pending group when `due(its last slice)`; forgets empty pairs.
    private mutating func settle(_ key: UInt64, due: (Int64) -> Bool) {
        guard var pair = pairs[key], pair.run.isEmpty else { return }
        pairs[key] = nil
        if let lastSlice = pair.group.last?.slice, due(lastSlice) { flush(&pair) }
        if !pair.group.isEmpty { pairs[key] = pair }
    }

    private mutating func close(_ key: UInt64) {
        guard var pair = pairs.removeValue(forKey: key) else { return }
        let run = pair.run
        pair.run = []
        if !run.isEmpty, qualifies(run) {
            if let lastSlice = pair.group.last?.slice, (run[0].slice - lastSlice) * sliceMs >= mergeGapMs { flush(&pair) }
            pair.groupRuns.append(pair.group.count..<(pair.group.count + run.count))
            pair.group += run
        }
        pairs[key] = pair
    }

    private func qualifies(_ run: [EncounterDetector.Hit]) -> Bool {
        let p = detector.parameters
        guard (run[run.count - 1].slice - run[0].slice) * sliceMs >= minDurationMs else { return false }
        let stats = EncounterDetector.Stats(run, [0..<run.count])
        guard let sa = stats.medianSOGA, let sb = stats.medianSOGB, sa < p.maximumMedianSOGKnots, sb < p.maximumMedianSOGKnots else {
            return false
        }
        return !detector.isNearPort(stats.meanPosition)
    }

    private mutating func flush(_ pair: inout Pair) {
        guard !pair.group.isEmpty else { return }
        events.append(detector.makeEvent(pair.group, pair.groupRuns, mmsis: mmsis, sliceMs: sliceMs))
        pair.group = []
        pair.groupRuns = []
    }
}
