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
/// Memory: positions are appended, in the order added, to one set of columns for all vessels
/// (``PositionRows``: 40 bytes each, no allocation per position or per vessel; grouped by vessel
/// when built or taken out); vessels are found by an ``MMSISlotTable``; static reports that repeat the vessel's previous report unchanged (as every row of
/// a CSV export does) are not stored.
///
/// Limitation: the outlier test trusts the first position of a track; if that one is wrong, the
/// following true positions are flagged until the vessel comes back near it.
public struct TrackBuilder: Sendable {
    /// The cleaning rules applied by ``build()``.
    public var parameters: TrackParameters

    /// Slot of each vessel (its index in ``vessels``).
    private var slots = MMSISlotTable()
    private var vessels: [Vessel] = []
    /// Per slot, the time of the vessel's last static report kept (``Vessel/statics``' last), in
    /// milliseconds since 1970; `Int64.min` when none. A dense copy of what every CSV row that
    /// repeats a vessel's identity asks (``countRepeatedStaticReport(mmsi:time:)``), so that the
    /// question costs one read of this array, not a read of the vessel and then of its reports.
    private var lastStaticTimes: [Int64] = []
    /// Every position held, of all vessels, in the order added.
    private var rows = PositionRows()
    private var lastKey: UInt32 = .max
    private var lastSlot = -1
    /// Positions added so far (before duplicate removal).
    public private(set) var positionCount = 0
    /// Static reports added so far (before dropping unchanged repeats).
    public private(set) var staticReportCount = 0
    /// Positions held in ``Vessel/columns`` (given by ``append(mmsi:positions:)``).
    private var columnPositionCount = 0
    /// Positions held now: added or appended and not yet taken by ``takePositions(_:)``.
    public var heldPositionCount: Int { rows.count + columnPositionCount }
    /// The latest position time added, in milliseconds since 1970 (UTC); nil before the first.
    /// Positions taken out by ``takePositions(_:)`` still count.
    public private(set) var latestTime: Int64?

    /// - Parameter parameters: cleaning rules; the defaults flag above 50 kn.
    public init(parameters: TrackParameters = TrackParameters()) { self.parameters = parameters }

    /// What the builder keeps per vessel besides its positions.
    private struct Vessel: Sendable {
        var mmsi: MMSI
        /// The static reports kept (changes only), in the order added.
        var statics: [StaticReport] = []
        /// Positions given as columns (``append(mmsi:positions:)``), kept as given; nil when none.
        var columns: PositionColumns?

        /// Adds `more` to ``columns``.
        mutating func keep(_ more: PositionColumns) {
            if columns == nil { columns = more } else { columns!.append(more) }
        }

        /// ``columns`` followed by `grouped` (the vessel's positions added one by one), taken out.
        mutating func takeColumns(_ grouped: consuming PositionColumns?) -> PositionColumns? {
            var all = columns
            columns = nil
            if let grouped { if all == nil { all = grouped } else { all!.append(grouped) } }
            return all
        }
    }

    /// One vessel's positions and reports while its track is made.
    private struct Accumulator {
        var mmsi: MMSI
        var times: [Int64] = []
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        var speeds: [Float] = []
        var courses: [Float] = []
        var headings: [Int16] = []
        var statuses: [Int8] = []
        var statics: [StaticReport] = []
    }

    @inline(__always)
    private mutating func slot(for mmsi: MMSI) -> Int {
        if mmsi.rawValue == lastKey { return lastSlot }
        let (s, inserted) = slots.slot(inserting: mmsi.rawValue)
        if inserted {
            vessels.append(Vessel(mmsi: mmsi))
            lastStaticTimes.append(.min)
        }
        lastKey = mmsi.rawValue
        lastSlot = s
        return s
    }

    /// Adds a position report.
    public mutating func add(_ report: PositionReport) {
        addPosition(mmsi: report.mmsi, time: report.time.millisecondsSince1970, latitude: report.position.latitude,
                    longitude: report.position.longitude, sog: report.sog.map { Float($0) } ?? .nan, cog: report.cog.map { Float($0) } ?? .nan,
                    heading: report.heading.map { Int16(clamping: $0) } ?? -1,
                    status: report.navigationalStatus.map { Int8(clamping: $0) } ?? -1)
    }

    /// Adds a position given in the builder's units: the same as ``add(_:)-(PositionReport)``
    /// with a report of these values, for bulk readers that build no report.
    /// - Parameters:
    ///   - time: milliseconds since 1970 (UTC).
    ///   - latitude: degrees, -90...90; `longitude`: degrees, -180...180.
    ///   - sog: knots, NaN when not available; `cog`: degrees, NaN when not available.
    ///   - heading: true heading in degrees, -1 when not available.
    ///   - status: navigational status code, -1 when not available.
    @inline(__always)
    public mutating func addPosition(mmsi: MMSI, time: Int64, latitude: Double, longitude: Double, sog: Float, cog: Float, heading: Int16,
                                     status: Int8) {
        let s = slot(for: mmsi)
        positionCount += 1
        if time > latestTime ?? .min { latestTime = time }
        rows.append(slot: Int32(s), time: time, latitude: latitude, longitude: longitude, sog: sog, cog: cog, heading: heading, status: status)
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
        lastStaticTimes[s] = report.time.millisecondsSince1970
    }

    private static func sameIdentity(_ a: StaticReport, _ b: StaticReport) -> Bool {
        a.imo == b.imo && a.shipType == b.shipType && a.draught == b.draught && a.length == b.length && a.beam == b.beam && a.name == b.name
            && a.callSign == b.callSign
    }

    /// Counts a static report of `mmsi` at `time` whose fields are those of the last static
    /// report the caller gave this builder for the vessel, when ``add(_:)-(StaticReport)`` would
    /// count it without storing it: when this builder stored a report of the vessel, that one has
    /// the same fields (it is the caller's last, or equal to it), so only the time needs comparing.
    /// - Returns: true when counted; false when the caller must add the report itself.
    @inline(__always)
    public mutating func countRepeatedStaticReport(mmsi: MMSI, time: Timestamp) -> Bool {
        let s = slot(for: mmsi)
        let last = lastStaticTimes[s]
        guard last != .min, time.millisecondsSince1970 >= last else { return false }
        staticReportCount += 1
        return true
    }

    /// Adds what a CSV row produced.
    public mutating func add(_ record: PositionCSVRecord) {
        if let p = record.position { add(p) }
        guard let s = record.staticReport else { return }
        if record.staticReportRepeatsPrevious, countRepeatedStaticReport(mmsi: s.mmsi, time: s.time) { return }
        add(s)
    }

    /// Appends everything `later` collected, as if its reports had been added here after this
    /// builder's own: how a reader that parses two parts of a file at once joins them. Per vessel,
    /// positions keep their order (this builder's first) and a static report of `later` that
    /// repeats this builder's last one unchanged is dropped, as ``add(_:)-(StaticReport)`` would.
    /// - Parameter later: a builder of the reports that follow this one's in the input.
    public mutating func append(contentsOf later: TrackBuilder) {
        // Into an empty builder (a file's first part): take the other's storage as it is.
        if vessels.isEmpty, rows.count == 0, positionCount == 0, staticReportCount == 0, latestTime == nil {
            let parameters = self.parameters
            self = later
            self.parameters = parameters
            return
        }
        positionCount += later.positionCount
        staticReportCount += later.staticReportCount
        if let t = later.latestTime, t > latestTime ?? .min { latestTime = t }
        var map = [Int32](repeating: 0, count: later.vessels.count)
        for (i, other) in later.vessels.enumerated() {
            let s = slot(for: other.mmsi)
            map[i] = Int32(s)
            if let c = other.columns {
                vessels[s].keep(c)
                columnPositionCount += c.count
            }
            var statics = other.statics[...]
            if let mine = vessels[s].statics.last, let theirs = statics.first, theirs.time >= mine.time, Self.sameIdentity(mine, theirs) {
                statics = statics.dropFirst()
            }
            vessels[s].statics.append(contentsOf: statics)
            lastStaticTimes[s] = vessels[s].statics.last?.time.millisecondsSince1970 ?? .min
        }
        rows.append(later.rows, slotMap: map)
    }

    /// Makes room for `positions` positions added one by one (``addPosition(mmsi:time:latitude:longitude:sog:cog:heading:status:)``),
    /// so that the columns do not grow, and copy themselves, while they are added.
    public mutating func reserveCapacity(positions: Int) {
        rows.reserveCapacity(positions)
    }

    /// The MMSIs of every vessel that sent a position or a static report, in order of first report.
    public var mmsis: [MMSI] { vessels.map(\.mmsi) }

    /// Hands the positions held for each vessel to `body` (vessels in order of first report; a
    /// vessel's positions given as columns first, then those added one by one, each in the order
    /// given — building sorts them, so the order does not change a track) and forgets them; static reports, counts and
    /// ``latestTime`` stay. With ``append(mmsi:positions:)`` this lets a caller keep positions
    /// elsewhere (e.g. in files) and bring one group of vessels back at a time: appending what was
    /// taken, in the order taken, builds the same tracks as if nothing had been taken.
    /// - Throws: what `body` throws; the positions are forgotten all the same.
    public mutating func takePositions(_ body: (MMSI, PositionColumns) throws -> Void) rethrows {
        let grouped = rows.grouped(slotCount: vessels.count)
        rows = PositionRows()
        columnPositionCount = 0
        for (s, g) in grouped.enumerated() {
            guard let columns = vessels[s].takeColumns(g) else { continue }
            try body(vessels[s].mmsi, columns)
        }
    }

    /// ``takePositions(_:)`` with the positions as raw columns (the form of
    /// ``PositionColumns/append(count:rawColumns:)``) instead of arrays: `body` gets the vessel,
    /// its number of positions and their bytes, valid during the call only (a vessel may come
    /// twice: its positions given as columns, then those added one by one). For writing them to a
    /// file without building arrays for each vessel. The storage of the positions added one by
    /// one is kept for the next ones: a builder drained every so many rows, as analyze's readers
    /// drain theirs, then does not touch fresh memory (page faults) each time it fills again.
    /// - Throws: what `body` throws; the positions are forgotten all the same.
    public mutating func takePositions(raw body: (MMSI, Int, UnsafeRawBufferPointer) throws -> Void) rethrows {
        defer {
            rows.removeAll(keepingCapacity: true)
            columnPositionCount = 0
        }
        for s in vessels.indices {
            guard let columns = vessels[s].columns else { continue }
            vessels[s].columns = nil
            try columns.withRawColumns { try body(vessels[s].mmsi, columns.count, $0) }
        }
        try rows.forEachRawGroup(slotCount: vessels.count) { s, count, raw in try body(vessels[s].mmsi, count, raw) }
    }

    /// Adds positions of `mmsi` (see ``takePositions(_:)``), kept as the columns given (moved,
    /// not copied, when the vessel has no other columns). They count in ``positionCount`` as if
    /// added one by one.
    public mutating func append(mmsi: MMSI, positions: PositionColumns) {
        guard positions.count > 0 else { return }
        let s = slot(for: mmsi)
        positionCount += positions.count
        columnPositionCount += positions.count
        if let t = positions.times.max(), t > latestTime ?? .min { latestTime = t }
        vessels[s].keep(positions)
    }

    /// Splits the builder into `count` builders with the same parameters: vessel `m` (its static
    /// reports and any positions held) goes to builder `group(m)`, vessels keeping their order.
    /// The counts (``positionCount``, ``staticReportCount``) stay with builder 0. Into one
    /// builder, this one is returned as it is (nothing copied).
    /// - Parameter group: a number in `0..<count` for each MMSI.
    public consuming func split(into count: Int, by group: (MMSI) -> Int) -> [TrackBuilder] {
        guard count > 1 else { return [self] }
        var parts = [TrackBuilder](repeating: TrackBuilder(parameters: parameters), count: count)
        parts[0].positionCount = positionCount
        parts[0].staticReportCount = staticReportCount
        var groupOf = [Int](repeating: 0, count: vessels.count)
        var newSlot = [Int32](repeating: 0, count: vessels.count)
        for s in vessels.indices {
            let v = vessels[s]
            vessels[s] = Vessel(mmsi: v.mmsi)  // keep one reference to the reports
            let g = group(v.mmsi)
            groupOf[s] = g
            newSlot[s] = Int32(parts[g].slot(for: v.mmsi))
            parts[g].vessels[Int(newSlot[s])].statics = v.statics
            parts[g].lastStaticTimes[Int(newSlot[s])] = v.statics.last?.time.millisecondsSince1970 ?? .min
            if let c = v.columns {
                parts[g].vessels[Int(newSlot[s])].columns = c
                parts[g].columnPositionCount += c.count
                if let t = c.times.max(), t > parts[g].latestTime ?? .min { parts[g].latestTime = t }
            }
        }
        if rows.count > 0 {
            // Each group's rows are taken on its own core (a pass over every row each).
            let rows = self.rows, vesselCount = vessels.count
            let filtered = Parallel.map(count) { g in rows.filtered((0..<vesselCount).map { s in groupOf[s] == g ? newSlot[s] : nil }) }
            for g in 0..<count {
                parts[g].rows = filtered[g]
                if let t = parts[g].rows.latestTime, t > parts[g].latestTime ?? .min { parts[g].latestTime = t }
            }
        }
        return parts
    }

    /// The tracks, one per MMSI that sent anything (a vessel with only static reports has an
    /// empty track), sorted by MMSI.
    public consuming func build() -> [Track] {
        var grouped = rows.grouped(slotCount: vessels.count)
        rows = PositionRows()
        var tracks: [Track] = []
        tracks.reserveCapacity(vessels.count)
        // Sorted as (MMSI, index) integer keys: comparing through the vessel array retained it at
        // every comparison.
        let order = vessels.indices.map { UInt64(vessels[$0].mmsi.rawValue) << 32 | UInt64($0) }.sorted().map { Int($0 & 0xFFFF_FFFF) }
        for i in order {
            var acc = Accumulator(mmsi: vessels[i].mmsi)
            swap(&acc.statics, &vessels[i].statics)
            var g: PositionColumns?
            swap(&g, &grouped[i])  // so that the columns are uniquely owned
            // `consume`: g must not keep the columns alive while the track is made, which would
            // copy every column at its first write.
            if let columns = vessels[i].takeColumns(consume g) {
                acc.times = columns.times
                acc.latitudes = columns.latitudes
                acc.longitudes = columns.longitudes
                acc.speeds = columns.speeds
                acc.courses = columns.courses
                acc.headings = columns.headings
                acc.statuses = columns.statuses
            }
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
        // In time order, positions of the same time also in their order?
        var isSorted = true
        for i in 1..<max(n, 1) where a.times[i] < a.times[i - 1] || (a.times[i] == a.times[i - 1] && precedesAtSameTime(a, i, i - 1)) {
            isSorted = false
            break
        }
        if !isSorted {
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
            if w != r {  // (until the first duplicate, every position is already in place)
                a.times[w] = a.times[r]
                a.latitudes[w] = a.latitudes[r]
                a.longitudes[w] = a.longitudes[r]
                a.speeds[w] = a.speeds[r]
                a.courses[w] = a.courses[r]
                a.headings[w] = a.headings[r]
                a.statuses[w] = a.statuses[r]
            }
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
