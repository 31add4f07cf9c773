/// A reusable spatial hash for one time slice: cubic cells in Earth-centred coordinates, open
/// addressing with generation stamps so that starting a new slice costs nothing.
///
/// Points are inserted one by one; a point's candidates are the points already inserted in the
/// 8 cells that can hold anything within half a cell's side of it (see ``EncounterDetector``).
struct SliceGrid {
    private var keys: [Int64] = []
    private var stamps: [UInt32] = []
    private var heads: [Int32] = []
    private var mask = 0
    private var generation: UInt32 = 0
    /// Next point in the same cell, per point of the slice (-1 ends the list).
    private(set) var next: [Int32] = []

    /// Starts a slice of `count` points.
    mutating func begin(count: Int) {
        var size = max(16, keys.count)
        while size < count * 2 { size *= 2 }
        if size != keys.count {
            keys = [Int64](repeating: 0, count: size)
            stamps = [UInt32](repeating: 0, count: size)
            heads = [Int32](repeating: -1, count: size)
            mask = size - 1
            generation = 0
        }
        generation &+= 1
        if generation == 0 {  // wrapped: clear the stamps once every 2^32 slices
            for i in stamps.indices { stamps[i] = 0 }
            generation = 1
        }
        if next.count < count { next = [Int32](repeating: -1, count: count) }
    }

    @inline(__always) private func slot(_ key: Int64) -> Int {
        var h = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The first point in the cell `key`, or -1.
    @inline(__always) func first(_ key: Int64) -> Int32 {
        var s = slot(key)
        while stamps[s] == generation {
            if keys[s] == key { return heads[s] }
            s = (s + 1) & mask
        }
        return -1
    }

    /// Adds point `point` (0-based within the slice) to the cell `key`.
    @inline(__always) mutating func insert(_ key: Int64, point: Int32) {
        var s = slot(key)
        while stamps[s] == generation {
            if keys[s] == key {
                next[Int(point)] = heads[s]
                heads[s] = point
                return
            }
            s = (s + 1) & mask
        }
        stamps[s] = generation
        keys[s] = key
        heads[s] = point
        next[Int(point)] = -1
    }

    /// Packs three cell indices (each within ±2^20) into one key.
    @inline(__always) static func key(_ x: Int, _ y: Int, _ z: Int) -> Int64 {
        (Int64(x + (1 << 20)) << 42) | (Int64(y + (1 << 20)) << 21) | Int64(z + (1 << 20))
    }
}
