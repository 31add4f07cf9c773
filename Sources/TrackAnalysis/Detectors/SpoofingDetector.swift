import CapwatchCore

/// Finds positions that cannot be true: AIS position spoofing, or two transmitters sharing one
/// MMSI ("manipulating AIS", REGIME.md §5 item 1).
///
/// Checks, each emitting events with a `check` evidence field naming it (all positions of the
/// track are used, outliers included, because outliers are what this detector explains):
/// - `two_places_at_once`: the track splits into two self-consistent sub-tracks that interleave
///   in time. Positions are assigned greedily in time order to sub-track A or B: to the one
///   reachable from its last position without exceeding
///   ``SpoofingParameters/maximumImpliedSpeedKnots`` (the slower if both), B starting at the first
///   position A cannot reach; positions neither can reach are left out. Reported when B has at
///   least ``SpoofingParameters/minimumSecondTrackPositions`` positions and the track switches
///   between A and B at least ``SpoofingParameters/minimumSwitches`` times: two ships sharing an
///   MMSI, or a spoofed position stream beside the true one. Evidence `positions_a`,
///   `positions_b`, `switches`, `median_separation_km` (between consecutive positions of different
///   sub-tracks), `b_first_position`. Cost: one pass.
/// - `impossible_speed`: otherwise, each run of positions the ``TrackBuilder`` flagged as outliers
///   (implied speed above its limit, 50 kn by default, from the last kept position); runs whose
///   kept positions between them span less than ``SpoofingParameters/mergeHours`` are merged.
///   Evidence `outliers`, `from_position` (last kept position), `to_position` (first outlier),
///   `jump_km`, `implied_speed_kn`.
/// - `on_land`: runs of consecutive positions on land by the ``LandMask`` given (at least
///   ``SpoofingParameters/landToleranceKilometres`` inland, to absorb the coastline's error), merged
///   like jumps. Evidence `positions`, `first_position`, `land_tolerance_km`. Ships in rivers, canals
///   and docks that the land data does not carve out are reported too: check the basemap.
/// - `sentinel_position`: positions of exactly 0° N 0° E ("null island", a receiver without a fix)
///   or outside ±90°/±180° (the AIS "not available" values 91°/181° when a source passes them on).
///   Note: the AIS decoder already maps 91/181 to "not available", so from NMEA such reports never
///   reach a track; the extractor counts them in `positionsWithoutFix` (the summary's "positions
///   without a valid fix"). Evidence `positions`.
///
/// `start`/`end` span the positions behind each finding; the position is the first suspect one.
public struct SpoofingDetector: Sendable {
    /// The thresholds, stored with every event.
    public var parameters: SpoofingParameters
    /// Land polygons; nil to skip the `on_land` check.
    public var land: LandMask?

    /// - Parameters:
    ///   - parameters: thresholds; see ``SpoofingParameters``.
    ///   - land: land polygons for the `on_land` check, or nil.
    public init(parameters: SpoofingParameters = SpoofingParameters(), land: LandMask? = nil) {
        self.parameters = parameters
        self.land = land
    }

    /// Findings over all tracks, sorted by start time then MMSI.
    public func detect(in tracks: [Track]) -> [Event] {
        var events: [Event] = []
        for t in tracks where EncounterDetector.isVessel(t.mmsi) { events += detect(in: t) }
        EventOrder.sortByStartThenFirstMMSI(&events)
        return events
    }

    /// Findings of one track, in time order.
    public func detect(in track: Track) -> [Event] {
        guard !track.isEmpty else { return [] }
        var events: [Event] = []
        let fields = parameters.eventFields
        func time(_ i: Int) -> Timestamp { Timestamp(millisecondsSince1970: track.times[i]) }
        let mergeMs = Int64((parameters.mergeHours * 3_600_000).rounded())

        // Two places at once.
        let split = splitIntoTwo(track)
        if let split {
            events.append(Event(kind: .spoofing, mmsi: [track.mmsi], start: time(split.firstB), end: time(split.lastB),
                                position: track.position(at: split.firstB), parameters: fields,
                                evidence: ["check": "two_places_at_once", "positions_a": .integer(split.countA),
                                           "positions_b": .integer(split.countB), "switches": .integer(split.switches),
                                           "median_separation_km": .number(roundedTo(split.medianSeparationKm, 3)),
                                           "b_first_position": .position(track.position(at: split.firstB))]))
        }
        // Runs of flagged positions, merged across short stretches of normal ones.
        func runs(_ flagged: (Int) -> Bool, _ emit: (_ first: Int, _ last: Int, _ count: Int) -> Void) {
            var first = -1
            var last = -1
            var count = 0
            for i in track.indices {
                guard flagged(i) else { continue }
                if first >= 0, track.times[i] - track.times[last] >= mergeMs {
                    emit(first, last, count)
                    first = -1
                    count = 0
                }
                if first < 0 { first = i }
                last = i
                count += 1
            }
            if first >= 0 { emit(first, last, count) }
        }
        if split == nil, track.outlierCount > 0 {
            runs({ track.isOutlier(at: $0) }) { first, last, count in
                var kept = first - 1
                while kept >= 0, track.isOutlier(at: kept) { kept -= 1 }
                var evidence: EventFields = ["check": "impossible_speed", "outliers": .integer(count), "to_position": .position(track.position(at: first))]
                if kept >= 0 {
                    let km = track.position(at: kept).distance(to: track.position(at: first)) / 1000
                    let hours = max(Double(track.times[first] - track.times[kept]) / 3_600_000, parameters.timeResolutionSeconds / 3600)
                    evidence["from_position"] = .position(track.position(at: kept))
                    evidence["jump_km"] = .number(roundedTo(km, 3))
                    evidence["implied_speed_kn"] = .number(roundedTo(km * 1000 / metresPerNauticalMile / hours, 1))
                }
                events.append(Event(kind: .spoofing, mmsi: [track.mmsi], start: time(first), end: time(last), position: track.position(at: first),
                                    parameters: fields, evidence: evidence))
            }
        }
        if let land {
            let tolerance = parameters.landToleranceKilometres * 1000
            runs({ land.isInland(track.position(at: $0), toleranceMetres: tolerance) }) { first, last, count in
                events.append(Event(kind: .spoofing, mmsi: [track.mmsi], start: time(first), end: time(last), position: track.position(at: first),
                                    parameters: fields,
                                    evidence: ["check": "on_land", "positions": .integer(count), "first_position": .position(track.position(at: first)),
                                               "land_tolerance_km": .number(parameters.landToleranceKilometres)]))
            }
        }
        runs({ i in
            let lat = track.latitudes[i]
            let lon = track.longitudes[i]
            return (lat == 0 && lon == 0) || abs(lat) > 90 || abs(lon) > 180 || !lat.isFinite || !lon.isFinite
        }) { first, last, count in
            events.append(Event(kind: .spoofing, mmsi: [track.mmsi], start: time(first), end: time(last), position: track.position(at: first),
                                parameters: fields, evidence: ["check": "sentinel_position", "positions": .integer(count)]))
        }
        events.sort { $0.start < $1.start }
        return events
    }

    private struct Split {
        var countA = 0
        var countB = 0
        var switches = 0
        var firstB = -1
        var lastB = -1
        var medianSeparationKm = 0.0
    }

    /// The greedy two-sub-track assignment (see the type's documentation); nil when it does not
    /// show two interleaved tracks.
    private func splitIntoTwo(_ t: Track) -> Split? {
        guard t.outlierCount >= parameters.minimumSecondTrackPositions else { return nil }
        let limit = parameters.maximumImpliedSpeedKnots * metresPerNauticalMile / 3600
        let resolution = parameters.timeResolutionSeconds
        var lastA = 0
        var lastB = -1
        var previousSide = 0  // 0 = A, 1 = B
        var s = Split()
        s.countA = 1
        var separations: [Float] = []
        func speed(_ from: Int, _ to: Int) -> Double {
            let dt = max(Double(t.times[to] - t.times[from]) / 1000, resolution)
            return t.position(at: from).distance(to: t.position(at: to)) / dt
        }
        for i in 1..<t.count {
            let va = speed(lastA, i)
            let vb = lastB >= 0 ? speed(lastB, i) : .infinity
            let side: Int
            if va <= limit, va <= vb {
                side = 0
            } else if vb <= limit {
                side = 1
            } else if lastB < 0 {
                side = 1
            } else {
                continue
            }
            if side != previousSide {
                s.switches += 1
                let other = side == 0 ? lastB : lastA
                if other >= 0 { separations.append(Float(t.position(at: other).distance(to: t.position(at: i)) / 1000)) }
            }
            previousSide = side
            if side == 0 {
                lastA = i
                s.countA += 1
            } else {
                if s.firstB < 0 { s.firstB = i }
                lastB = i
                s.lastB = i
                s.countB += 1
            }
        }
        guard s.countB >= parameters.minimumSecondTrackPositions, s.switches >= parameters.minimumSwitches else { return nil }
        s.medianSeparationKm = median(separations) ?? 0
        return s
    }
}

/// Parameters of ``SpoofingDetector``; every event stores them.
public struct SpoofingParameters: Hashable, Sendable {
    /// Fastest credible speed between two positions of one ship, in knots (default 50, as
    /// ``TrackParameters/maximumImpliedSpeedKnots``).
    public var maximumImpliedSpeedKnots: Double
    /// The input's time resolution in seconds (implied speeds divide by at least this; 60 for
    /// minute-stamped data), as ``TrackParameters/timeResolutionSeconds``.
    public var timeResolutionSeconds: Double
    /// Minimum positions of the second sub-track for `two_places_at_once` (default 5).
    public var minimumSecondTrackPositions: Int
    /// Minimum alternations between the sub-tracks for `two_places_at_once` (default 4: B, A, B, A
    /// at least twice, i.e. the two streams truly interleave).
    public var minimumSwitches: Int
    /// Flagged positions less than this many hours apart form one event (default 1 h).
    public var mergeHours: Double
    /// A position counts as on land only when this far inland, in km (default 2 km; use more for
    /// coarse land data such as Natural Earth 50 m).
    public var landToleranceKilometres: Double

    /// - Parameters: see the properties.
    public init(maximumImpliedSpeedKnots: Double = 50, timeResolutionSeconds: Double = 1, minimumSecondTrackPositions: Int = 5,
                minimumSwitches: Int = 4, mergeHours: Double = 1, landToleranceKilometres: Double = 2) {
        self.maximumImpliedSpeedKnots = maximumImpliedSpeedKnots
        self.timeResolutionSeconds = max(timeResolutionSeconds, 0.001)
        self.minimumSecondTrackPositions = max(1, minimumSecondTrackPositions)
        self.minimumSwitches = max(1, minimumSwitches)
        self.mergeHours = mergeHours
        self.landToleranceKilometres = max(0, landToleranceKilometres)
    }

    /// The parameters as stored with each event.
    public var eventFields: EventFields {
        [
            "max_implied_speed_kn": .number(maximumImpliedSpeedKnots), "time_resolution_s": .number(timeResolutionSeconds),
            "min_second_track_positions": .integer(minimumSecondTrackPositions), "min_switches": .integer(minimumSwitches),
            "merge_h": .number(mergeHours), "land_tolerance_km": .number(landToleranceKilometres),
        ]
    }
}
