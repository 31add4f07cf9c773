import CapwatchCore

/// Finds possible "dark" ship-to-ship transfers: one vessel silent on AIS while another loiters
/// where it went silent and where it reappeared (REGIME.md §5: disabling AIS, and STS transfers
/// to DPRK-flagged tankers that typically do not transmit).
///
/// Definition (Capwatch's; it follows the logic of Global Fishing Watch's "dark rendezvous", a
/// loitering event with no visible partner, here paired with the partner's AIS gap):
/// a closed gap of vessel A (from ``GapDetector``) and a loitering event of another vessel B (from
/// ``LoiteringDetector``) form a possible dark STS when
/// - they overlap in time by at least ``DarkSTSParameters/minimumOverlapHours`` (1 h), and
/// - both ends of the gap — A's last position before and first position after — lie within
///   ``DarkSTSParameters/maximumDistanceKilometres`` (20 km) of B's mean loitering position.
///
/// Loitering events are bucketed by position on a grid of cells larger than the distance, so each
/// gap is compared only with the loitering in its neighbourhood (never all pairs).
///
/// Each event: `mmsi` = both vessels, `start`/`end` = the overlap, `position` = B's mean
/// loitering position. Evidence: `dark_mmsi`, `loitering_mmsi`, `gap_h`, `loitering_h`,
/// `overlap_h`, `off_distance_km`, `on_distance_km`, `off_time`, `on_time`.
public struct DarkSTSDetector: Sendable {
    /// The thresholds, stored with every event.
    public var parameters: DarkSTSParameters

    /// - Parameter parameters: thresholds; 1 h overlap, 20 km by default.
    public init(parameters: DarkSTSParameters = DarkSTSParameters()) { self.parameters = parameters }

    /// Possible dark STS transfers, sorted by start time then MMSI pair.
    /// - Parameter events: gap and loitering events (other kinds are ignored).
    public func detect(in events: [Event]) -> [Event] {
        detect(gaps: events.lazy.filter { $0.kind == .gap }, loitering: events.filter { $0.kind == .loitering })
    }

    /// Possible dark STS transfers, sorted by start time then MMSI pair (ties in the order of the
    /// gaps, then of the loitering).
    /// - Parameters:
    ///   - gaps: gap events, read once in order (other kinds are ignored): they need not all be in
    ///     memory at once.
    ///   - loitering: loitering events (other kinds are ignored).
    public func detect(gaps: some Sequence<Event>, loitering events: [Event]) -> [Event] {
        let radius = parameters.maximumDistanceKilometres * 1000
        let cell = max(0.05, radius / PortList.metresPerDegreeTA * 2)
        // Closed loitering events by cell, each cell sorted by start time with its longest duration:
        // a gap then looks only at the loitering that can overlap it in time, however many weeks
        // of the same waters the input holds.
        var grid: [Int64: LoiteringCell] = [:]
        func key(_ r: Int, _ c: Int) -> Int64 { Int64(r) &* 1_000_003 &+ Int64(c) }
        // Events are read in place (`events[i].…`), never copied: a copy retains its arrays.
        for i in events.indices where events[i].kind == .loitering {
            guard let end = events[i].end else { continue }
            let position = events[i].position
            let k = key(Int((position.latitude / cell).rounded(.down)), Int((position.longitude / cell).rounded(.down)))
            grid[k, default: LoiteringCell()].add(index: i, start: events[i].start.millisecondsSince1970, end: end.millisecondsSince1970)
        }
        guard !grid.isEmpty else { return [] }
        for k in grid.keys { grid[k]!.sort() }
        let minOverlap = parameters.minimumOverlapHours * 3600
        let minOverlapMs = Int64((minOverlap * 1000).rounded(.down))
        let eventParameters = parameters.eventFields
        var candidates: [Int] = []
        var out: [Event] = []
        for gap in gaps where gap.kind == .gap {
            guard let gapEnd = gap.end, let dark = gap.mmsi.first, let offLat = gap.evidence["off_lat"]?.doubleValue,
                let offLon = gap.evidence["off_lon"]?.doubleValue, let onLat = gap.evidence["on_lat"]?.doubleValue,
                let onLon = gap.evidence["on_lon"]?.doubleValue
            else { continue }
            let off = GeoPoint(latitude: offLat, longitude: offLon)
            let on = GeoPoint(latitude: onLat, longitude: onLon)
            // The loitering position is within `radius` of `off`; the cell is ≥ 2 radii wide (in
            // latitude; longitude cells shrink towards the poles, so widen the search there).
            let r0 = Int((off.latitude / cell).rounded(.down))
            let c0 = Int((off.longitude / cell).rounded(.down))
            let span = max(1, Int((1 / max(0.05, cosDegreesTA(off.latitude))).rounded(.up)))
            for r in (r0 - 1)...(r0 + 1) {
                for c in (c0 - span)...(c0 + span) {
                    guard let found = grid[key(r, c)] else { continue }
                    // Overlapping by minOverlap needs start ≤ gapEnd − minOverlap and end ≥ gap start +
                    // minOverlap, so start ≥ gap start + minOverlap − the cell's longest duration (1 ms margins).
                    found.indices(
                        startingFrom: gap.start.millisecondsSince1970 + minOverlapMs - found.longestMs - 1,
                        through: gapEnd.millisecondsSince1970 - minOverlapMs + 1, into: &candidates)
                    for li in candidates {
                        guard let loiterEnd = events[li].end, let partner = events[li].mmsi.first, partner != dark else { continue }
                        let loiterStart = events[li].start, loiterPosition = events[li].position
                        let start = max(gap.start, loiterStart)
                        let end = min(gapEnd, loiterEnd)
                        let overlap = start.seconds(to: end)
                        guard overlap >= minOverlap else { continue }
                        let dOff = off.distance(to: loiterPosition)
                        let dOn = on.distance(to: loiterPosition)
                        guard dOff <= radius, dOn <= radius else { continue }
                        out.append(Event(kind: .darkSTS, mmsi: [dark, partner], start: start, end: end, position: loiterPosition,
                                         parameters: eventParameters,
                                         evidence: [
                                            "dark_mmsi": .integer(Int(dark.rawValue)), "loitering_mmsi": .integer(Int(partner.rawValue)),
                                            "gap_h": .number(gap.start.seconds(to: gapEnd) / 3600),
                                            "loitering_h": .number(loiterStart.seconds(to: loiterEnd) / 3600), "overlap_h": .number(overlap / 3600),
                                            "off_distance_km": .number(roundedTo(dOff / 1000, 3)), "on_distance_km": .number(roundedTo(dOn / 1000, 3)),
                                            "off_time": .time(gap.start), "on_time": .time(gapEnd),
                                         ]))
                    }
                }
            }
        }
        // By start, then the (two, ascending) MMSIs; ties in the order found. Sorted as integer keys
        // and permuted once: comparing the events copied them and their MMSIs at each comparison.
        let keys = out.indices.map { i in (out[i].start.millisecondsSince1970, out[i].mmsi[0].rawValue, out[i].mmsi[1].rawValue, i) }
        return keys.sorted { $0 < $1 }.map { out[$0.3] }
    }
}

/// The closed loitering events of one grid cell of ``DarkSTSDetector``, searchable by start time.
private struct LoiteringCell {
    private var entries: [(start: Int64, index: Int)] = []
    /// The longest loitering in the cell, in milliseconds.
    private(set) var longestMs: Int64 = 0

    mutating func add(index: Int, start: Int64, end: Int64) {
        entries.append((start, index))
        longestMs = max(longestMs, end - start)
    }

    mutating func sort() { entries.sort { ($0.start, $0.index) < ($1.start, $1.index) } }

    /// The event indices whose start is in `from...through`, in ascending index order.
    func indices(startingFrom from: Int64, through: Int64, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        guard from <= through else { return }
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].start < from { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < entries.count, entries[i].start <= through {
            out.append(entries[i].index)
            i += 1
        }
        out.sort()
    }
}

/// Parameters of ``DarkSTSDetector``; every event stores them.
public struct DarkSTSParameters: Hashable, Sendable {
    /// Minimum overlap of the gap and the loitering, in hours (default 1 h).
    public var minimumOverlapHours: Double
    /// Maximum distance of each end of the gap from the loitering's mean position, in km (default 20 km).
    public var maximumDistanceKilometres: Double

    /// - Parameters: see the properties.
    public init(minimumOverlapHours: Double = 1, maximumDistanceKilometres: Double = 20) {
        self.minimumOverlapHours = minimumOverlapHours
        self.maximumDistanceKilometres = max(0.001, maximumDistanceKilometres)
    }

    /// The parameters as stored with each event: `min_overlap_h`, `max_distance_km`.
    public var eventFields: EventFields { ["min_overlap_h": .number(minimumOverlapHours), "max_distance_km": .number(maximumDistanceKilometres)] }
}

extension PortList {
    /// Metres per degree of latitude on the mean sphere.
    static var metresPerDegreeTA: Double { GeoPoint.earthRadiusMetres * Double.pi / 180 }
}
