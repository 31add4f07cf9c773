import TrackAnalysis

/// The ``SampleStore``s of every vessel group read together, a day (any range of slices) at a
/// time: each group's samples of those slices as one block, ordered by slice then vessel as the
/// store is. ``EncounterSamples/mergedBySlice(blockStarts:)`` then orders the day by slice and
/// vessel, which can be done for several days at once on different cores.
struct SampleDays {
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

    /// Every sample before slice `bound`, group after group.
    /// - Returns: the samples and the first sample of each group's block (groups without samples
    ///   left out).
    /// - Throws: ``CapwatchCLIError`` when a sample file cannot be read.
    mutating func read(before bound: Int64) throws -> (samples: EncounterSamples, blockStarts: [Int]) {
        var samples = EncounterSamples()
        var starts: [Int] = []
        for i in readers.indices {
            let start = samples.count
            try readers[i].append(before: bound, to: &samples)
            if samples.count > start { starts.append(start) }
        }
        return (samples, starts)
    }
}
