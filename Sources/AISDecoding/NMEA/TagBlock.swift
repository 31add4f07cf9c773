/// The parts of an NMEA 4.10 tag block (`\s:source,c:unix-seconds,g:1-2-1604*hh\`) that AIS
/// analysis uses (IEC 61162-1 Ed. 4, §7.9 / NMEA 0183 v4.10 "TAG blocks").
///
/// Parsed without allocation: the source name is interned by ``AISStreamDecoder`` and carried as
/// a number (``AISDecodedMessage/sourceID``).
public struct TagBlock: Sendable, Equatable {
    /// `c:` receive time in seconds since 1970 UTC. Values with more than 11 digits are taken as
    /// milliseconds (some feeds write them) and divided by 1000.
    public var receivedAt: Int64?
    /// Byte range of the `s:` source value within the line, if present.
    var sourceRange: Range<Int>?
    /// `g:` sentence-group fields `number-total-id`, if present.
    public var group: Group?

    /// A `g:` sentence group: this sentence's `number` of `total`, in group `id`.
    public struct Group: Sendable, Equatable {
        /// 1-based number of this sentence in the group.
        public var number: Int
        /// Sentences in the group.
        public var total: Int
        /// Group identifier, shared by the group's sentences.
        public var id: Int
    }

    /// Parses the tag block content between the opening `\` at `start` and the closing `\`.
    ///
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - start: index of the opening backslash.
    /// - Returns: the parsed block and the index just past its closing backslash, or nil when the
    ///   block is unterminated or its checksum (XOR of the bytes between `\` and `*`) fails.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> (TagBlock, Int)? {
        var i = start + 1
        let n = line.count
        var x: UInt8 = 0
        var block = TagBlock()
        var fieldStart = i
        func finishField(_ end: Int) {
            guard end - fieldStart >= 2, line[fieldStart + 1] == UInt8(ascii: ":") else { return }
            let key = line[fieldStart]
            let valueStart = fieldStart + 2
            switch key {
            case UInt8(ascii: "c"):
                var v: Int64 = 0
                var digits = 0
                var j = valueStart
                while j < end, line[j] >= 48, line[j] <= 57, digits < 18 {
                    v = v * 10 + Int64(line[j] - 48)
                    digits += 1
                    j += 1
                }
                if digits > 0 { block.receivedAt = digits > 11 ? v / 1000 : v }
            case UInt8(ascii: "s"):
                if end > valueStart { block.sourceRange = valueStart..<end }
            case UInt8(ascii: "g"):
                var parts = [0, 0, 0]
                var k = 0
                var j = valueStart
                while j < end, k < 3 {
                    let c = line[j]
                    if c == UInt8(ascii: "-") { k += 1 } else if c >= 48, c <= 57 { parts[k] = parts[k] * 10 + Int(c - 48) } else { break }
                    j += 1
                }
                if k == 2 { block.group = Group(number: parts[0], total: parts[1], id: parts[2]) }
            default: break
            }
        }
        while i < n {
            let c = line[i]
            if c == UInt8(ascii: "*") {
                finishField(i)
                guard i + 3 < n, line[i + 3] == UInt8(ascii: "\\"),
                    let sum = hexByte(line[i + 1], line[i + 2]), sum == x
                else { return nil }
                return (block, i + 4)
            }
            if c == UInt8(ascii: "\\") { return nil }
            if c == UInt8(ascii: ",") {
                finishField(i)
                fieldStart = i + 1
            }
            x ^= c
            i += 1
        }
        return nil
    }
}

/// The value of two hexadecimal digits (either case), or nil.
@inline(__always) func hexByte(_ hi: UInt8, _ lo: UInt8) -> UInt8? {
    guard let h = hexDigit(hi), let l = hexDigit(lo) else { return nil }
    return h << 4 | l
}

@inline(__always) func hexDigit(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: return c - 48
    case 65...70: return c - 55
    case 97...102: return c - 87
    default: return nil
    }
}
