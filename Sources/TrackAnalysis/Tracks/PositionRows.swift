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
    /// The positions' values, in the order added.
    private(set) var columns = PositionColumns(capacity: 0)

    /// The number of positions.
    var count: Int { slots.count }

    /// Adds one position of the vessel in `slot`.
    @inline(__always)
    mutating func append(slot: Int32, time: Int64, latitude: Double, longitude: Double, sog: Float, cog: Float, heading: Int16, status: Int8) {
        slots.append(slot)
        columns.append(time: time, latitude: latitude, longitude: longitude, sog: sog, cog: cog, heading: heading, status: status)
    }

    /// Adds every position of `other`, in its order, its slots translated by `slotMap`
    /// (`other`'s slot → this one's).
    mutating func append(_ other: PositionRows, slotMap: [Int32]) {
        slots.reserveCapacity(count + other.count)
        for s in other.slots { slots.append(slotMap[Int(s)]) }
        columns.append(other.columns)
    }

    /// Makes room for `count` positions in all (no growth, and no copy, until then).
    mutating func reserveCapacity(_ count: Int) {
        slots.reserveCapacity(count)
        columns.reserveCapacity(count)
    }

    /// Forgets every position, keeping the storage (see ``PositionColumns/removeAll(keepingCapacity:)``).
    mutating func removeAll(keepingCapacity keep: Bool) {
        slots.removeAll(keepingCapacity: keep)
        columns.removeAll(keepingCapacity: keep)
    }

    /// The positions whose slot `keep` maps to a slot (nil: left out), in their order, with the
    /// new slots.
    func filtered(_ keep: [Int32?]) -> PositionRows {
        // The kept rows' indices and new slots in one pass, then each column gathered into an
        // array of exactly that size (no append, no growth).
        var keptCount = 0
        var kept = [Int32](repeating: 0, count: slots.count)
        var newSlots = [Int32](repeating: 0, count: slots.count)
        slots.withUnsafeBufferPointer { slots in
            keep.withUnsafeBufferPointer { keep in
                kept.withUnsafeMutableBufferPointer { kept in
                    newSlots.withUnsafeMutableBufferPointer { newSlots in
                        for i in 0..<slots.count {
                            guard let s = keep[Int(slots[i])] else { continue }
                            kept[keptCount] = Int32(i)
                            newSlots[keptCount] = s
                            keptCount += 1
                        }
                    }
                }
            }
        }
        kept.removeLast(kept.count - keptCount)
        var part = PositionRows()
        part.slots = Array(newSlots[0..<keptCount])  // exactly the kept rows' size
        let c = columns
        part.columns = PositionColumns(times: c.times.gathered(at: kept), latitudes: c.latitudes.gathered(at: kept),
                                       longitudes: c.longitudes.gathered(at: kept), speeds: c.speeds.gathered(at: kept),
                                       courses: c.courses.gathered(at: kept), headings: c.headings.gathered(at: kept),
                                       statuses: c.statuses.gathered(at: kept))
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
            gather(columns.times)
            gather(columns.latitudes)
            gather(columns.longitudes)
            gather(columns.speeds)
            gather(columns.courses)
            gather(columns.headings)
            gather(columns.statuses)
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
            let c = columns
            return PositionColumns(times: gather(c.times, range), latitudes: gather(c.latitudes, range), longitudes: gather(c.longitudes, range),
                                   speeds: gather(c.speeds, range), courses: gather(c.courses, range), headings: gather(c.headings, range),
                                   statuses: gather(c.statuses, range))
        }
    }

    /// The latest time, nil when there is no position.
    var latestTime: Int64? { columns.times.max() }
}
