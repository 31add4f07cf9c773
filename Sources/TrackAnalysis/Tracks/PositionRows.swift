/// Positions of any vessels in the order they were added, each with the slot of its vessel, in
/// the units of ``Track``: how a ``TrackBuilder`` collects positions.
///
/// One array of rows for all vessels, rather than arrays per vessel, so adding a position is one
/// append (one uniqueness and capacity check, where a column each took eight) and never an
/// allocation per vessel; the positions are turned into each vessel's columns only when they
/// are taken out (``grouped(slotCount:)``), by a stable counting sort, so each vessel's
/// positions keep the order they were added in.
struct PositionRows: Sendable {
    /// One position and the slot of its vessel (39 bytes, a stride of 40).
    struct Row: Sendable {
        var time: Int64
        var latitude: Double
        var longitude: Double
        var slot: Int32
        var sog: Float
        var cog: Float
        var heading: Int16
        var status: Int8
    }

    /// The positions, in the order added.
    private(set) var rows: [Row] = []

    /// The number of positions.
    var count: Int { rows.count }

    /// Adds one position of the vessel in `slot`.
    @inline(__always)
    mutating func append(slot: Int32, time: Int64, latitude: Double, longitude: Double, sog: Float, cog: Float, heading: Int16, status: Int8) {
        rows.append(Row(time: time, latitude: latitude, longitude: longitude, slot: slot, sog: sog, cog: cog, heading: heading, status: status))
    }

    /// Adds every position of `other`, in its order, its slots translated by `slotMap`
    /// (`other`'s slot → this one's).
    mutating func append(_ other: PositionRows, slotMap: [Int32]) {
        rows.reserveCapacity(count + other.count)
        for var r in other.rows {
            r.slot = slotMap[Int(r.slot)]
            rows.append(r)
        }
    }

    /// Makes room for `count` positions in all (no growth, and no copy, until then).
    mutating func reserveCapacity(_ count: Int) { rows.reserveCapacity(count) }

    /// Forgets every position, keeping the storage when `keep`.
    mutating func removeAll(keepingCapacity keep: Bool) { rows.removeAll(keepingCapacity: keep) }

    /// The positions whose slot `keep` maps to a slot (nil: left out), in their order, with the
    /// new slots.
    func filtered(_ keep: [Int32?]) -> PositionRows {
        var part = PositionRows()
        rows.withUnsafeBufferPointer { rows in
            keep.withUnsafeBufferPointer { keep in
                var kept = 0
                for r in rows where keep[Int(r.slot)] != nil { kept += 1 }
                part.rows = [Row](unsafeUninitializedCapacity: kept) { out, initialized in
                    var w = 0
                    for var r in rows {
                        guard let s = keep[Int(r.slot)] else { continue }
                        r.slot = s
                        out.initializeElement(at: w, to: r)
                        w += 1
                    }
                    initialized = w
                }
            }
        }
        return part
    }

    /// A stable counting sort by slot: `order[start[s]..<start[s + 1]]` are the indices of slot
    /// s's positions, in the order they were added.
    private func sortedBySlot(slotCount: Int) -> (start: [Int], order: [Int32]) {
        var start = [Int](repeating: 0, count: slotCount + 1)
        for r in rows { start[Int(r.slot) + 1] += 1 }
        for s in 0..<slotCount { start[s + 1] += start[s] }
        var next = start
        var order = [Int32](repeating: 0, count: count)
        for i in rows.indices {
            let s = Int(rows[i].slot)
            order[next[s]] = Int32(i)
            next[s] += 1
        }
        return (start, order)
    }

    /// Calls `body` with each slot that has positions, their number and the positions as raw
    /// columns (the form of ``PositionColumns/append(count:rawColumns:)``), slots in increasing
    /// order, each slot's positions in the order they were added: how they are written to a file
    /// without building arrays for each vessel.
    /// - Throws: what `body` throws.
    func forEachRawGroup(slotCount: Int, _ body: (Int, Int, UnsafeRawBufferPointer) throws -> Void) rethrows {
        let (start, order) = sortedBySlot(slotCount: slotCount)
        var largest = 0
        for s in 0..<slotCount { largest = max(largest, start[s + 1] - start[s]) }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, largest * PositionColumns.bytesPerPosition), alignment: 8)
        defer { scratch.deallocate() }
        try rows.withUnsafeBufferPointer { rows in
            for s in 0..<slotCount {
                let range = start[s]..<start[s + 1]
                guard !range.isEmpty else { continue }
                // Each row read once, its seven values stored at their places in the seven columns.
                let n = range.count
                let raw = scratch.baseAddress!
                let at = PositionColumns.rawOffsets(count: n)
                let times = raw + at.times, latitudes = raw + at.latitudes, longitudes = raw + at.longitudes, speeds = raw + at.speeds
                let courses = raw + at.courses, headings = raw + at.headings, statuses = raw + at.statuses
                var j = 0
                for k in range {
                    let r = rows[Int(order[k])]
                    times.storeBytes(of: r.time, toByteOffset: 8 * j, as: Int64.self)
                    latitudes.storeBytes(of: r.latitude, toByteOffset: 8 * j, as: Double.self)
                    longitudes.storeBytes(of: r.longitude, toByteOffset: 8 * j, as: Double.self)
                    speeds.storeBytes(of: r.sog, toByteOffset: 4 * j, as: Float.self)
                    courses.storeBytes(of: r.cog, toByteOffset: 4 * j, as: Float.self)
                    headings.storeBytes(of: r.heading, toByteOffset: 2 * j, as: Int16.self)
                    statuses.storeBytes(of: r.status, toByteOffset: j, as: Int8.self)
                    j += 1
                }
                try body(s, n, UnsafeRawBufferPointer(rebasing: scratch[0..<(PositionColumns.bytesPerPosition * n)]))
            }
        }
    }

    /// Each slot's positions, in the order they were added; nil for a slot without positions.
    /// - Parameter slotCount: the number of slots (every slot in the rows is below it).
    func grouped(slotCount: Int) -> [PositionColumns?] {
        let (start, order) = sortedBySlot(slotCount: slotCount)
        return rows.withUnsafeBufferPointer { rows in
            func gather<T>(_ range: Range<Int>, _ value: (Row) -> T) -> [T] {
                [T](unsafeUninitializedCapacity: range.count) { buffer, initialized in
                    var w = 0
                    for k in range {
                        buffer.initializeElement(at: w, to: value(rows[Int(order[k])]))
                        w += 1
                    }
                    initialized = range.count
                }
            }
            return (0..<slotCount).map { s in
                let range = start[s]..<start[s + 1]
                guard !range.isEmpty else { return nil }
                return PositionColumns(times: gather(range, \.time), latitudes: gather(range, \.latitude), longitudes: gather(range, \.longitude),
                                       speeds: gather(range, \.sog), courses: gather(range, \.cog), headings: gather(range, \.heading),
                                       statuses: gather(range, \.status))
            }
        }
    }

    /// The latest time, nil when there is no position.
    var latestTime: Int64? { rows.lazy.map(\.time).max() }
}
