/// Positions of any vessels in the order they were added, as columns in the units of ``Track``,
/// each with the slot of its vessel: how a ``TrackBuilder`` collects positions.
///
/// One set of arrays for all vessels, rather than one per vessel, so adding a position costs a
/// few appends and never an allocation per vessel; the positions are grouped by vessel only when
/// they are taken out (``grouped(slotCount:)``), by a stable counting sort, so each vessel's
/// positions keep the order they were added in.
struct PositionRows: Sendable {
    /// The vessel of each position, as a slot of the builder.
    private(set) var slots: [Int32] = []
    /// Milliseconds since 1970 (UTC).
    private(set) var times: [Int64] = []
    /// Degrees, -90...90.
    private(set) var latitudes: [Double] = []
    /// Degrees, -180...180.
    private(set) var longitudes: [Double] = []
    /// SOG in knots; NaN when not available.
    private(set) var speeds: [Float] = []
    /// COG in degrees; NaN when not available.
    private(set) var courses: [Float] = []
    /// True heading in degrees; -1 when not available.
    private(set) var headings: [Int16] = []
    /// Navigational status code; -1 when not available.
    private(set) var statuses: [Int8] = []

    /// The number of positions.
    var count: Int { slots.count }

    /// Adds one position of the vessel in `slot`.
    @inline(__always)
    mutating func append(slot: Int32, time: Int64, latitude: Double, longitude: Double, sog: Float, cog: Float, heading: Int16, status: Int8) {
        slots.append(slot)
        times.append(time)
        latitudes.append(latitude)
        longitudes.append(longitude)
        speeds.append(sog)
        courses.append(cog)
        headings.append(heading)
        statuses.append(status)
    }

    /// Adds every position of `other`, in its order, its slots translated by `slotMap`
    /// (`other`'s slot → this one's).
    mutating func append(_ other: PositionRows, slotMap: [Int32]) {
        slots.reserveCapacity(count + other.count)
        for s in other.slots { slots.append(slotMap[Int(s)]) }
        times += other.times
        latitudes += other.latitudes
        longitudes += other.longitudes
        speeds += other.speeds
        courses += other.courses
        headings += other.headings
        statuses += other.statuses
    }

    /// The positions whose slot `keep` maps to a slot (nil: left out), in their order, with the
    /// new slots.
    func filtered(_ keep: [Int32?]) -> PositionRows {
        var part = PositionRows()
        for i in 0..<count {
            guard let s = keep[Int(slots[i])] else { continue }
            part.append(slot: s, time: times[i], latitude: latitudes[i], longitude: longitudes[i], sog: speeds[i], cog: courses[i],
                        heading: headings[i], status: statuses[i])
        }
        return part
    }

    /// A stable counting sort by slot: `order[start[s]..<start[s + 1]]` are the indices of slot
    /// s's positions, in the order they were added.
    private func sortedBySlot(slotCount: Int) -> (start: [Int], order: [Int32]) {
        var start = [Int](repeating: 0, count: slotCount + 1)
        for s in slots { start[Int(s) + 1] += 1 }
        for s in 0..<slotCount { start[s + 1] += start[s] }
        var next = start
        var order = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let s = Int(slots[i])
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
        for s in 0..<slotCount {
            let range = start[s]..<start[s + 1]
            guard !range.isEmpty else { continue }
            var offset = 0
            func gather<T>(_ column: [T]) {
                column.withUnsafeBufferPointer { values in
                    for k in range {
                        scratch.storeBytes(of: values[Int(order[k])], toByteOffset: offset, as: T.self)
                        offset += MemoryLayout<T>.stride
                    }
                }
            }
            gather(times)
            gather(latitudes)
            gather(longitudes)
            gather(speeds)
            gather(courses)
            gather(headings)
            gather(statuses)
            try body(s, range.count, UnsafeRawBufferPointer(rebasing: scratch[0..<offset]))
        }
    }

    /// Each slot's positions, in the order they were added; nil for a slot without positions.
    /// - Parameter slotCount: the number of slots (every slot in ``slots`` is below it).
    func grouped(slotCount: Int) -> [PositionColumns?] {
        let (start, order) = sortedBySlot(slotCount: slotCount)
        func gather<T>(_ column: [T], _ range: Range<Int>) -> [T] {
            [T](unsafeUninitializedCapacity: range.count) { buffer, initialized in
                var w = 0
                for k in range {
                    buffer.initializeElement(at: w, to: column[Int(order[k])])
                    w += 1
                }
                initialized = range.count
            }
        }
        return (0..<slotCount).map { s in
            let range = start[s]..<start[s + 1]
            guard !range.isEmpty else { return nil }
            return PositionColumns(times: gather(times, range), latitudes: gather(latitudes, range), longitudes: gather(longitudes, range),
                                   speeds: gather(speeds, range), courses: gather(courses, range), headings: gather(headings, range),
                                   statuses: gather(statuses, range))
        }
    }

    /// The latest time, nil when there is no position.
    var latestTime: Int64? { times.max() }
}
