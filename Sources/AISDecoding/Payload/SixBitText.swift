/// Up to 27 characters of ITU-R M.1371-5 six-bit text (Table 47), kept as the transmitted codes
/// so that decoding allocates nothing; ``string`` builds a Swift `String` only when asked.
///
/// The text rule (ITU-R M.1371-5 §3.3.7 / Table 47): code 0 is `@`, which transmitters use as
/// padding ("not available"); codes 1–31 are `A`–`_` (ASCII 65–95) and 32–63 are space to `?`
/// (ASCII 32–63). ``string`` ends the text at the first `@` and removes trailing blanks, as gpsd
/// does.
public struct SixBitText: Hashable, Sendable {
    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    /// Number of characters carried, `0...27`.
    public let count: UInt8

    @inlinable init(reader: BitReader, start: Int, characters: Int) {
        // Nine characters (54 bits) per 64-bit load; unused trailing codes are zero ("@").
        let n = min(characters, 27)
        let c0 = min(n, 9)
        let c1 = min(max(n - 9, 0), 9)
        let c2 = max(n - 18, 0)
        w0 = c0 > 0 ? reader.uint(start, c0 * 6) << UInt64(54 - c0 * 6) : 0
        w1 = c1 > 0 ? reader.uint(start + 54, c1 * 6) << UInt64(54 - c1 * 6) : 0
        w2 = c2 > 0 ? reader.uint(start + 108, c2 * 6) << UInt64(54 - c2 * 6) : 0
        count = UInt8(n)
    }

    /// Text from an ASCII string (for tests and encoders): characters outside Table 47 become `@`.
    public init(_ text: String) {
        var codes: [UInt8] = []
        for b in text.utf8.prefix(27) {
            switch b {
            case 64...95: codes.append(b - 64)
            case 32...63: codes.append(b)
            case 97...122: codes.append(b - 96)  // lower case is not in the table; upper-case it
            default: codes.append(0)
            }
        }
        var w: [UInt64] = [0, 0, 0]
        for (i, c) in codes.enumerated() { w[i / 9] |= UInt64(c) << UInt64(48 - (i % 9) * 6) }
        (w0, w1, w2) = (w[0], w[1], w[2])
        count = UInt8(codes.count)
    }

    /// The six-bit code (`0...63`) of character `index` (`0..<count`).
    @inlinable public func code(at index: Int) -> UInt8 {
        let word = index < 9 ? w0 : (index < 18 ? w1 : w2)
        return UInt8(truncatingIfNeeded: (word >> UInt64(48 - (index % 9) * 6)) & 0x3F)
    }

    /// The ASCII byte of character `index` under Table 47.
    @inlinable public func ascii(at index: Int) -> UInt8 {
        let c = code(at: index)
        return c < 32 ? c + 64 : c
    }

    /// Number of characters before the first `@` with trailing blanks removed.
    public var trimmedCount: Int {
        var end = 0
        while end < Int(count), code(at: end) != 0 { end += 1 }
        while end > 0, code(at: end - 1) == 32 { end -= 1 }
        return end
    }

    /// The text up to the first `@`, trailing blanks removed; `""` when nothing is left.
    public var string: String {
        let n = trimmedCount
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { buffer in
            for i in 0..<n { buffer[i] = ascii(at: i) }
            return n
        }
    }

    /// True when ``string`` would be empty.
    public var isEmpty: Bool { trimmedCount == 0 }

    /// All `count` characters as transmitted, `@` included (for diagnostics).
    public var rawString: String {
        String(decoding: (0..<Int(count)).map { ascii(at: $0) }, as: UTF8.self)
    }
}
