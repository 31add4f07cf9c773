/// A map from MMSI to a small integer (a vessel's slot in a builder or a cache), by open
/// addressing with linear probing and a multiplicative (Fibonacci) hash.
///
/// Built for the per-row lookup of bulk reading, where a `Dictionary<UInt32, Int>` costs a
/// SipHash of the key (about 150 instructions) on every row; here a lookup is one multiplication
/// and, at the load kept (at most one half), usually one probe. Slots are `0..<count`, given in
/// order of first insertion.
struct MMSISlotTable: Sendable {
    /// Keys by bucket; ``empty`` where none.
    private var keys: [UInt32]
    /// The slot of each bucket's key.
    private var values: [Int32]
    /// log2 of the bucket count.
    private var bits: Int
    /// Keys held.
    private(set) var count = 0
    /// No MMSI is this large (an MMSI has nine digits), so it marks a free bucket.
    private static let empty = UInt32.max

    /// An empty table with room for 64 keys before it grows.
    init() {
        bits = 7
        keys = [UInt32](repeating: Self.empty, count: 1 << 7)
        values = [Int32](repeating: 0, count: 1 << 7)
    }

    @inline(__always)
    private static func bucket(_ key: UInt32, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The slot of `key`, nil when it was never inserted.
    @inline(__always)
    func slot(of key: UInt32) -> Int? {
        let mask = (1 << bits) - 1
        var b = Self.bucket(key, bits)
        while true {
            let k = keys[b]
            if k == key { return Int(values[b]) }
            if k == Self.empty { return nil }
            b = (b + 1) & mask
        }
    }

    /// The slot of `key`; a key not yet held gets the next slot, ``count`` before the call.
    /// - Returns: the slot and whether the key was inserted by this call.
    @inline(__always)
    mutating func slot(inserting key: UInt32) -> (slot: Int, inserted: Bool) {
        let mask = (1 << bits) - 1
        var b = Self.bucket(key, bits)
        while true {
            let k = keys[b]
            if k == key { return (Int(values[b]), false) }
            if k == Self.empty { break }
            b = (b + 1) & mask
        }
        let s = count
        keys[b] = key
        values[b] = Int32(s)
        count += 1
        if count * 2 > 1 << bits { grow() }
        return (s, true)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        bits += 1
        keys = [UInt32](repeating: Self.empty, count: 1 << bits)
        values = [Int32](repeating: 0, count: 1 << bits)
        let mask = (1 << bits) - 1
        for i in oldKeys.indices where oldKeys[i] != Self.empty {
            var b = Self.bucket(oldKeys[i], bits)
            while keys[b] != Self.empty { b = (b + 1) & mask }
            keys[b] = oldKeys[i]
            values[b] = oldValues[i]
        }
    }
}
