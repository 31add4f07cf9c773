import CapwatchCore

/// Collects position and static reports in any order and builds one ``Track`` per MMSI.
///
/// Building (``build()``) sorts each vessel's positions by time (positions of the same time by
/// position, then SOG, COG, heading and status: the tracks do not depend on the order of the input
/// rows), drops exact duplicates (same time and position: the same report heard by several
/// receivers, counted once; the first in that order is kept), flags as
/// outliers the positions that imply more than ``TrackParameters/maximumImpliedSpeedKnots`` from
/// the previous kept position, and folds static reports into an ``IdentityHistory``.
///
/// Memory: positions are appended to per-vessel columns (about 36 bytes each, no allocation per
/// position); static reports that repeat the vessel's previous report unchanged (as every row of
/// a CSV export does) are not stored.
///
/// Limitation: the outlier test trusts the first position of a track; if that one is wrong, the
/// following true positions are flagged until the vessel comes back near it.
public struct TrackBuilder: Sendable {
    /// The cleaning rules applied by ``build()``.
    public var parameters: TrackParameters

    private var slots: [UInt32: Int] = [:]
    private var vessels: [Accumulator] = []
    private var lastKey: UInt32 = .max
    private var lastSlot = -1
    /// Positions added so far (before duplicate removal).
    public private(set) var positionCount = 0
    /// Static reports added so far (before dropping unchanged repeats).
    public private(set) var staticReportCount = 0
    /// Positions held now: added or appended and not yet taken by ``takePositions(_:)``.
    public private(set) var heldPositionCount = 0
    /// The latest position time added, in milliseconds since 1970 (UTC); nil before the first.
    /// Positions taken out by ``takePositions(_:)`` still count.
    public private(set) var latestTime: Int64?

    /// - Parameter parameters: cleaning rules; the defaults flag above 50 kn.
    public init(parameters: TrackParameters = TrackParameters()) { self.parameters = parameters }

    private struct Accumulator: Sendable {
        var mmsi: MMSI
        var times: [Int64] = []
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        var speeds: [Float] = []
        var courses: [Float] = []
        var headings: [Int16] = []
        var statuses: [Int8] = []
        var isSorted = true
        var statics: [StaticReport] = []
    }

    private mutating func slot(for mmsi: MMSI) -> Int {
        if mmsi.rawValue == lastKey { return lastSlot }
        let s: Int
        if let existing = slots[mmsi.rawValue] {
            s = existing
        } else {
            s = vessels.count
            vessels.append(Accumulator(mmsi: mmsi))
            slots[mmsi.rawValue] = s
        }
        lastKey = mmsi.rawValue
        lastSlot = s
        return s
    }

    /// Adds a position report.
    public mutating func add(_ report: PositionReport) {
        let s = slot(for: report.mmsi)
        let t = report.time.millisecondsSince1970
        positionCount += 1
        heldPositionCount += 1
        if t > latestTime ?? .min { latestTime = t }
        if let last = vessels[s].times.last, t < last { vessels[s].isSorted = false }
        vessels[s].times.append(t)
        vessels[s].latitudes.append(report.position.latitude)
        vessels[s].longitudes.append(report.position.longitude)
        vessels[s].speeds.append(report.sog.map { Float($0) } ?? .nan)
        vessels[s].courses.append(report.cog.map { Float($0) } ?? .nan)
        vessels[s].headings.append(report.heading.map { Int16(clamping: $0) } ?? -1)
        vessels[s].statuses.append(report.navigationalStatus.map { Int8(clamping: $0) } ?? -1)
    }

    /// Adds a static report. One that repeats the vessel's previous report (same fields, not
    /// earlier) is counted but not stored: the identity history only needs changes.
    public mutating func add(_ report: StaticReport) {
        let s = slot(for: report.mmsi)
        staticReportCount += 1
        if let i = vessels[s].statics.indices.last, report.time >= vessels[s].statics[i].time,
            Self.sameIdentity(vessels[s].statics[i], report)
        {
            return
        }
        vessels[s].statics.append(report)
    }

    private static func sameIdentity(_ a: StaticReport, _ b: StaticReport) -> Bool {
        a.imo == b.imo && a.shipType == b.shipType && a.draught == b.draught && a.length == b.length && a.beam == b.beam && a.name == b.name
            && a.callSign == b.callSign
    }

    /// Adds what a CSV row produced.
    public mutating func add(_ record: PositionCSVRecord) {
        if let p = record.position { add(p) }
        guard let s = record.staticReport else { return }
        // A repeat of the report the parser last gave for this vessel: when this builder stored a
        // report of the vessel, that one has the same fields (it is the parser's last, or equal to
        // it), so only the time needs comparing. Same outcome as add(_:), without the field comparison.
        if record.staticReportRepeatsPrevious {
            let slot = slot(for: s.mmsi)
            if let last = vessels[slot].statics.last, s.time >= last.time {
                staticReportCount += 1
                return
            }
        }
        add(s)
    }

    /// Appends everything `later` collected, as if its reports had been added here after this
    /// builder's own: how a reader that parses two parts of a file at once joins them. Per vessel,
    /// positions keep their order (this builder's first) and a static report of `later` that
    /// repeats this builder's last one unchanged is dropped, as ``add(_:)-(StaticReport)`` would.
    /// - Parameter later: a builder of the reports that follow this one's in the input.
    public mutating func append(contentsOf later: TrackBuilder) {
        positionCount += later.positionCount
        staticReportCount += later.staticReportCount
        heldPositionCount += later.heldPositionCount
        if let t = later.latestTime, t > latestTime ?? .min { latestTime = t }
        for other in later.vessels {
            let s = slot(for: other.mmsi)
            if let last = vessels[s].times.last, let first = other.times.first, first < last { vessels[s].isSorted = false }
            if !other.isSorted { vessels[s].isSorted = false }
            vessels[s].times.append(contentsOf: other.times)
            vessels[s].latitudes.append(contentsOf: other.latitudes)
            vessels[s].longitudes.append(contentsOf: other.longitudes)
            vessels[s].speeds.append(contentsOf: other.speeds)
            vessels[s].courses.append(contentsOf: other.courses)
            vessels[s].headings.append(contentsOf: other.headings)
            vessels[s].statuses.append(contentsOf: other.statuses)
            var statics = other.statics[...]
            if let mine = vessels[s].statics.last, let theirs = statics.first, theirs.time >= mine.time, Self.sameIdentity(mine, theirs) {
                statics = statics.dropFirst()
            }
            vessels[s].statics.append(contentsOf: statics)
        }
    }

    /// The MMSIs of every vessel that sent a position or a static report, in order of first report.
    public var mmsis: [MMSI] { vessels.map(\.mmsi) }

    /// Hands the positions held for each vessel to `body` (vessels in order of first report, each
    /// vessel's positions in the order added) and forgets them; static reports, counts and
    /// ``latestTime`` stay. With ``append(mmsi:positions:)`` this lets a caller keep positions
    /// elsewhere (e.g. in files) and bring one group of vessels back at a time: appending what was
    /// taken, in the order taken, builds the same tracks as if nothing had been taken.
    /// - Throws: what `body` throws; the vessels handed over before it threw are emptied.
    public mutating func takePositions(_ body: (MMSI, PositionColumns) throws -> Void) rethrows {
        for s in vessels.indices where !vessels[s].times.isEmpty {
            let columns = PositionColumns(times: vessels[s].times, latitudes: vessels[s].latitudes, longitudes: vessels[s].longitudes,
                                          speeds: vessels[s].speeds, courses: vessels[s].courses, headings: vessels[s].headings,
                                          statuses: vessels[s].statuses)
            heldPositionCount -= columns.count
            vessels[s].times = []
            vessels[s].latitudes = []
            vessels[s].longitudes = []
            vessels[s].speeds = []
            vessels[s].courses = []
            vessels[s].headings = []
            vessels[s].statuses = []
            vessels[s].isSorted = true
            try body(vessels[s].mmsi, columns)
        }
    }

    /// Appends positions of `mmsi` after those it already has (see ``takePositions(_:)``). They
    /// count in ``positionCount`` as if added one by one.
    public mutating func append(mmsi: MMSI, positions: PositionColumns) {
        guard positions.count > 0 else { return }
        let s = slot(for: mmsi)
        positionCount += positions.count
        heldPositionCount += positions.count
        if let t = positions.times.max(), t > latestTime ?? .min { latestTime = t }
        if let last = vessels[s].times.last, positions.times[0] < last { vessels[s].isSorted = false }
        if vessels[s].isSorted {
            for i in 1..<positions.count where positions.times[i] < positions.times[i - 1] {
                vessels[s].isSorted = false
                break
            }
        }
        vessels[s].times += positions.times
        vessels[s].latitudes += positions.latitudes
        vessels[s].longitudes += positions.longitudes
        vessels[s].speeds += positions.speeds
        vessels[s].courses += positions.courses
        vessels[s].headings += positions.headings
        vessels[s].statuses += positions.statuses
    }

    /// Splits the builder into `count` builders with the same parameters: vessel `m` (its static
    /// reports and any positions held) goes to builder `group(m)`, vessels keeping their order.
    /// The counts (``positionCount``, ``staticReportCount``) stay with builder 0.
    /// - Parameter group: a number in `0..<count` for each MMSI.
    public consuming func split(into count: Int, by group: (MMSI) -> Int) -> [TrackBuilder] {
        var parts = [TrackBuilder](repeating: TrackBuilder(parameters: parameters), count: count)
        parts[0].positionCount = positionCount
        parts[0].staticReportCount = staticReportCount
        for s in vessels.indices {
            let acc = vessels[s]
            vessels[s] = Accumulator(mmsi: acc.mmsi)  // keep one reference to the columns
            let g = group(acc.mmsi)
            parts[g].slots[acc.mmsi.rawValue] = parts[g].vessels.count
            parts[g].heldPositionCount += acc.times.count
            if let t = acc.times.max(), t > parts[g].latestTime ?? .min { parts[g].latestTime = t }
            parts[g].vessels.append(acc)
        }
        return parts
    }

    /// The tracks, one per MMSI that sent anything (a vessel with only static reports has an
    /// empty track), sorted by MMSI.
    public consuming func build() -> [Track] {
        var tracks: [Track] = []
        tracks.reserveCapacity(vessels.count)
        let order = vessels.indices.sorted { vessels[$0].mmsi < vessels[$1].mmsi }
        for i in order {
            var acc = vessels[i]
            vessels[i] = Accumulator(mmsi: acc.mmsi)  // release the builder's copy so columns are uniquely owned
            tracks.append(Self.makeTrack(&acc, parameters))
        }
        return tracks
    }

    /// An upper bound of ``GeoPoint/distance(to:)`` in metres, without trigonometry. In the
    /// haversine formula `a = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2) ≤ (Δφ/2)² + (Δλ/2)² = b` (as
    /// |sin x| ≤ |x| and cos ≤ 1), and `asin(y) ≤ 1.0472·y` for `y ≤ 0.5` (asin(0.5) = π/6 =
    /// 0.5236, and asin(y)/y grows with y), so `d = 2R·asin(√a) ≤ 2R·1.0472·√b`. The bound is
    /// widened by 10⁻⁹ against rounding; beyond `√b > 0.5` it is infinite.
    @inline(__always)
    static func distanceUpperBound(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let halfRadian = Double.pi / 360
        let dPhi = (lat2 - lat1) * halfRadian
        let dLambda = (lon2 - lon1) * halfRadian
        let root = (dPhi * dPhi + dLambda * dLambda).squareRoot()
        guard root <= 0.5 else { return .infinity }
        return 2 * GeoPoint.earthRadiusMetres * 1.0472 * root * (1 + 1e-9)
    }

    /// The order of positions with the same time: by latitude, longitude, SOG, COG, true heading
    /// and navigational status (not available first), so that a track does not depend on the
    /// order of the input's rows. True when position `i` comes before position `j`.
    private static func precedesAtSameTime(_ a: Accumulator, _ i: Int, _ j: Int) -> Bool {
        func known(_ v: Float) -> Float { v.isNaN ? -1 : v }
        if a.latitudes[i] != a.latitudes[j] { return a.latitudes[i] < a.latitudes[j] }
        if a.longitudes[i] != a.longitudes[j] { return a.longitudes[i] < a.longitudes[j] }
        return (known(a.speeds[i]), known(a.courses[i]), a.headings[i], a.statuses[i])
            < (known(a.speeds[j]), known(a.courses[j]), a.headings[j], a.statuses[j])
    }

    private static func makeTrack(_ a: inout Accumulator, _ p: TrackParameters) -> Track {
        let n = a.times.count
        if a.isSorted {
            // In time order, but positions of the same time must also be in their order.
            for i in 1..<max(n, 1) where a.times[i] == a.times[i - 1] && precedesAtSameTime(a, i, i - 1) {
                a.isSorted = false
                break
            }
        }
        if !a.isSorted {
            // Sort by time, equal times as precedesAtSameTime (so exact duplicates become
            // neighbours and any order of the input gives the same track).
            let acc = a
            let perm = (0..<n).sorted { i, j in
                if acc.times[i] != acc.times[j] { return acc.times[i] < acc.times[j] }
                if precedesAtSameTime(acc, i, j) { return true }
                if precedesAtSameTime(acc, j, i) { return false }
                return i < j
            }
            a.times = perm.map { a.times[$0] }
            a.latitudes = perm.map { a.latitudes[$0] }
            a.longitudes = perm.map { a.longitudes[$0] }
            a.speeds = perm.map { a.speeds[$0] }
            a.courses = perm.map { a.courses[$0] }
            a.headings = perm.map { a.headings[$0] }
            a.statuses = perm.map { a.statuses[$0] }
        }
        // Compact in place: drop exact duplicates, flag outliers against the last kept position.
        var outliers = [Bool](repeating: false, count: n)
        var w = 0
        var duplicates = 0
        var lastKept = -1  // index (after compaction) of the last non-outlier
        let maxMetresPerSecond = p.maximumImpliedSpeedKnots * metresPerNauticalMile / 3600
        for r in 0..<n {
            if w > 0 {
                // Equal-time neighbours: compare with every written position of the same time.
                var k = w - 1
                var duplicate = false
                while k >= 0, a.times[k] == a.times[r] {
                    if a.latitudes[k] == a.latitudes[r], a.longitudes[k] == a.longitudes[r] {
                        duplicate = true
                        break
                    }
                    k -= 1
                }
                if duplicate {
                    duplicates += 1
                    continue
                }
            }
            a.times[w] = a.times[r]
            a.latitudes[w] = a.latitudes[r]
            a.longitudes[w] = a.longitudes[r]
            a.speeds[w] = a.speeds[r]
            a.courses[w] = a.courses[r]
            a.headings[w] = a.headings[r]
            a.statuses[w] = a.statuses[r]
            if lastKept >= 0 {
                let dt = max(Double(a.times[w] - a.times[lastKept]) / 1000, p.timeResolutionSeconds)
                // Most steps are far below the limit: a cheap upper bound of the distance settles
                // them without trigonometry; only the others get the haversine distance.
                let bound = Self.distanceUpperBound(a.latitudes[lastKept], a.longitudes[lastKept], a.latitudes[w], a.longitudes[w])
                if bound / dt > maxMetresPerSecond {
                    let d = GeoPoint(latitude: a.latitudes[lastKept], longitude: a.longitudes[lastKept])
                        .distance(to: GeoPoint(latitude: a.latitudes[w], longitude: a.longitudes[w]))
                    if d / dt > maxMetresPerSecond { outliers[w] = true }
                }
            }
            if !outliers[w] { lastKept = w }
            w += 1
        }
        a.times.removeLast(n - w)
        a.latitudes.removeLast(n - w)
        a.longitudes.removeLast(n - w)
        a.speeds.removeLast(n - w)
        a.courses.removeLast(n - w)
        a.headings.removeLast(n - w)
        a.statuses.removeLast(n - w)
        outliers.removeLast(n - w)
        return Track(mmsi: a.mmsi, identity: IdentityHistory(reports: a.statics), times: a.times, latitudes: a.latitudes,
                     longitudes: a.longitudes, speeds: a.speeds, courses: a.courses, headings: a.headings, statuses: a.statuses,
                     outliers: outliers, duplicateCount: duplicates)
    }
}
