/// Six-bit de-armouring (ITU-R M.1371-5 Annex 8 / IEC 61162-1 §8.3.9): each payload character
/// carries six bits; subtract 48 from its code and, if the result is above 40, 8 more. Valid
/// characters are `0`–`W` (48–87) and `` ` ``–`w` (96–119).
///
/// Eight characters are converted at a time inside one 64-bit word (SIMD within a register): the
/// validity test, the subtraction and the packing of 8 × 6 bits into 6 bytes take a few dozen
/// integer operations instead of eight table look-ups. The tail converts one character at a time.
///
/// - Parameters:
///   - chars: the armoured characters.
///   - count: how many.
///   - readable: bytes that may be read from `chars` (at least `count`); when the last partial
///     block of eight can be loaded whole, it is converted with the rest (the bytes past `count`
///     are masked to `0`, value zero).
///   - out: where the bits go, packed big-endian from bit 0; must have room for
///     `(count * 6 + 7) / 8 + 8` bytes (whole 8-byte words are stored).
/// - Returns: false when any character is outside the alphabet (the bits written are then garbage).
@inline(__always)
func dearmour(_ chars: UnsafePointer<UInt8>, count: Int, readable: Int = 0, into out: UnsafeMutablePointer<UInt8>) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    var o = out
    var invalid: UInt64 = 0
    let tail = count & 7
    let blocks = tail > 0 && count - tail + 8 <= readable ? count + 8 - tail : count - tail
    while i < blocks {
        var w = UInt64(littleEndian: UnsafeRawPointer(chars + i).loadUnaligned(as: UInt64.self))
        if i + 8 > count {
            // The last, partial block: bytes past the payload become "0" (six-bit value 0).
            let keep: UInt64 = (1 << UInt64(tail * 8)) &- 1
            w = (w & keep) | (0x3030_3030_3030_3030 & ~keep)
        }
        // Bytes ≥ 128 are invalid; so are bytes below 48 (no high bit after (c | 0x80) − 0x30).
        invalid |= w & high
        invalid |= ~((w | high) &- 0x30 &* ones) & high
        let t = w &- 0x30 &* ones  // per byte c − 48, no borrow once every byte is ≥ 48
        let ge40 = (t &+ 0x58 &* ones) & high  // t ≥ 40
        let ge48 = (t &+ 0x50 &* ones) & high  // t ≥ 48
        let ge72 = (t &+ 0x38 &* ones) & high  // t ≥ 72
        invalid |= (ge40 & ~ge48) | ge72
        let v = t &- ((ge48 >> 7) &* 8)  // six-bit values, one per byte, first character in the low byte
        // Pack: pairs into 12-bit lanes, then 24-bit lanes, then 48 bits, first character highest.
        let pairs = ((v & 0x00FF_00FF_00FF_00FF) << 6) | ((v >> 8) & 0x00FF_00FF_00FF_00FF)
        let quads = ((pairs & 0x0000_FFFF_0000_FFFF) << 12) | ((pairs >> 16) & 0x0000_FFFF_0000_FFFF)
        let packed = ((quads & 0xFFFF_FFFF) << 24) | (quads >> 32)
        UnsafeMutableRawPointer(o).storeBytes(of: (packed << 16).bigEndian, as: UInt64.self)
        o += 6
        i += 8
    }
    // Tail: fewer than 8 characters.
    var acc: UInt64 = 0
    var bits = 0
    var bad: UInt8 = 0
    while i < count {
        let a = sixBitValue(chars[i])
        bad |= a
        acc = (acc << 6) | UInt64(a & 0x3F)
        bits += 6
        i += 1
    }
    if bits > 0 {
        // At most 42 bits: store them left-aligned in one big-endian word.
        UnsafeMutableRawPointer(o).storeBytes(of: (acc << UInt64(64 - bits)).bigEndian, as: UInt64.self)
    }
    return invalid == 0 && bad & 0xC0 == 0
}

/// Clears the fill bits and zeroes the buffer after a message of `bitCount` bits, so that field
/// reads past a short message see zeros (``PayloadBufferLayout/zeroPaddingBytes`` of them).
@inline(__always)
func zeroTail(_ out: UnsafeMutablePointer<UInt8>, bitCount: Int, armouredCount: Int) {
    let fullBytes = bitCount >> 3
    let rem = bitCount & 7
    if rem != 0 { out[fullBytes] &= UInt8(truncatingIfNeeded: 0xFF << (8 - rem)) }
    let clearFrom = fullBytes + (rem != 0 ? 1 : 0)
    let written = (armouredCount * 6 + 7) / 8 + 8
    let clearTo = max(written, clearFrom) + PayloadBufferLayout.zeroPaddingBytes
    (out + clearFrom).update(repeating: 0, count: clearTo - clearFrom)
}

/// Sizes of the decoder's bit buffer.
enum PayloadBufferLayout {
    /// Largest payload accepted, in armoured characters (9 fragments of 82 characters is 738; a
    /// 5-slot type 8 is 168).
    static let capacityCharacters = 1200
    /// Zeroed bytes kept past the end of a message: enough for the longest field-table read
    /// (type 5 reads to bit 424) plus one 8-byte load.
    static let zeroPaddingBytes = 72
    /// Bytes to allocate.
    static let allocationBytes = capacityCharacters * 6 / 8 + zeroPaddingBytes + 32
}

/// Six-bit value of one armoured character; 0xFF for a character outside the alphabet (the high
/// bits make the caller's validity check a single OR).
@inline(__always) func sixBitValue(_ c: UInt8) -> UInt8 {
    switch c {
    case 48...87: return c &- 48
    case 96...119: return c &- 56
    default: return 0xFF
    }
}
