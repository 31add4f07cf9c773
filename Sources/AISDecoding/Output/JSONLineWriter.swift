/// Appends one JSON object per message to a byte buffer, without a general-purpose encoder:
/// keys are static strings, numbers are formatted by hand, text is escaped per RFC 8259 §7.
///
/// Used by the `jsonl` and `gpsd` output formats; the caller writes ``bytes`` out and calls
/// ``removeAll()`` between batches, so memory stays bounded.
public struct JSONLineWriter {
    /// The encoded output so far (UTF-8).
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// Creates an empty writer with `capacity` bytes reserved.
    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Forgets the output written so far, keeping the allocation.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Opens an object: `{`.
    @inline(__always) public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the object and the line: `}\n`.
    @inline(__always) public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(10)
    }

    @inline(__always) mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// `"name":<integer>`.
    @inline(__always) public mutating func field(_ name: StaticString, _ value: some BinaryInteger) {
        key(name)
        appendInteger(Int64(value))
    }

    /// `"name":true|false`.
    @inline(__always) public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        if value {
            bytes.append(contentsOf: [116, 114, 117, 101])
        } else {
            bytes.append(contentsOf: [102, 97, 108, 115, 101])
        }
    }

    /// `"name":null`.
    @inline(__always) public mutating func null(_ name: StaticString) {
        key(name)
        bytes.append(contentsOf: [110, 117, 108, 108])
    }

    /// `"name":<value with exactly `decimals` fraction digits>` (round half away from zero), or
    /// null when `value` is nil or not finite.
    @inline(__always) public mutating func field(_ name: StaticString, _ value: Double?, decimals: Int) {
        key(name)
        guard let value, value.isFinite else {
            bytes.append(contentsOf: [110, 117, 108, 108])
            return
        }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e17 else {
            bytes.append(contentsOf: Array(value.description.utf8))
            return
        }
        var n = Int64(scaled)
        if value < 0 && n != 0 { bytes.append(UInt8(ascii: "-")) }
        var p: Int64 = 1
        for _ in 0..<decimals { p *= 10 }
        appendInteger(n / p)
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            n %= p
            var digits = [UInt8](repeating: 48, count: decimals)
            var i = decimals - 1
            while i >= 0 {
                digits[i] = UInt8(48 + n % 10)
                n /= 10
                i -= 1
            }
            bytes.append(contentsOf: digits)
        }
    }

    /// `"name":"text"` from six-bit text (trimmed as ``SixBitText/string``), escaped.
    @inline(__always) public mutating func field(_ name: StaticString, _ text: SixBitText) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        let n = text.trimmedCount
        for i in 0..<n { appendEscaped(text.ascii(at: i)) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":"text"`, escaped.
    public mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        for b in text.utf8 { appendEscaped(b) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":"text"` for a static string that needs no escaping.
    @inline(__always) public mutating func field(_ name: StaticString, literal: StaticString) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":` followed by raw, already-encoded JSON bytes.
    public mutating func field(_ name: StaticString, rawJSON: [UInt8]) {
        key(name)
        bytes.append(contentsOf: rawJSON)
    }

    /// `"name":"` — opens a string value whose bytes follow through ``appendStringByte(_:)`` and
    /// ``appendSixBit(_:)``, closed by ``endString()``.
    @inline(__always) mutating func beginString(_ name: StaticString) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Closes a string value opened by ``beginString(_:)``.
    @inline(__always) mutating func endString() { bytes.append(UInt8(ascii: "\"")) }

    /// One byte of a string value: ASCII punctuation and digits (not escaped).
    @inline(__always) mutating func appendStringByte(_ b: UInt8) { bytes.append(b) }

    /// One ITU-R M.1371 six-bit character (Table 47 code `0...63`) as ASCII, escaped.
    @inline(__always) mutating func appendSixBit(_ code: UInt8) { appendEscaped(code < 32 ? code + 64 : code) }

    /// `value` in decimal with at least `width` digits, zero-padded on the left (C's `%0*u`).
    @inline(__always) mutating func appendPadded(_ value: Int, width: Int) {
        var digits = 1
        var v = value / 10
        while v > 0 {
            digits += 1
            v /= 10
        }
        if digits < width { for _ in digits..<width { bytes.append(48) } }
        appendInteger(Int64(value))
    }

    @inline(__always) mutating func appendEscaped(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
        case 0..<32:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: bytes.append(b)
        }
    }

    @inline(__always) mutating func appendInteger(_ value: Int64) {
        if value == 0 {
            bytes.append(48)
            return
        }
        var v = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            while v > 0 {
                buf[19 - count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(20 - count)...]))
        }
    }
}
