#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore
#if os(Linux)
import CSinCos
#endif

/// Finds encounters: two vessels close together and slow for a long time, the AIS signature of
/// a ship-to-ship (STS) transfer.
///
/// Definition (Global Fishing Watch encounter events; github.com/GlobalFishingWatch/encounters_pipeline,
/// run with `--max_encounter_dist_km 0.5 --min_encounter_time_minutes 120`, and GFW's published
/// definition "vessels within 500 m of each other for at least 2 hours, travelling at a median
/// speed below 2 knots, at least 10 km from a coastal anchorage"), with the defaults of
/// ``EncounterParameters/globalFishingWatch``:
/// 1. **Resampling.** Each track (outliers excluded) is interpolated linearly onto instants that
///    are multiples of ``EncounterParameters/sliceMinutes`` (10 min, as GFW's `Resample` transform)
///    since 1970 UTC. Between two positions more than
///    ``EncounterParameters/maximumInterpolationGapHours`` (1 h) apart nothing is interpolated, so a
///    vessel silent for longer is simply absent from those slices (GFW's `max_gap_s`). A position
///    that falls exactly on a slice instant is used as is. SOG at a slice is interpolated from the
///    reported SOG, or is the speed implied by the two positions when neither reports one.
///    Unlike GFW, positions are not extrapolated past the ends of a track.
/// 2. **Proximity.** At each slice, vessels within ``EncounterParameters/maximumDistanceMetres``
///    (500 m) are found with a spatial hash: positions become Earth-centred x, y, z (sphere of
///    radius 6,371,008.8 m); cubic cells have a side of twice the distance, so each point needs
///    only the 8 cells towards which it lies within half a side. The cost grows with the number
///    of resampled positions, never with the number of vessel pairs; no special cases at the poles
///    or the antimeridian. The chord distance is converted to the great-circle distance.
/// 3. **Runs.** For each pair, consecutive close slices form a run; a missing slice ends it. A run
///    is an encounter when it lasts at least ``EncounterParameters/minimumDurationHours`` (2 h,
///    from first to last close slice), the median SOG of **each** vessel over its slices is below
///    ``EncounterParameters/maximumMedianSOGKnots`` (2 kn; unknown SOG throughout fails), and,
///    when a port list is given, the mean position of the pair is at least
///    ``EncounterParameters/minimumPortDistanceKilometres`` (10 km) from every port.
/// 4. **Merging.** Encounters of the same pair that start less than
///    ``EncounterParameters/mergeGapHours`` (4 h) after the previous one ended are merged, as GFW's
///    `MergeEncounters` does with `min_hours_between_encounters = 4`; statistics are recomputed
///    over all merged slices.
///
/// Coast stations, aids to navigation and distress beacons (by ``MMSI/kind``) are ignored.
///
/// Each event has `mmsi` = the pair (ascending), `start`/`end` = the first and last close slice,
/// `position` = the pair's mean midpoint, the parameters, and evidence: `duration_h`,
/// `median_distance_m`, `min_distance_m`, `vessel_1_median_sog_kn` and `vessel_2_median_sog_kn`
/// (vessel 1 = lower MMSI), `slices` (number of close slices), and with a port list
/// `nearest_port`, `nearest_port_km`. Distances are rounded to 0.1 m (port: 1 m), SOG to 0.01 kn.
public struct EncounterDetector: Sendable {
    /// The thresholds, stored with every event.
    public var parameters: EncounterParameters
    /// Ports and anchorages whose vicinity is excluded; nil to skip that criterion.
    public var ports: PortList?

    /// - Parameters:
    ///   - parameters: thresholds; GFW's by default.
    ///   - ports: ports and anchorages to exclude around; nil for none.
    public init(parameters: EncounterParameters = .globalFishingWatch, ports: PortList? = nil) {
        self.parameters = parameters
        self.ports = ports
    }

    /// Encounters among `tracks`, sorted by start time then MMSI pair.
    /// - Parameter tracks: tracks from ``TrackBuilder`` (any order, one per MMSI).
    public func detect(in tracks: [Track]) -> [Event] {
        var sweep = EncounterSweep(detector: self, mmsis: tracks.map(\.mmsi))
        let sliceMs = sweep.sliceMilliseconds
        let window = sweep.windowSlices
        let maxGapMs = sweep.maximumGapMilliseconds
        // Resample and find close pairs one day of slices at a time, so the resampled positions in
        // memory are those of one window (the vessels active that day), whatever the time span.
        var spans: [(vessel: Int, first: Int64, last: Int64)] = []
        for (v, track) in tracks.enumerated() where Self.isVessel(track.mmsi) {
            guard let first = track.times.first, let last = track.times.last else { continue }
            spans.append((v, floorDiv(first, sliceMs), floorDiv(last, sliceMs)))
        }
        spans.sort { ($0.first, $0.vessel) < ($1.first, $1.vessel) }
        var cursors = [ResampleCursor](repeating: ResampleCursor(), count: tracks.count)
        var samples = EncounterSamples()
        var active: [(vessel: Int, last: Int64)] = []
        var nextSpan = 0
        var w0 = spans.first.map { floorDiv($0.first, window) * window } ?? 0
        while nextSpan < spans.count || !active.isEmpty {
            if active.isEmpty, nextSpan < spans.count, spans[nextSpan].first >= w0 + window {
                w0 = floorDiv(spans[nextSpan].first, window) * window  // skip empty days
            }
            let w1 = w0 + window
            var added = false
            while nextSpan < spans.count, spans[nextSpan].first < w1 {
                active.append((spans[nextSpan].vessel, spans[nextSpan].last))
                nextSpan += 1
                added = true
            }
            if added { active.sort { $0.vessel < $1.vessel } }  // samples in track order, as one pass would give
            samples.removeAll()
            for a in active {
                samples.resample(tracks[a.vessel], vessel: Int32(a.vessel), sliceMs: sliceMs, maxGapMs: maxGapMs, slices: w0..<w1,
                                 cursor: &cursors[a.vessel])
            }
            sweep.add(window: w0 / window, samples: samples)
            active.removeAll { $0.last < w1 }  // every step of these tracks ended before w1
            w0 = w1
        }
        return sweep.finish()
    }

    /// Step 1 for one track on its own: its resampled positions at every slice (see the type's
    /// description), in slice order, labelled `vessel`; empty for a coast station, aid to
    /// navigation or distress beacon. Feeding these (of all tracks, day by day) to an
    /// ``EncounterSweep`` finds the same encounters as ``detect(in:)``.
    /// - Parameters:
    ///   - track: the track.
    ///   - vessel: its index in the `mmsis` given to the ``EncounterSweep``.
    public func samples(of track: Track, vessel: Int32) -> EncounterSamples {
        var samples = EncounterSamples()
        appendSamples(of: track, vessel: vessel, to: &samples)
        return samples
    }

    /// Appends ``samples(of:vessel:)`` to `samples` (without building them apart first).
    /// - Parameters:
    ///   - track: the track.
    ///   - vessel: its index in the `mmsis` given to the ``EncounterSweep``.
    ///   - samples: where to append.
    public func appendSamples(of track: Track, vessel: Int32, to samples: inout EncounterSamples) {
        guard Self.isVessel(track.mmsi) else { return }
        EncounterSamples.resampleWhole(track, vessel: vessel, sliceMs: parameters.sliceMilliseconds, maxGapMs: parameters.maximumGapMilliseconds,
                                       into: &samples)
    }

    /// Step 1 for many tracks at once, in slice order: the samples ``samples(of:vessel:)`` gives
    /// for every track, as ``EncounterSamples/sortedBySlice()`` orders them (by slice, then
    /// vessel), each written once at its place. A first pass counts each slice's samples from the
    /// tracks' times; the second interpolates them into place, the tracks taken in vessel order.
    /// When the slices span far more than the samples are many (positions decades apart), the
    /// samples are appended and sorted instead.
    /// - Parameters:
    ///   - tracks: the tracks.
    ///   - vessels: each track's vessel number (its index in the `mmsis` of the ``EncounterSweep``),
    ///     one per track, all different.
    /// - Returns: the samples by slice, then vessel.
    public func samplesBySlice(of tracks: [Track], vessels: [Int32]) -> EncounterSamples {
        precondition(vessels.count == tracks.count, "samplesBySlice: one vessel number per track")
        let sliceMs = parameters.sliceMilliseconds, maxGapMs = parameters.maximumGapMilliseconds
        let order = tracks.indices.filter { Self.isVessel(tracks[$0].mmsi) }.sorted { vessels[$0] < vessels[$1] }
        // The total, and the lowest and highest slice.
        var total = 0
        var lowest = Int64.max, highest = Int64.min
        for t in order {
            EncounterSamples.forEachSampleRange(of: tracks[t], sliceMs: sliceMs, maxGapMs: maxGapMs) { range in
                total += Int(range.upperBound - range.lowerBound) + 1
                lowest = min(lowest, range.lowerBound)
                highest = max(highest, range.upperBound)
            }
        }
        guard total > 0 else { return EncounterSamples() }
        guard EncounterSamples.countingSortFits(span: highest - lowest, count: total) else {
            var all = EncounterSamples()
            all.reserveCapacity(total)
            for t in order { EncounterSamples.resampleWhole(tracks[t], vessel: vessels[t], sliceMs: sliceMs, maxGapMs: maxGapMs, into: &all) }
            return all.sortedBySlice()
        }
        // Where each slice's samples start.
        let span = Int(highest - lowest) + 1
        let next = UnsafeMutablePointer<Int>.allocate(capacity: span)
        defer { next.deallocate() }
        next.initialize(repeating: 0, count: span)
        for t in order {
            EncounterSamples.forEachSampleRange(of: tracks[t], sliceMs: sliceMs, maxGapMs: maxGapMs) { range in
                for k in range { next[Int(k - lowest)] += 1 }
            }
        }
        var start = 0
        for d in 0..<span {
            let n = next[d]
            next[d] = start
            start += n
        }
        // The columns, filled in place.
        var columns: (slices: [Int64], vessels: [Int32], latitudes: [Double], longitudes: [Double], speeds: [Float]) = ([], [], [], [], [])
        columns.slices = [Int64](unsafeUninitializedCapacity: total) { slices, n1 in
            columns.vessels = [Int32](unsafeUninitializedCapacity: total) { vesselColumn, n2 in
                columns.latitudes = [Double](unsafeUninitializedCapacity: total) { latitudes, n3 in
                    columns.longitudes = [Double](unsafeUninitializedCapacity: total) { longitudes, n4 in
                        columns.speeds = [Float](unsafeUninitializedCapacity: total) { speeds, n5 in
                            var sink = SliceScatter(lowestSlice: lowest, next: next, slices: slices.baseAddress!, vessels: vesselColumn.baseAddress!,
                                                    latitudes: latitudes.baseAddress!, longitudes: longitudes.baseAddress!, speeds: speeds.baseAddress!)
                            for t in order {
                                EncounterSamples.resampleWhole(tracks[t], vessel: vessels[t], sliceMs: sliceMs, maxGapMs: maxGapMs, into: &sink)
                            }
                            n5 = total
                        }
                        n4 = total
                    }
                    n3 = total
                }
                n2 = total
            }
            n1 = total
        }
        return EncounterSamples(slices: columns.slices, vessels: columns.vessels, latitudes: columns.latitudes, longitudes: columns.longitudes,
                                speeds: columns.speeds)
    }

    static func isVessel(_ mmsi: MMSI) -> Bool {
        switch mmsi.kind {
        case .coastStation, .aidToNavigation, .distressDevice: return false
        default: return true
        }
    }

    // MARK: - Step 2: close pairs per slice

    struct Hit {
        var a: Int32
        var b: Int32
        var slice: Int64
        var distance: Float
        var sogA: Float
        var sogB: Float
        var midX: Double
        var midY: Double
        var midZ: Double
    }

    /// The close pairs of `s` (step 2), samples taken in the order of a stable sort by slice.
    func closePairs(_ s: EncounterSamples) -> [Hit] { closePairs(bySlice: s.permuted(s.bySlice(Array(0..<Int32(s.count))))) }

    /// Slices of at most this many samples are searched by comparing every pair rather than
    /// through the grid: 16 samples make 120 comparisons of a few instructions, against 16 × 8
    /// hashed cell lookups.
    static let pairwiseSliceSize = 16

    /// The close pairs of `s` (step 2), whose samples are ordered by slice: the pairs of each slice
    /// in the order of their later sample; for one sample, the latest earlier sample first
    /// (slices of up to ``pairwiseSliceSize`` samples) or in the order of the 8 cells, then the
    /// latest earlier sample first. Each close pair of a slice comes once.
    func closePairs(bySlice s: EncounterSamples) -> [Hit] {
        let count = s.count
        guard count > 1 else { return [] }
        let radius = max(10, parameters.maximumDistanceMetres)
        let side = 2 * radius
        let chordLimit = 2 * GeoPoint.earthRadiusMetres * sin(min(radius / GeoPoint.earthRadiusMetres, Double.pi) / 2)
        let chordLimit2 = chordLimit * chordLimit
        var grid = SliceGrid(points: count)
        defer { grid.deallocate() }
        // Earth-centred coordinates of the samples of slices with more than one sample.
        let xs = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let ys = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let zs = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer {
            xs.deallocate()
            ys.deallocate()
            zs.deallocate()
        }
        var hits: [Hit] = []
        s.withColumns { slices, vessels, latitudes, longitudes, speeds in
            var start = 0
            while start < count {
                let slice = slices[start]
                var end = start + 1
                while end < count, slices[end] == slice { end += 1 }
                defer { start = end }
                guard end - start > 1 else { continue }
                @inline(__always) func hit(_ sq: Int, _ si: Int, _ d2: Double) {
                    let (first, second) = vessels[sq] < vessels[si] ? (sq, si) : (si, sq)
                    let chord = d2.squareRoot()
                    let arc = 2 * GeoPoint.earthRadiusMetres * asin(min(1, chord / (2 * GeoPoint.earthRadiusMetres)))
                    hits.append(Hit(a: vessels[first], b: vessels[second], slice: slice, distance: Float(arc), sogA: speeds[first],
                                    sogB: speeds[second], midX: (xs[sq] + xs[si]) / 2, midY: (ys[sq] + ys[si]) / 2, midZ: (zs[sq] + zs[si]) / 2))
                }
                if end - start <= Self.pairwiseSliceSize {
                    // A few samples: every pair is compared, which costs less than the grid's lookups.
                    for si in start..<end {
                        let (x, y, z) = ecef(latitudes[si], longitudes[si])
                        xs[si] = x
                        ys[si] = y
                        zs[si] = z
                        var sq = si - 1
                        while sq >= start {
                            let dx = xs[sq] - x
                            let dy = ys[sq] - y
                            let dz = zs[sq] - z
                            let d2 = dx * dx + dy * dy + dz * dz
                            if d2 <= chordLimit2 { hit(sq, si, d2) }
                            sq -= 1
                        }
                    }
                    continue
                }
                grid.begin(count: end - start)
                for si in start..<end {
                    let (x, y, z) = ecef(latitudes[si], longitudes[si])
                    xs[si] = x
                    ys[si] = y
                    zs[si] = z
                    let fx = x / side
                    let fy = y / side
                    let fz = z / side
                    let cx = Int(fx.rounded(.down))
                    let cy = Int(fy.rounded(.down))
                    let cz = Int(fz.rounded(.down))
                    // The 2 × 2 × 2 cells: own cell or the neighbour on each axis.
                    let kx = (SliceGrid.xKey(cx), SliceGrid.xKey(fx - Double(cx) < 0.5 ? cx - 1 : cx + 1))
                    let ky = (SliceGrid.yKey(cy), SliceGrid.yKey(fy - Double(cy) < 0.5 ? cy - 1 : cy + 1))
                    let kz = (SliceGrid.zKey(cz), SliceGrid.zKey(fz - Double(cz) < 0.5 ? cz - 1 : cz + 1))
                    for corner in 0..<8 {
                        let key = (corner & 4 == 0 ? kx.0 : kx.1) | (corner & 2 == 0 ? ky.0 : ky.1) | (corner & 1 == 0 ? kz.0 : kz.1)
                        var q = grid.first(key)
                        while q >= 0 {
                            let sq = Int(q)
                            let dx = xs[sq] - x
                            let dy = ys[sq] - y
                            let dz = zs[sq] - z
                            let d2 = dx * dx + dy * dy + dz * dz
                            if d2 <= chordLimit2 { hit(sq, si, d2) }
                            q = grid.next[sq]
                        }
                    }
                    grid.insert(kx.0 | ky.0 | kz.0, point: Int32(si))
                }
            }
        }
        return hits
    }

    // MARK: - Steps 3 and 4: runs, criteria, merging

    func isNearPort(_ point: GeoPoint) -> Bool {
        guard let ports else { return false }
        return ports.nearest(to: point, within: parameters.minimumPortDistanceKilometres * 1000) != nil
    }

    /// The event of the runs `runs` of `hits` (one pair's merged encounters); `parameters` are
    /// ``EncounterParameters/eventFields``, made once by the caller.
    func makeEvent(_ hits: [Hit], _ runs: [Range<Int>], mmsis: [MMSI], sliceMs: Int64, parameters fields: EventFields) -> Event {
        let stats = Stats(hits, runs)
        let first = hits[runs[0].lowerBound]
        let last = hits[runs[runs.count - 1].upperBound - 1]
        let start = Timestamp(millisecondsSince1970: first.slice * sliceMs)
        let end = Timestamp(millisecondsSince1970: last.slice * sliceMs)
        // Vessel 1 is the lower MMSI; hits order vessels by track index, which differs when the
        // caller's tracks are not sorted by MMSI.
        let swapped = mmsis[Int(first.a)] > mmsis[Int(first.b)]
        let (sog1, sog2) = swapped ? (stats.medianSOGB, stats.medianSOGA) : (stats.medianSOGA, stats.medianSOGB)
        var evidence: EventFields = [
            "duration_h": .number(start.seconds(to: end) / 3600), "median_distance_m": .number(rounded(stats.medianDistance, 0.1)),
            "min_distance_m": .number(rounded(stats.minDistance, 0.1)), "vessel_1_median_sog_kn": .number(rounded(sog1 ?? .nan, 0.01)),
            "vessel_2_median_sog_kn": .number(rounded(sog2 ?? .nan, 0.01)), "slices": .integer(stats.count),
        ]
        if let ports, let nearest = ports.nearest(to: stats.meanPosition) {
            evidence["nearest_port"] = .string(nearest.port.name)
            evidence["nearest_port_km"] = .number(rounded(nearest.distanceMetres / 1000, 0.001))
        }
        return Event(kind: .encounter, mmsi: [mmsis[Int(first.a)], mmsis[Int(first.b)]], start: start, end: end,
                     position: stats.meanPosition, parameters: fields, evidence: evidence)
    }

    /// Medians and means over the hits of some runs of one pair ("A" = the lower track index).
    struct Stats {
        var count = 0
        var medianDistance = Double.nan
        var minDistance = Double.nan
        var medianSOGA: Double?
        var medianSOGB: Double?
        var meanPosition = GeoPoint(latitude: 0, longitude: 0)

        init(_ hits: [Hit], _ runs: [Range<Int>]) {
            let total = runs.reduce(0) { $0 + $1.count }
            var d: [Float] = []
            var sa: [Float] = []
            var sb: [Float] = []
            d.reserveCapacity(total)
            sa.reserveCapacity(total)
            sb.reserveCapacity(total)
            var x = 0.0
            var y = 0.0
            var z = 0.0
            for run in runs {
                for h in hits[run] {
                    d.append(h.distance)
                    if !h.sogA.isNaN { sa.append(h.sogA) }
                    if !h.sogB.isNaN { sb.append(h.sogB) }
                    x += h.midX
                    y += h.midY
                    z += h.midZ
                }
            }
            count = d.count
            medianDistance = median(d) ?? .nan
            minDistance = Double(d.min() ?? .nan)
            medianSOGA = median(sa)
            medianSOGB = median(sb)
            let r = (x * x + y * y + z * z).squareRoot()
            if r > 0 {
                meanPosition = GeoPoint(latitude: asin(z / r) * 180 / Double.pi, longitude: atan2(y, x) * 180 / Double.pi)
            }
        }
    }
}

/// Parameters of ``EncounterDetector``; every event stores them.
public struct EncounterParameters: Hashable, Sendable {
    /// Maximum distance between the two vessels at a slice, in metres (GFW: 500 m, `max_encounter_dist_km 0.5`).
    public var maximumDistanceMetres: Double
    /// Minimum duration from first to last close slice, in hours (GFW: 2 h, `min_encounter_time_minutes 120`).
    public var minimumDurationHours: Double
    /// Each vessel's median SOG over the encounter must be below this, in knots (GFW: 2 kn).
    public var maximumMedianSOGKnots: Double
    /// Minimum distance of the mean position from any port or anchorage, in km (GFW: 10 km);
    /// applied only when the detector has a port list.
    public var minimumPortDistanceKilometres: Double
    /// Encounters of the same pair less than this many hours apart are merged (GFW: 4 h).
    public var mergeGapHours: Double
    /// Resampling interval in minutes (GFW: 10 min).
    public var sliceMinutes: Double
    /// No interpolation between positions more than this many hours apart (1 h by default:
    /// a vessel silent longer is treated as absent rather than assumed to have moved in a straight line).
    public var maximumInterpolationGapHours: Double

    /// - Parameters: see the properties; defaults are ``globalFishingWatch``.
    public init(maximumDistanceMetres: Double = 500, minimumDurationHours: Double = 2, maximumMedianSOGKnots: Double = 2,
                minimumPortDistanceKilometres: Double = 10, mergeGapHours: Double = 4, sliceMinutes: Double = 10,
                maximumInterpolationGapHours: Double = 1) {
        self.maximumDistanceMetres = maximumDistanceMetres
        self.minimumDurationHours = minimumDurationHours
        self.maximumMedianSOGKnots = maximumMedianSOGKnots
        self.minimumPortDistanceKilometres = minimumPortDistanceKilometres
        self.mergeGapHours = mergeGapHours
        self.sliceMinutes = sliceMinutes
        self.maximumInterpolationGapHours = maximumInterpolationGapHours
    }

    /// ``sliceMinutes`` in milliseconds, rounded, at least 1 s.
    public var sliceMilliseconds: Int64 { max(1000, Int64((sliceMinutes * 60_000).rounded())) }

    /// ``maximumInterpolationGapHours`` in milliseconds, rounded.
    public var maximumGapMilliseconds: Int64 { Int64((maximumInterpolationGapHours * 3_600_000).rounded()) }

    /// Global Fishing Watch's encounter definition: 500 m, 2 h, median SOG < 2 kn, ≥ 10 km from
    /// port, merged within 4 h, 10-minute slices (interpolation limit 1 h is Capwatch's).
    public static let globalFishingWatch = EncounterParameters()

    /// The parameters as stored with each event.
    public var eventFields: EventFields {
        [
            "max_distance_m": .number(maximumDistanceMetres), "min_duration_h": .number(minimumDurationHours),
            "max_median_sog_kn": .number(maximumMedianSOGKnots), "min_port_distance_km": .number(minimumPortDistanceKilometres),
            "merge_gap_h": .number(mergeGapHours), "slice_min": .number(sliceMinutes),
            "max_interpolation_gap_h": .number(maximumInterpolationGapHours),
        ]
    }
}

// MARK: - Step 1: resampling

/// Resampled positions of all vessels, as columns.
public struct EncounterSamples: Sendable {
    /// Slice numbers: the slice's start time divided by the slice length (both in milliseconds since 1970).
    public internal(set) var slices: [Int64] = []
    /// The vessel of each sample: an index into the MMSIs of the ``EncounterSweep``.
    public internal(set) var vessels: [Int32] = []
    /// Latitude in degrees.
    public internal(set) var latitudes: [Double] = []
    /// Longitude in degrees.
    public internal(set) var longitudes: [Double] = []
    /// SOG in knots (interpolated); NaN when unknown.
    public internal(set) var speeds: [Float] = []

    /// No samples.
    public init() {}

    /// Samples given as columns of equal length (see the properties).
    public init(slices: [Int64], vessels: [Int32], latitudes: [Double], longitudes: [Double], speeds: [Float]) {
        precondition(vessels.count == slices.count && latitudes.count == slices.count && longitudes.count == slices.count
                         && speeds.count == slices.count, "EncounterSamples: columns of different lengths")
        self.slices = slices
        self.vessels = vessels
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.speeds = speeds
    }

    /// The number of samples.
    public var count: Int { slices.count }

    /// Appends one sample.
    public mutating func append(_ slice: Int64, _ vessel: Int32, _ lat: Double, _ lon: Double, _ sog: Float) {
        slices.append(slice)
        vessels.append(vessel)
        latitudes.append(lat)
        longitudes.append(lon)
        speeds.append(sog)
    }

    /// Makes room for `total` samples in every column.
    /// - Parameter total: the number of samples the columns will hold, `0...`.
    public mutating func reserveCapacity(_ total: Int) {
        slices.reserveCapacity(total)
        vessels.reserveCapacity(total)
        latitudes.reserveCapacity(total)
        longitudes.reserveCapacity(total)
        speeds.reserveCapacity(total)
    }

    /// Calls `body` with the slices of the samples of each step of `t`, in order, as
    /// ``resample(_:vessel:sliceMs:maxGapMs:slices:cursor:)`` makes them for the whole track,
    /// without their positions: after the first kept position or a gap, the slice of its time
    /// when that is a slice instant; after any other step, every slice after its start up to and
    /// including its end.
    @inline(__always)
    static func forEachSampleRange(of t: Track, sliceMs: Int64, maxGapMs: Int64, _ body: (ClosedRange<Int64>) -> Void) {
        var prev = -1
        for i in 0..<t.count where !t.isOutlier(at: i) {
            let t1 = t.times[i]
            if prev < 0 || t1 - t.times[prev] > maxGapMs {
                if floorMod(t1, sliceMs) == 0 { body(floorDiv(t1, sliceMs)...floorDiv(t1, sliceMs)) }
            } else {
                let first = floorDiv(t.times[prev], sliceMs) + 1, last = floorDiv(t1, sliceMs)
                if first <= last { body(first...last) }
            }
            prev = i
        }
    }

    /// Removes every sample, keeping the storage.
    public mutating func removeAll() {
        slices.removeAll(keepingCapacity: true)
        vessels.removeAll(keepingCapacity: true)
        latitudes.removeAll(keepingCapacity: true)
        longitudes.removeAll(keepingCapacity: true)
        speeds.removeAll(keepingCapacity: true)
    }

    /// Appends the slices `window` of one track (see ``EncounterDetector`` step 1), resuming at
    /// `cursor` and leaving it at the first step (pair of kept positions) that reaches past the window.
    mutating func resample(_ t: Track, vessel: Int32, sliceMs: Int64, maxGapMs: Int64, slices window: Range<Int64>,
                           cursor: inout ResampleCursor) {
        var prev = cursor.previous
        var i = cursor.next
        defer { cursor = ResampleCursor(previous: prev, next: i) }
        let n = t.count
        while i < n {
            if t.isOutlier(at: i) {
                i += 1
                continue
            }
            let t1 = t.times[i]
            Self.resampleStep(t, vessel: vessel, prev: prev, i, sliceMs: sliceMs, maxGapMs: maxGapMs, window: window, into: &self)
            // Every slice of this step is at most floor(t1 / slice); one in a later window keeps the step.
            if floorDiv(t1, sliceMs) >= window.upperBound { return }
            prev = i
            i += 1
        }
    }

    /// Every sample of `t`, to `sink`: ``resample(_:vessel:sliceMs:maxGapMs:slices:cursor:)`` for
    /// the whole track.
    static func resampleWhole<Sink: EncounterSampleSink>(_ t: Track, vessel: Int32, sliceMs: Int64, maxGapMs: Int64, into sink: inout Sink) {
        var prev = -1
        for i in 0..<t.count where !t.isOutlier(at: i) {
            resampleStep(t, vessel: vessel, prev: prev, i, sliceMs: sliceMs, maxGapMs: maxGapMs, window: Int64.min..<Int64.max, into: &sink)
            prev = i
        }
    }

    /// The slices in `window` of the step from kept position `prev` (-1: none) to kept position
    /// `i`, to `sink`.
    @inline(__always)
    private static func resampleStep<Sink: EncounterSampleSink>(_ t: Track, vessel: Int32, prev: Int, _ i: Int, sliceMs: Int64, maxGapMs: Int64,
                                                               window: Range<Int64>, into sink: inout Sink) {
        let t1 = t.times[i]
        guard prev >= 0 else {
            if floorMod(t1, sliceMs) == 0, window.contains(t1 / sliceMs) {
                sink.put(t1 / sliceMs, vessel, t.latitudes[i], t.longitudes[i], t.speeds[i])
            }
            return
        }
        let t0 = t.times[prev]
        guard t1 - t0 <= maxGapMs else {
            if floorMod(t1, sliceMs) == 0, window.contains(floorDiv(t1, sliceMs)) {
                sink.put(floorDiv(t1, sliceMs), vessel, t.latitudes[i], t.longitudes[i], t.speeds[i])
            }
            return
        }
        var k = max(floorDiv(t0, sliceMs) + 1, window.lowerBound)
        guard k * sliceMs <= t1, k < window.upperBound else { return }
        let lat0 = t.latitudes[prev]
        let lon0 = t.longitudes[prev]
        let dLat = t.latitudes[i] - lat0
        var dLon = t.longitudes[i] - lon0
        if dLon > 180 { dLon -= 360 } else if dLon < -180 { dLon += 360 }
        let s0 = t.speeds[prev]
        let s1 = t.speeds[i]
        var implied = Float.nan
        if s0.isNaN && s1.isNaN && t1 > t0 {
            let metres = GeoPoint(latitude: lat0, longitude: lon0).distance(to: t.position(at: i))
            implied = Float(knots(metresPerSecond: metres / (Double(t1 - t0) / 1000)))
        }
        while k * sliceMs <= t1, k < window.upperBound {
            let f = t1 > t0 ? Double(k * sliceMs - t0) / Double(t1 - t0) : 1
            var lon = lon0 + f * dLon
            if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
            let sog: Float
            if s0.isNaN { sog = s1.isNaN ? implied : s1 } else if s1.isNaN { sog = s0 } else { sog = s0 + Float(f) * (s1 - s0) }
            sink.put(k, vessel, lat0 + f * dLat, lon, sog)
            k += 1
        }
    }

    /// Calls `body` with the columns as buffers, valid during the call only.
    /// - Parameter body: takes slices, vessels, latitudes, longitudes and speeds (see the properties).
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public func withColumns<R>(_ body: (UnsafeBufferPointer<Int64>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>,
                                        UnsafeBufferPointer<Double>, UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try slices.withUnsafeBufferPointer { slices in
            try vessels.withUnsafeBufferPointer { vessels in
                try latitudes.withUnsafeBufferPointer { latitudes in
                    try longitudes.withUnsafeBufferPointer { longitudes in
                        try speeds.withUnsafeBufferPointer { speeds in try body(slices, vessels, latitudes, longitudes, speeds) }
                    }
                }
            }
        }
    }
}

/// Where resampling puts its samples (one call per sample, in each track's slice order).
protocol EncounterSampleSink {
    /// Takes one sample: slice number, vessel number, latitude and longitude in degrees, SOG in knots (NaN: unknown).
    mutating func put(_ slice: Int64, _ vessel: Int32, _ lat: Double, _ lon: Double, _ sog: Float)
}

extension EncounterSamples: EncounterSampleSink {
    @inline(__always) mutating func put(_ slice: Int64, _ vessel: Int32, _ lat: Double, _ lon: Double, _ sog: Float) {
        append(slice, vessel, lat, lon, sog)
    }
}

/// Puts each sample straight at its place in slice order: `next[slice − lowestSlice]` is the
/// next free index of that slice's samples in the five columns (from a counting pass).
struct SliceScatter: EncounterSampleSink {
    let lowestSlice: Int64
    let next: UnsafeMutablePointer<Int>
    let slices: UnsafeMutablePointer<Int64>
    let vessels: UnsafeMutablePointer<Int32>
    let latitudes: UnsafeMutablePointer<Double>
    let longitudes: UnsafeMutablePointer<Double>
    let speeds: UnsafeMutablePointer<Float>

    @inline(__always) mutating func put(_ slice: Int64, _ vessel: Int32, _ lat: Double, _ lon: Double, _ sog: Float) {
        let d = Int(slice - lowestSlice)
        let k = next[d]
        next[d] = k + 1
        slices[k] = slice
        vessels[k] = vessel
        latitudes[k] = lat
        longitudes[k] = lon
        speeds[k] = sog
    }
}

/// Where ``Samples/resample(_:vessel:sliceMs:maxGapMs:slices:cursor:)`` resumes in a track: the
/// last kept position before the next step (-1: none yet) and the index of the step's end.
struct ResampleCursor {
    var previous = -1
    var next = 0
}

@inline(__always) private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
@inline(__always) private func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

/// Earth-centred coordinates in metres on the mean sphere.
@inline(__always) func ecef(_ latitude: Double, _ longitude: Double) -> (Double, Double, Double) {
    let (sinPhi, cosPhi) = sineAndCosine(latitude * Double.pi / 180)
    let (sinLambda, cosLambda) = sineAndCosine(longitude * Double.pi / 180)
    let r = GeoPoint.earthRadiusMetres
    return (r * cosPhi * cosLambda, r * cosPhi * sinLambda, r * sinPhi)
}

/// `(sin x, cos x)`: with glibc one `sincos` call, which runs the code of `sin` and `cos` once
/// for both (the same results; about the time of one of them).
@inline(__always) func sineAndCosine(_ x: Double) -> (Double, Double) {
    #if os(Linux)
    var s = 0.0
    var c = 0.0
    sincos(x, &s, &c)
    return (s, c)
    #else
    return (sin(x), cos(x))
    #endif
}

/// `value` rounded to a multiple of `step`. Evidence is stored at a resolution that means something
/// (0.1 m, 0.01 kn: AIS reports SOG in 0.1 kn) rather than with single-precision noise.
@inline(__always) func rounded(_ value: Double, _ step: Double) -> Double { value.isFinite ? (value / step).rounded() * step : value }

/// The median of `values` (mean of the two middle values for an even count); nil when empty.
func median(_ values: [Float]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    let m = s.count / 2
    return s.count % 2 == 1 ? Double(s[m]) : (Double(s[m - 1]) + Double(s[m])) / 2
}
