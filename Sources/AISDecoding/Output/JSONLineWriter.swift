/// Appends one JSON object per message to a byte buffer, without a general-purpose encoder:
/// keys are static strings, numbers are formatted by hand, text is escaped per RFC 8259 §7.
///
/// Used by the `jsonl` and `gpsd` output formats; the caller writes the output out
/// (``withUnsafeBytes(_:)`` or ``bytes``) and calls ``removeAll()`` between batches, so memory
/// stays bounded.
///
/// Speed: the buffer is raw memory. ``beginObject()`` makes room for a whole object
/// (``objectReserve`` bytes, far more than the longest AIS object) with one capacity check, and
/// every byte after that is a plain store. Treat a writer as a unique value: copies share the
/// same buffer.
public struct JSONLineWriter {
    final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    /// Bytes reserved per object: an AIS object with every text field escaped stays far below it.
    static let objectReserve = 4096

    private let storage: Storage
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Number of bytes written so far.
    public private(set) var count = 0
    private var needsComma = false

    /// Creates an empty writer with `capacity` bytes reserved.
    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, JSONLineWriter.objectReserve * 2)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    /// The encoded output so far (UTF-8), copied into an array.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the output so far, without copying it.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Forgets the output written so far, keeping the allocation.
    public mutating func removeAll() { count = 0 }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    @inline(never) mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        fresh.update(from: base, count: count)
        storage.base.deallocate()
        storage.base = fresh
        base = fresh
        capacity = newCapacity
    }

    @inline(__always) mutating func put(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    @inline(__always) mutating func put(_ b: UnsafeRawBufferPointer) {
        (UnsafeMutableRawPointer(base) + count).copyMemory(from: b.baseAddress!, byteCount: b.count)
        count &+= b.count
    }

    @inline(__always) mutating func put(_ s: StaticString) {
        (UnsafeMutableRawPointer(base) + count).copyMemory(from: s.utf8Start, byteCount: s.utf8CodeUnitCount)
        count &+= s.utf8CodeUnitCount
    }

    /// Opens an object: `{`.
    @inline(__always) public mutating func beginObject() {
        reserve(JSONLineWriter.objectReserve)
        put(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the object and the line: `}\n`.
    @inline(__always) public mutating func endObject() {
        put(UInt8(ascii: "}"))
        put(10)
    }

    @inline(__always) mutating func key(_ name: StaticString) {
        if needsComma { put(UInt8(ascii: ",")) }
        needsComma = true
        put(UInt8(ascii: "\""))
        put(name)
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
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
            put("true")
        } else {
            put("false")
        }
    }

    /// `"name":null`.
    @inline(__always) public mutating func null(_ name: StaticString) {
        key(name)
        put("null")
    }

    /// `"name":<value with exactly `decimals` fraction digits>` (round half away from zero), or
    /// null when `value` is nil or not finite.
    @inline(__always) public mutating func field(_ name: StaticString, _ value: Double?, decimals: Int) {
        key(name)
        guard let value, value.isFinite else {
            put("null")
            return
        }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e17 else {
            for b in value.description.utf8 { put(b) }
            return
        }
        var n = Int64(scaled)
        if value < 0 && n != 0 { put(UInt8(ascii: "-")) }
        var p: Int64 = 1
        for _ in 0..<decimals { p *= 10 }
        appendInteger(n / p)
        if decimals > 0 {
            put(UInt8(ascii: "."))
            n %= p
            var digits = [UInt8](repeating: 48, count: decimals)
            var i = decimals - 1
            while i >= 0 {
                digits[i] = UInt8(48 + n % 10)
                n /= 10
                i -= 1
            }
            for d in digits { put(d) }
        }
    }

    /// `"name":"text"` from six-bit text (trimmed as ``SixBitText/string``), escaped.
    @inline(__always) public mutating func field(_ name: StaticString, _ text: SixBitText) {
        key(name)
        put(UInt8(ascii: "\""))
        let n = text.trimmedCount
        for i in 0..<n { appendEscaped(text.ascii(at: i)) }
        put(UInt8(ascii: "\""))
    }

    /// `"name":"text"`, escaped.
    public mutating func field(_ name: StaticString, _ text: String) {
        reserve(text.utf8.count * 6 + 64)
        key(name)
        put(UInt8(ascii: "\""))
        for b in text.utf8 { appendEscaped(b) }
        put(UInt8(ascii: "\""))
    }

    /// `"name":"text"` for a static string that needs no escaping.
    @inline(__always) public mutating func field(_ name: StaticString, literal: StaticString) {
        key(name)
        put(UInt8(ascii: "\""))
        put(literal)
        put(UInt8(ascii: "\""))
    }

    /// `"name":` followed by raw, already-encoded JSON bytes.
    public mutating func field(_ name: StaticString, rawJSON: [UInt8]) {
        reserve(rawJSON.count + 64)
        key(name)
        rawJSON.withUnsafeBytes { put($0) }
    }

    /// `"name":"` — opens a string value whose bytes follow through ``appendStringByte(_:)`` and
    /// ``appendSixBit(_:)``, closed by ``endString()``.
    @inline(__always) mutating func beginString(_ name: StaticString) {
        key(name)
        put(UInt8(ascii: "\""))
    }

    /// Closes a string value opened by ``beginString(_:)``.
    @inline(__always) mutating func endString() { put(UInt8(ascii: "\"")) }

    /// One byte of a string value: ASCII punctuation and digits (not escaped).
    @inline(__always) mutating func appendStringByte(_ b: UInt8) { put(b) }

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
        if digits < width { for _ in digits..<width { put(48) } }
        appendInteger(Int64(value))
    }

    @inline(__always) mutating func appendEscaped(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""):
            put(92)
            put(34)
        case UInt8(ascii: "\\"):
            put(92)
            put(92)
        case 0..<32:
            put("\\u00")
            put(b >> 4 < 10 ? 48 + b >> 4 : 87 + b >> 4)
            put(b & 15 < 10 ? 48 + b & 15 : 87 + b & 15)
        default: put(b)
        }
    }

    @inline(__always) mutating func appendInteger(_ value: Int64) {
        if value == 0 {
            put(48)
            return
        }
        var v = value.magnitude
        if value < 0 { put(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var digitCount = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            while v > 0 {
                buf[19 - digitCount] = UInt8(48 + v % 10)
                v /= 10
                digitCount += 1
            }
            put(UnsafeRawBufferPointer(rebasing: buf[(20 - digitCount)...]))
        }
    }
}
