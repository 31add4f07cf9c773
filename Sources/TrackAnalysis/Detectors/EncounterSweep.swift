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
    private var runs: EncounterRuns
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
        sliceMilliseconds = max(1000, Int64((p.sliceMinutes * 60_000).rounded()))
        windowSlices = max(1, Int64(86_400_000 / sliceMilliseconds))
        maximumGapMilliseconds = Int64((p.maximumInterpolationGapHours * 3_600_000).rounded())
        runs = EncounterRuns(detector: detector, mmsis: mmsis, sliceMs: sliceMilliseconds)
    }

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
    public mutating func add(_ day: DayHits) {
        for hit in day.hits { runs.add(hit) }
        runs.sweep(before: (day.window + 1) * windowSlices)
    }

    /// The close pairs of one day window, from ``closePairs(window:samples:)``.
    public struct DayHits: Sendable {
        /// The day window.
        public let window: Int64
        let hits: [EncounterDetector.Hit]
    }

    /// The encounters, sorted by start time then MMSI pair (``EventOrder/startThenMMSIs(_:_:)``).
    public mutating func finish() -> [Event] {
        var events = runs.finish()
        events.sort(by: EventOrder.startThenMMSIs)
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

    /// The samples reordered by `(key, index)` ascending.
    private func reordered(by key: (Int) -> (Int64, Int64)) -> EncounterSamples {
        let order = (0..<count).sorted { l, r in
            let a = key(l)
            let b = key(r)
            return (a.0, a.1, l) < (b.0, b.1, r)
        }
        var out = EncounterSamples()
        out.slices = order.map { slices[$0] }
        out.vessels = order.map { vessels[$0] }
        out.latitudes = order.map { latitudes[$0] }
        out.longitudes = order.map { longitudes[$0] }
        out.speeds = order.map { speeds[$0] }
        return out
    }

    /// The samples ordered by slice, then vessel.
    public func sortedBySlice() -> EncounterSamples { reordered { (slices[$0], Int64(vessels[$0])) } }

    /// The samples ordered by vessel, then slice: the order ``EncounterSweep/add(window:samples:)`` takes.
    public func sortedByVessel() -> EncounterSamples { reordered { (Int64(vessels[$0]), slices[$0]) } }
}
