import CapwatchCore

/// Steps 2 to 4 of ``EncounterDetector`` fed one day of resampled positions at a time: close
/// pairs per slice, runs, criteria and merging. Memory holds the open runs, not the positions.
///
/// Feed the days in increasing order, each with the samples of every vessel for that day
/// (``EncounterDetector/samples(of:vessel:)`` cut at day boundaries) ordered by vessel and then
/// slice; days without samples may be left out. ``finish()`` returns the same events as
/// ``EncounterDetector/detect(in:)`` on the tracks the samples came from.
public struct EncounterSweep: Sendable {
    private let detector: EncounterDetector
    /// The runs, sharded by vessel pair (pairs are independent): shard `k` holds the pairs whose
    /// key is `k` modulo the shard count, so that the shards can take a day's hits at once.
    private var runs: [EncounterRuns]
    /// The slice length in milliseconds (``EncounterParameters/sliceMinutes``, at least 1 s).
    public let sliceMilliseconds: Int64
    /// Slices per day window: 86,400,000 ms divided by ``sliceMilliseconds`` (at least 1).
    public let windowSlices: Int64
    /// The longest step between two positions that is interpolated, in milliseconds
    /// (``EncounterParameters/maximumInterpolationGapHours``).
    public let maximumGapMilliseconds: Int64

    /// - Parameters:
    ///   - detector: the thresholds and port list.
    ///   - mmsis: the vessel of each index used in the samples.
    public init(detector: EncounterDetector, mmsis: [MMSI]) {
        let p = detector.parameters
        self.detector = detector
        sliceMilliseconds = p.sliceMilliseconds
        windowSlices = max(1, Int64(86_400_000 / sliceMilliseconds))
        maximumGapMilliseconds = p.maximumGapMilliseconds
        let sliceMs = sliceMilliseconds
        runs = (0..<Self.shards).map { _ in EncounterRuns(detector: detector, mmsis: mmsis, sliceMs: sliceMs) }
    }

    /// Shards of the runs: one per core of this kind of machine.
    private static let shards = 2

    /// The day window of a slice: `floor(slice / windowSlices)`.
    public func window(ofSlice slice: Int64) -> Int64 {
        slice >= 0 ? slice / windowSlices : -((-slice + windowSlices - 1) / windowSlices)
    }

    /// Takes the samples of day window `window` (slices `window × windowSlices ..< (window + 1) ×
    /// windowSlices`), ordered by vessel and then slice.
    public mutating func add(window: Int64, samples: EncounterSamples) {
        add(closePairs(window: window, samples: samples))
    }

    /// The close pairs of one day window (step 2), found without changing the sweep: several days
    /// can be searched at once on different threads, then given to ``add(_:)`` in day order.
    /// - Parameters: as for ``add(window:samples:)``.
    public func closePairs(window: Int64, samples: EncounterSamples) -> DayHits {
        DayHits(window: window, hits: samples.count > 1 ? detector.closePairs(samples) : [])
    }

    /// Takes the close pairs of the next day window (steps 3 and 4).
    public mutating func add(_ day: DayHits) { add([day]) }

    /// Takes the close pairs of the next day windows, in day order (steps 3 and 4), each shard of
    /// vessel pairs on its own core.
    public mutating func add(_ days: [DayHits]) { _ = add(days, searching: []) }

    /// Takes the close pairs of the next day windows `days`, in day order (steps 3 and 4), while
    /// searching the following days `next` for theirs (step 2): the shards of vessel pairs and the
    /// days to search are all pieces of work shared by the cores, so that none waits for another.
    /// - Parameters:
    ///   - days: close pairs found earlier, of the day windows that follow those already taken.
    ///   - next: day windows after those of `days`, in order.
    /// - Returns: the close pairs of `next`, in order, to give to the next call.
    public mutating func add(_ days: [DayHits], searching next: [DaySamples]) -> [DayHits] {
        let detector = self.detector
        let shards = UInt64(runs.count)
        let windowSlices = self.windowSlices
        let found = runs.withUnsafeMutableBufferPointer { buffer in
            // Each shard is changed in place by one thread (no copy of its pairs).
            nonisolated(unsafe) let shardsInPlace = buffer
            return Parallel.map(shardsInPlace.count + next.count) { i -> DayHits? in
                guard i < shardsInPlace.count else {
                    let day = next[i - shardsInPlace.count]
                    return DayHits(window: day.window, hits: detector.closePairs(bySlice: day.samples.mergedBySlice(blockStarts: day.blockStarts)))
                }
                for day in days {
                    for hit in day.hits where EncounterRuns.key(hit) % shards == UInt64(i) { shardsInPlace[i].add(hit) }
                    shardsInPlace[i].sweep(before: (day.window + 1) * windowSlices)
                }
                return nil
            }
        }
        return found.compactMap { $0 }
    }

    /// The samples of one day window, to search for close pairs with ``add(_:searching:)``.
    public struct DaySamples: Sendable {
        /// The day window.
        public var window: Int64
        /// The samples of every vessel in slices `window × windowSlices ..< (window + 1) ×
        /// windowSlices`, as blocks each ordered by slice then vessel, no vessel in two blocks.
        public var samples: EncounterSamples
        /// The first sample of each block (see ``EncounterSamples/mergedBySlice(blockStarts:)``).
        public var blockStarts: [Int]

        /// - Parameters: see the properties.
        public init(window: Int64, samples: EncounterSamples, blockStarts: [Int]) {
            self.window = window
            self.samples = samples
            self.blockStarts = blockStarts
        }
    }

    /// The close pairs of one day window, from ``closePairs(window:samples:)``.
    public struct DayHits: Sendable {
        /// The day window.
        public let window: Int64
        let hits: [EncounterDetector.Hit]
    }

    /// Closes every run; the encounters (those not taken by ``takeEvents()``), sorted by start
    /// time then MMSI pair (``EventOrder/startThenMMSIs(_:_:)``).
    public mutating func finish() -> [Event] {
        var events = finishUnsorted()
        EventOrder.sortByStartThenBothMMSIs(&events)
        return events
    }

    /// Closes every run; the encounters not taken by ``takeEvents()``, unsorted.
    public mutating func finishUnsorted() -> [Event] {
        var events: [Event] = []
        for k in runs.indices { events += runs[k].finish() }
        return events
    }

    /// The encounters emitted since the last call, removed from the sweep, unsorted (their order
    /// depends on when each ended). Taking them as the days go by keeps memory to the open runs;
    /// the order of ``finish()`` (start, then MMSI pair) is then the caller's to restore.
    public mutating func takeEvents() -> [Event] {
        var events: [Event] = []
        for k in runs.indices { events += runs[k].takeEvents() }
        return events
    }
}

extension EncounterSamples {
    /// Appends every sample of `other`.
    public mutating func append(contentsOf other: EncounterSamples) {
        slices += other.slices
        vessels += other.vessels
        latitudes += other.latitudes
        longitudes += other.longitudes
        speeds += other.speeds
    }

    /// Appends the samples at `range` of `other`.
    public mutating func append(contentsOf other: EncounterSamples, range: Range<Int>) {
        slices += other.slices[range]
        vessels += other.vessels[range]
        latitudes += other.latitudes[range]
        longitudes += other.longitudes[range]
        speeds += other.speeds[range]
    }

    /// The samples ordered by slice, then vessel, when they are consecutive blocks each ordered by
    /// slice then vessel, no vessel in two blocks (the groups of vessels of `capwatch analyze`):
    /// a k-way merge of the blocks (a binary heap of their next samples), or ``sortedBySlice()``
    /// when the slices span 2^31 or more.
    /// - Parameter starts: the first sample of each block, ascending from 0; the last block ends
    ///   at ``count``.
    public func mergedBySlice(blockStarts starts: [Int]) -> EncounterSamples {
        guard starts.count > 1 else { return self }
        guard let lo = slices.min(), let hi = slices.max(), hi - lo < 1 << 31 else { return sortedBySlice() }
        let blocks = starts.count
        let order = [Int32](unsafeUninitializedCapacity: count) { order, initialized in
            slices.withUnsafeBufferPointer { slices in
                vessels.withUnsafeBufferPointer { vessels in
                    @inline(__always) func key(_ i: Int) -> UInt64 { UInt64(slices[i] - lo) << 32 | UInt64(UInt32(bitPattern: vessels[i])) }
                    // Each block's next sample and end; a heap of the blocks not yet exhausted,
                    // the smallest next key at the root.
                    let next = UnsafeMutablePointer<Int>.allocate(capacity: blocks)
                    let ends = UnsafeMutablePointer<Int>.allocate(capacity: blocks)
                    let heap = UnsafeMutablePointer<(key: UInt64, block: Int)>.allocate(capacity: blocks)
                    defer {
                        next.deallocate()
                        ends.deallocate()
                        heap.deallocate()
                    }
                    var n = 0
                    for b in 0..<blocks {
                        next[b] = starts[b]
                        ends[b] = b + 1 < blocks ? starts[b + 1] : count
                        if next[b] < ends[b] {
                            heap[n] = (key(next[b]), b)
                            n += 1
                        }
                    }
                    @inline(__always) func siftDown(_ i: Int) {
                        var i = i
                        let item = heap[i]
                        while true {
                            let l = 2 * i + 1
                            guard l < n else { break }
                            let c = l + 1 < n && heap[l + 1].key < heap[l].key ? l + 1 : l
                            guard heap[c].key < item.key else { break }
                            heap[i] = heap[c]
                            i = c
                        }
                        heap[i] = item
                    }
                    var i = n / 2
                    while i > 0 {
                        i -= 1
                        siftDown(i)
                    }
                    var k = 0
                    while n > 0 {
                        let b = heap[0].block
                        order[k] = Int32(next[b])
                        k += 1
                        next[b] += 1
                        if next[b] < ends[b] {
                            heap[0].key = key(next[b])
                        } else {
                            n -= 1
                            heap[0] = heap[n]
                        }
                        siftDown(0)
                    }
                    initialized = k
                }
            }
        }
        return permuted(order)
    }

    /// The samples in the order of the indices in `order`.
    func permuted(_ order: [Int32]) -> EncounterSamples {
        EncounterSamples(slices: slices.gathered(at: order), vessels: vessels.gathered(at: order), latitudes: latitudes.gathered(at: order),
                         longitudes: longitudes.gathered(at: order), speeds: speeds.gathered(at: order))
    }

    /// Indices `order` stably sorted by vessel: a least-significant-digit radix sort in two passes
    /// of 16 bits (vessel numbers are not negative), or a stable comparison sort for few samples;
    /// `order` itself when it is already in vessel order.
    private func byVessel(_ order: [Int32]) -> [Int32] {
        let sorted = vessels.withUnsafeBufferPointer { vessels in
            order.withUnsafeBufferPointer { order in
                var k = 1
                while k < order.count, vessels[Int(order[k - 1])] <= vessels[Int(order[k])] { k += 1 }
                return k >= order.count
            }
        }
        if sorted { return order }
        if order.count < 4096 {  // cheaper than clearing the radix counters
            var sorted = order
            sorted.sort { vessels[Int($0)] < vessels[Int($1)] }  // stable
            return sorted
        }
        var from = order
        var to = [Int32](repeating: 0, count: order.count)
        for shift in [0, 16] {
            var starts = [Int](repeating: 0, count: 65_537)
            for i in from { starts[Int(UInt32(bitPattern: vessels[Int(i)]) >> shift & 0xFFFF) + 1] += 1 }
            for d in 1..<starts.count { starts[d] += starts[d - 1] }
            for i in from {
                let d = Int(UInt32(bitPattern: vessels[Int(i)]) >> shift & 0xFFFF)
                to[starts[d]] = i
                starts[d] += 1
            }
            swap(&from, &to)
        }
        return from
    }

    /// Whether `count` samples whose slices span `span` (highest − lowest) are put in slice order by
    /// counting: while the array of slice starts stays small next to the samples, or under 2^20
    /// slices (8 MB, about 20 years of 10-minute slices), counting is cheaper than comparing.
    static func countingSortFits(span: Int64, count: Int) -> Bool { span <= Int64(max(4 * count + 1024, 1 << 20)) }

    /// Indices `order` stably sorted by slice: counting sort when the slices span at most four
    /// times as many values as there are samples (plus 1,024) or at most 2^20 values, else a
    /// stable comparison sort.
    func bySlice(_ order: [Int32]) -> [Int32] {
        guard let lo = slices.min(), let hi = slices.max() else { return order }
        guard Self.countingSortFits(span: hi - lo, count: count) else {
            var sorted = order
            sorted.sort { slices[Int($0)] < slices[Int($1)] }  // stable
            return sorted
        }
        var starts = [Int](repeating: 0, count: Int(hi - lo) + 2)
        var out = [Int32](repeating: 0, count: order.count)
        slices.withUnsafeBufferPointer { slices in
            starts.withUnsafeMutableBufferPointer { starts in
                for s in slices { starts[Int(s - lo) + 1] += 1 }
                for d in 1..<starts.count { starts[d] += starts[d - 1] }
                out.withUnsafeMutableBufferPointer { out in
                    for i in order {
                        let d = Int(slices[Int(i)] - lo)
                        out[starts[d]] = i
                        starts[d] += 1
                    }
                }
            }
        }
        return out
    }

    /// The samples ordered by slice, then vessel. Linear time (radix and counting sorts) unless the
    /// slices are far more spread than the samples are many.
    public func sortedBySlice() -> EncounterSamples { permuted(bySlice(byVessel(Array(0..<Int32(count))))) }

    /// The samples ordered by vessel, then slice: the order ``EncounterSweep/add(window:samples:)`` takes.
    public func sortedByVessel() -> EncounterSamples { permuted(byVessel(bySlice(Array(0..<Int32(count))))) }
}
