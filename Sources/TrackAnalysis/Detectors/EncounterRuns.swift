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
///
/// The pairs in memory are kept in an array, found by key through an open-addressing table that
/// each ``sweep(before:)`` rebuilds while it drops the pairs left with nothing.
struct EncounterRuns {
    private struct Pair {
        let key: UInt64
        /// The open run: hits at consecutive slices.
        var run: [EncounterDetector.Hit] = []
        /// Qualifying runs waiting to be merged, back to back, and their ranges.
        var group: [EncounterDetector.Hit] = []
        var groupRuns: [Range<Int>] = []

        init(key: UInt64) { self.key = key }

        var isEmpty: Bool { run.isEmpty && group.isEmpty }
    }

    /// What turns runs into events, apart from the pairs so that it can change a pair in place.
    private var emitter: Emitter
    /// The pairs with an open run or a pending group (and, until the next sweep, some left empty).
    private var pairs: [Pair] = []
    /// Index into ``pairs`` by pair key.
    private var index = PairIndex()

    init(detector: EncounterDetector, mmsis: [MMSI], sliceMs: Int64) {
        emitter = Emitter(detector: detector, mmsis: mmsis, sliceMs: sliceMs)
    }

    static func key(_ h: EncounterDetector.Hit) -> UInt64 {
        UInt64(UInt32(bitPattern: h.a)) << 32 | UInt64(UInt32(bitPattern: h.b))
    }

    /// Adds one close pair at one slice (slices in ascending order).
    mutating func add(_ hit: EncounterDetector.Hit) {
        let key = Self.key(hit)
        let i = index.slot(of: key, else: pairs.count)
        if i == pairs.count { pairs.append(Pair(key: key)) }
        if let last = pairs[i].run.last, last.slice != hit.slice - 1 { emitter.close(&pairs[i]) }
        if pairs[i].run.capacity == 0 { pairs[i].run.reserveCapacity(8) }
        pairs[i].run.append(hit)
    }

    /// Closes the runs whose last slice is before `end − 1` (they cannot continue: no later hit
    /// can be at the next slice) and turns into events the groups a merge gap behind `end`.
    /// - Parameter end: the first slice not yet seen.
    mutating func sweep(before end: Int64) {
        let sliceMs = emitter.sliceMs
        let mergeGapMs = emitter.mergeGapMs
        for i in pairs.indices {
            if let last = pairs[i].run.last, last.slice < end - 1 { emitter.close(&pairs[i]) }
            emitter.settle(&pairs[i]) { lastSlice in (end - lastSlice) * sliceMs >= mergeGapMs }
        }
        pairs.removeAll { $0.isEmpty }
        index.rebuild(keys: pairs.map(\.key))
    }

    /// Closes every run and group; returns the events not taken by ``takeEvents()`` (unsorted)
    /// and forgets them.
    mutating func finish() -> [Event] {
        defer { emitter.events = [] }
        for i in pairs.indices {
            emitter.close(&pairs[i])
            emitter.settle(&pairs[i]) { _ in true }
        }
        pairs = []
        index.rebuild(keys: [])
        return emitter.events
    }

    /// The events made so far, removed (unsorted): the caller can write them out and keep
    /// memory to the open runs.
    mutating func takeEvents() -> [Event] {
        defer { emitter.events = [] }
        return emitter.events
    }


    /// The criteria, and the events made so far.
    private struct Emitter {
        let detector: EncounterDetector
        let mmsis: [MMSI]
        let sliceMs: Int64
        let minDurationMs: Int64
        let mergeGapMs: Int64
        /// The detector's parameters as stored with each event, made once.
        let parameterFields: EventFields
        var events: [Event] = []

        init(detector: EncounterDetector, mmsis: [MMSI], sliceMs: Int64) {
            self.detector = detector
            self.mmsis = mmsis
            self.sliceMs = sliceMs
            minDurationMs = Int64((detector.parameters.minimumDurationHours * 3_600_000).rounded())
            mergeGapMs = Int64((detector.parameters.mergeGapHours * 3_600_000).rounded())
            parameterFields = detector.parameters.eventFields
        }

        /// With no open run, emits the pending group when `due(its last slice)`.
        mutating func settle(_ pair: inout Pair, due: (Int64) -> Bool) {
            guard pair.run.isEmpty else { return }
            if let lastSlice = pair.group.last?.slice, due(lastSlice) { flush(&pair) }
        }

        /// Ends the open run: it joins the pending group when it qualifies (the group is emitted
        /// first when the run starts a merge gap or more after it). The run's storage is kept for
        /// the pair's next run.
        mutating func close(_ pair: inout Pair) {
            if !pair.run.isEmpty, qualifies(pair.run) {
                if let lastSlice = pair.group.last?.slice, (pair.run[0].slice - lastSlice) * sliceMs >= mergeGapMs { flush(&pair) }
                pair.groupRuns.append(pair.group.count..<(pair.group.count + pair.run.count))
                pair.group += pair.run
            }
            pair.run.removeAll(keepingCapacity: true)
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
            events.append(detector.makeEvent(pair.group, pair.groupRuns, mmsis: mmsis, sliceMs: sliceMs, parameters: parameterFields))
            pair.group = []
            pair.groupRuns = []
        }
    }
}

/// Pair keys to positions in an array: open addressing with linear probing, at most half full.
/// Entries are only added; ``rebuild(keys:)`` starts afresh.
private struct PairIndex {
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var mask = 0
    private var count = 0

    /// The position stored for `key`; when there is none, stores and returns `new`.
    mutating func slot(of key: UInt64, else new: Int) -> Int {
        if 2 * (count + 1) > keys.count { grow() }
        var s = Self.hash(key) & mask
        while values[s] >= 0 {
            if keys[s] == key { return Int(values[s]) }
            s = (s + 1) & mask
        }
        keys[s] = key
        values[s] = Int32(new)
        count += 1
        return new
    }

    /// Forgets every entry and stores position `i` for the `i`-th key.
    mutating func rebuild(keys newKeys: [UInt64]) {
        var size = 16
        while size < 2 * newKeys.count + 2 { size *= 2 }
        if size != keys.count || count > 0 {
            keys = [UInt64](repeating: 0, count: size)
            values = [Int32](repeating: -1, count: size)
            mask = size - 1
        }
        count = 0
        for (i, key) in newKeys.enumerated() { _ = slot(of: key, else: i) }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        let size = max(16, keys.count * 2)
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        count = 0
        for (key, value) in old { _ = slot(of: key, else: Int(value)) }
    }

    @inline(__always) private static func hash(_ key: UInt64) -> Int {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
