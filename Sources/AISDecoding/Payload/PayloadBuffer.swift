/// A reusable, zero-padded bit buffer that de-armours six-bit AIS payload characters.
///
/// Armouring (ITU-R M.1371-5 Annex 8 / IEC 61162-1 §8.3.9 "six-bit binary field"): each payload
/// character carries six bits; subtract 48 from its ASCII code, and if the result is above 40
/// subtract 8 more, giving `0...63`. Valid characters are `0`–`W` (48–87) and `` ` ``–`w`
/// (96–119). The last character's low `fillBits` bits are padding and are not part of the message.
///
/// The buffer is allocated once and reused for every message, so decoding allocates nothing.
/// After ``finish(fillBits:)`` every bit past the message reads as zero for at least
/// ``zeroPaddingBytes`` bytes, which lets field tables read a few bits past a short message.
final class PayloadBuffer {
    /// Largest payload accepted, in bytes of decoded bits (a 5-slot type 8 is 1,008 bits; 9
    /// fragments of 82 characters are 4,428).
    static let capacityBytes = 1024
    /// Zeroed bytes kept past the end of the message: enough for the longest field table read
    /// (type 5 reads to bit 424) plus one 8-byte load.
    static let zeroPaddingBytes = 72

    let storage: UnsafeMutablePointer<UInt8>
    private(set) var bitCount = 0
    private var accumulator: UInt64 = 0
    private var accumulatedBits = 0
    private var byteCount = 0

    init() {
        let total = PayloadBuffer.capacityBytes + PayloadBuffer.zeroPaddingBytes + 16
        storage = .allocate(capacity: total)
        storage.initialize(repeating: 0, count: total)
    }

    deinit { storage.deallocate() }

    /// Starts a new message.
    @inline(__always) func reset() {
        accumulator = 0
        accumulatedBits = 0
        byteCount = 0
        bitCount = 0
    }

    /// De-armours and appends characters.
    /// - Returns: false when a character is outside the armouring alphabet or the buffer is full.
    @inline(__always) func append(_ chars: UnsafeBufferPointer<UInt8>) -> Bool {
        guard byteCount + (chars.count * 6 + 7) / 8 < PayloadBuffer.capacityBytes else { return false }
        var acc = accumulator
        var bits = accumulatedBits
        var out = storage + byteCount
        var bad: UInt8 = 0
        var i = 0
        let n = chars.count
        let table = sixBitTable
        // Four characters make 24 bits.
        while i + 4 <= n {
            let a = table[Int(chars[i])], b = table[Int(chars[i + 1])], c = table[Int(chars[i + 2])], d = table[Int(chars[i + 3])]
            bad |= a | b | c | d
            acc = (acc << 24) | UInt64(a) << 18 | UInt64(b) << 12 | UInt64(c) << 6 | UInt64(d)
            bits += 24
            while bits >= 8 {
                bits -= 8
                out.pointee = UInt8(truncatingIfNeeded: acc >> UInt64(bits))
                out += 1
            }
            i += 4
        }
        while i < n {
            let a = table[Int(chars[i])]
            bad |= a
            acc = (acc << 6) | UInt64(a & 0x3F)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.pointee = UInt8(truncatingIfNeeded: acc >> UInt64(bits))
                out += 1
            }
            i += 1
        }
        accumulator = acc
        accumulatedBits = bits
        byteCount = out - storage
        bitCount += n * 6
        return bad & 0xC0 == 0
    }

    /// Ends the message: drops `fillBits` padding bits and zeroes everything after the message.
    /// - Returns: a reader over the message bits.
    @inline(__always) func finish(fillBits: Int) -> BitReader {
        if accumulatedBits > 0 {
            storage[byteCount] = UInt8(truncatingIfNeeded: accumulator << UInt64(8 - accumulatedBits))
            byteCount += 1
        }
        bitCount = max(0, bitCount - fillBits)
        let fullBytes = bitCount >> 3
        let rem = bitCount & 7
        if rem != 0 { storage[fullBytes] &= UInt8(truncatingIfNeeded: 0xFF << (8 - rem)) }
        let clearFrom = fullBytes + (rem != 0 ? 1 : 0)
        let clearTo = max(byteCount, fullBytes) + PayloadBuffer.zeroPaddingBytes
        (storage + clearFrom).update(repeating: 0, count: clearTo - clearFrom)
        return BitReader(base: UnsafePointer(storage), bitCount: bitCount)
    }
}

/// Six-bit value of each byte under AIS armouring; 0xFF marks a character outside the alphabet
/// (the high bits make the caller's validity check a single OR).
let sixBitTable: [UInt8] = (0..<256).map { c in
    switch c {
    case 48...87: return UInt8(c - 48)
    case 96...119: return UInt8(c - 56)
    default: return 0xFF
    }
}
