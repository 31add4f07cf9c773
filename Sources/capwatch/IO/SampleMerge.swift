import TrackAnalysis

/// The ``SampleStore``s of every vessel group read as one, a day at a time, ordered by slice and
/// then vessel: the order in which ``EncounterSweep/closePairs(window:bySlice:)`` takes them.
///
/// Each store is ordered by slice then vessel and no vessel is in two groups, so a k-way merge
/// (a binary heap of the groups' next samples) gives the order without sorting the day.
struct SampleMerge {
    private var readers: [SampleStore.Reader]

    /// - Parameter stores: the groups' samples, each ordered by slice then vessel.
    /// - Throws: ``CapwatchCLIError`` when a sample file cannot be opened.
    init(_ stores: [SampleStore]) throws { readers = try stores.map { try $0.reader() } }

    /// Closes the files.
    mutating func release() { for i in readers.indices { readers[i].release() } }

    /// The slice of the next sample of all groups, nil at the end.
    /// - Throws: ``CapwatchCLIError`` when a sample file cannot be read.
    mutating func firstSlice() throws -> Int64? {
        var first: Int64?
        for i in readers.indices { if let s = try readers[i].peekSlice(), s < first ?? .max { first = s } }
        return first
    }

    /// Appends to `samples` every sample of slices `slices`, ordered by slice then vessel.
    /// - Parameter slices: at most 2^32 slices, from a bound at or before ``firstSlice()``.
    /// - Throws: ``CapwatchCLIError`` when a sample file cannot be read.
    mutating func append(_ slices: Range<Int64>, to samples: inout EncounterSamples) throws {
        let lower = slices.lowerBound
        let bound = slices.upperBound
        if readers.count == 1 {
            try readers[0].append(before: bound, to: &samples)
            return
        }
        try readers.withUnsafeMutableBufferPointer { readers in
            // The groups that have samples in the slices, keyed by their next sample's slice and vessel.
            var heap: [(key: UInt64, reader: Int)] = []
            func key(_ r: Int) throws -> UInt64? {
                guard let slice = try readers[r].peekSlice(), slice < bound else { return nil }
                precondition(slice >= lower, "SampleMerge: a sample before the slices asked for")
                return UInt64(slice - lower) << 32 | UInt64(UInt32(bitPattern: readers[r].peekVessel))
            }
            for r in readers.indices { if let k = try key(r) { heap.append((k, r)) } }
            var i = heap.count / 2
            while i > 0 {
                i -= 1
                Self.siftDown(&heap, i)
            }
            while let top = heap.first {
                readers[top.reader].move(to: &samples)
                if let k = try key(top.reader) {
                    heap[0].key = k
                } else {
                    heap[0] = heap[heap.count - 1]
                    heap.removeLast()
                }
                Self.siftDown(&heap, 0)
            }
        }
    }

    /// Restores the heap order below `i` (the smallest key at the root).
    private static func siftDown(_ heap: inout [(key: UInt64, reader: Int)], _ i: Int) {
        var i = i
        let n = heap.count
        while true {
            let l = 2 * i + 1
            guard l < n else { return }
            let c = l + 1 < n && heap[l + 1].key < heap[l].key ? l + 1 : l
            guard heap[c].key < heap[i].key else { return }
            heap.swapAt(c, i)
            i = c
        }
    }
}
