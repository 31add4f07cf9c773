/// A reusable spatial hash for one time slice: cubic cells in Earth-centred coordinates, open
/// addressing with generation stamps so that starting a new slice costs nothing.
///
/// Points are inserted one by one; a point's candidates are the points already inserted in the
/// 8 cells that can hold anything within half a cell's side of it (see ``EncounterDetector``).
/// Each cell lists its points from the last inserted to the first.
///
/// The storage is unmanaged (no reference counting or uniqueness checks in the search loop):
/// call ``deallocate()`` once done, and do not copy a grid in use.
struct SliceGrid {
    /// One slot of the open-addressing table: a cell key, the slice it was set for, its last point.
    private struct Slot {
        var key: Int64 = 0
        var stamp: UInt32 = 0
        var head: Int32 = -1
    }
    private var slots: UnsafeMutablePointer<Slot>
    private var size = 0
    private var mask = 0
    private var generation: UInt32 = 0
    /// Next point in the same cell, per point (-1 ends the list), indexed by the point numbers given to ``insert(_:point:)``.
    let next: UnsafeMutablePointer<Int32>

    /// A grid for points numbered `0..<points`.
    init(points: Int) {
        next = .allocate(capacity: max(1, points))
        slots = .allocate(capacity: 1)
    }

    /// Frees the storage.
    func deallocate() {
        next.deallocate()
        slots.deallocate()
    }

    /// Starts a slice of `count` points.
    mutating func begin(count: Int) {
        var newSize = max(16, size)
        while newSize < count * 2 { newSize *= 2 }
        if newSize != size {
            slots.deallocate()
            slots = .allocate(capacity: newSize)
            slots.initialize(repeating: Slot(), count: newSize)
            size = newSize
            mask = newSize - 1
            generation = 0
        }
        generation &+= 1
        if generation == 0 {  // wrapped: clear the stamps once every 2^32 slices
            for i in 0..<size { slots[i].stamp = 0 }
            generation = 1
        }
    }

    @inline(__always) private func slot(_ key: Int64) -> Int {
        var h = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The last point inserted in the cell `key`, or -1.
    @inline(__always) func first(_ key: Int64) -> Int32 {
        var s = slot(key)
        while slots[s].stamp == generation {
            if slots[s].key == key { return slots[s].head }
            s = (s + 1) & mask
        }
        return -1
    }

    /// Adds point `point` to the cell `key`.
    @inline(__always) mutating func insert(_ key: Int64, point: Int32) {
        var s = slot(key)
        while slots[s].stamp == generation {
            if slots[s].key == key {
                next[Int(point)] = slots[s].head
                slots[s].head = point
                return
            }
            s = (s + 1) & mask
        }
        slots[s] = Slot(key: key, stamp: generation, head: point)
        next[Int(point)] = -1
    }

    /// The part of a cell key for cell index `x` on the first axis (each index within ±2^20).
    @inline(__always) static func xKey(_ x: Int) -> Int64 { Int64(truncatingIfNeeded: x &+ (1 << 20)) &<< 42 }
    /// The part of a cell key for cell index `y` on the second axis.
    @inline(__always) static func yKey(_ y: Int) -> Int64 { Int64(truncatingIfNeeded: y &+ (1 << 20)) &<< 21 }
    /// The part of a cell key for cell index `z` on the third axis.
    @inline(__always) static func zKey(_ z: Int) -> Int64 { Int64(truncatingIfNeeded: z &+ (1 << 20)) }

    /// Packs three cell indices (each within ±2^20) into one key.
    @inline(__always) static func key(_ x: Int, _ y: Int, _ z: Int) -> Int64 { xKey(x) | yKey(y) | zKey(z) }
}
