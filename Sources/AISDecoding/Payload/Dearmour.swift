/// Six-bit de-armouring (ITU-R M.1371-5 Annex 8 / IEC 61162-1 §8.3.9): each payload character
/// carries six bits; subtract 48 from its code and, if the result is above 40, 8 more. Valid
/// characters are `0`–`W` (48–87) and `` ` ``–`w` (96–119).
///
/// Sixteen characters are converted at a time in a 128-bit vector (``dearmourSixteen(_:count:into:)``),
/// then eight at a time inside one 64-bit word (SIMD within a register): the validity test, the
/// subtraction and the packing of 8 × 6 bits into 6 bytes take a few dozen integer operations
/// instead of eight table look-ups. The tail converts one character at a time.
///
/// - Parameters:
///   - chars: the armoured characters.
///   - count: how many.
///   - readable: bytes that may be read from `chars` (at least `count`); when the last partial
///     block of sixteen or eight can be loaded whole, it is converted with the rest (the bytes
///     past `count` are masked to `0`, value zero).
///   - out: where the bits go, packed big-endian from bit 0; must have room for
///     ``dearmouredBytes(count:)`` bytes (whole 8-byte words are stored).
/// - Returns: false when any character is outside the alphabet (the bits written are then garbage).
@inline(__always)
func dearmour(_ chars: UnsafePointer<UInt8>, count: Int, readable: Int = 0, into out: UnsafeMutablePointer<UInt8>) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    var o = out
    var invalid: UInt64 = 0
    // Sixteen characters at a time in a 128-bit vector while they last, the last partial sixteen
    // too when it can be loaded whole; then the eight-byte blocks and the tail below.
    var vectorValid = true
    while i + 16 <= count || (i < count && i + 16 <= readable) {
        vectorValid = dearmourSixteen(chars + i, count: min(count - i, 16), into: o) && vectorValid
        o += 12
        i += 16
    }
    if i >= count { return vectorValid }
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
    return vectorValid && invalid == 0 && bad & 0xC0 == 0
}

/// De-armours sixteen characters (or the first `count` of them, the rest read as `0`) into twelve
/// bytes at `out` with 128-bit vector operations (SSE2 on x86-64): the rule and the packing of
/// ``dearmour(_:count:readable:into:)``'s eight-byte blocks, two blocks at once.
///
/// - Parameters:
///   - chars: sixteen readable bytes.
///   - count: `1...16` characters that belong to the payload.
///   - out: room for 14 bytes (two 8-byte stores, six bytes apart).
/// - Returns: false when one of the `count` characters is outside the alphabet.
@inline(__always)
func dearmourSixteen(_ chars: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>) -> Bool {
    var c = UnsafeRawPointer(chars).loadUnaligned(as: SIMD16<UInt8>.self)
    if count < 16 {
        let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        c.replace(with: 48, where: lanes .>= SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: count)))
    }
    // Swift lowers lane-wise comparisons one lane at a time, so the tests are the high bits of
    // wrapping sums, as in the eight-byte blocks, which become single vector additions.
    let high = SIMD16<UInt8>(repeating: 0x80)
    let t = c &- SIMD16(repeating: 0x30)  // c − 48; below "0" it wraps to 208 and up: high bit set
    let ge40 = (t &+ SIMD16(repeating: 0x58)) & high  // t ≥ 40 (for t < 128)
    let ge48 = (t &+ SIMD16(repeating: 0x50)) & high  // t ≥ 48
    let ge72 = (t &+ SIMD16(repeating: 0x38)) & high  // t ≥ 72
    let invalid = unsafeBitCast(((c | t) & high) | (ge40 & ~ge48) | ge72, to: SIMD2<UInt64>.self)
    // Six-bit values, one per byte, the first character in the low byte: t − 8 from "`" on.
    let eight = unsafeBitCast(unsafeBitCast(ge48, to: SIMD8<UInt16>.self) &>> 4, to: SIMD16<UInt8>.self)
    let v = t &- eight
    // Pack: pairs into 12-bit lanes, then 24-bit lanes, then 48 bits, first character highest.
    let v16 = unsafeBitCast(v, to: SIMD8<UInt16>.self)
    let pairs = ((v16 & 0x00FF) &<< 6) | (v16 &>> 8)
    let p32 = unsafeBitCast(pairs, to: SIMD4<UInt32>.self)
    let quads = ((p32 & 0xFFFF) &<< 12) | (p32 &>> 16)
    let q64 = unsafeBitCast(quads, to: SIMD2<UInt64>.self)
    let packed = ((q64 & 0xFFFF_FFFF) &<< 24) | (q64 &>> 32)
    UnsafeMutableRawPointer(out).storeBytes(of: (packed[0] << 16).bigEndian, as: UInt64.self)
    UnsafeMutableRawPointer(out + 6).storeBytes(of: (packed[1] << 16).bigEndian, as: UInt64.self)
    return invalid[0] | invalid[1] == 0
}

/// The bytes ``dearmour(_:count:readable:into:)`` may write for `count` characters: whole 8-byte
/// words, the last one stored 6 bytes after the one before (of a block of eight) or 2 bytes past
/// the 12 of a block of sixteen.
@inline(__always)
func dearmouredBytes(count: Int) -> Int { max((count * 6 + 7) / 8 + 8, (count + 15) / 16 * 12 + 2) }

/// Clears the fill bits and zeroes the buffer after a message of `bitCount` bits, so that field
/// reads past a short message see zeros (``PayloadBufferLayout/zeroPaddingBytes`` of them).
@inline(__always)
func zeroTail(_ out: UnsafeMutablePointer<UInt8>, bitCount: Int, armouredCount: Int) {
    let fullBytes = bitCount >> 3
    let rem = bitCount & 7
    if rem != 0 { out[fullBytes] &= UInt8(truncatingIfNeeded: 0xFF << (8 - rem)) }
    let clearFrom = fullBytes + (rem != 0 ? 1 : 0)
    let written = dearmouredBytes(count: armouredCount)
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
