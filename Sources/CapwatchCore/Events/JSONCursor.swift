/// Writes JSON text through a pointer into room made beforehand (``JSONText/write(upTo:to:_:)``),
/// with no capacity or uniqueness check per byte: those checks, one per `Array.append`, were most
/// of the cost of rendering an event. Every writer states the most it writes (the `…Bound`
/// functions and constants), so that the room can be made first.
struct JSONCursor {
    /// Where the next byte goes.
    private(set) var position: UnsafeMutablePointer<UInt8>

    /// - Parameter start: the first byte of the room.
    init(_ start: UnsafeMutablePointer<UInt8>) { position = start }

    /// The most ``number(_:)``, ``shortest(_:)`` or ``integer(_:)`` write: 24 bytes for the longest
    /// `description` of a `Double` (`-2.2250738585072014e-308`), 20 for an `Int64`.
    static let numberBound = 32

    /// Writes one byte.
    @inline(__always) mutating func byte(_ b: UInt8) {
        position.pointee = b
        position += 1
    }

    /// Writes `literal` as it is (JSON punctuation and keys); at most `literal.utf8CodeUnitCount` bytes.
    @inline(__always) mutating func literal(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes($0) }
    }

    /// Writes `bytes` as they are; at most `bytes.count` bytes.
    mutating func bytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        position.update(from: base, count: bytes.count)
        position += bytes.count
    }

    /// Writes the decimal digits of `n` (at least one) right to left into `p`, the last just
    /// before index `i`; `i` ends at the first digit.
    @inline(__always)
    private static func prependDigits(_ n: UInt64, _ p: UnsafeMutablePointer<UInt8>, _ i: inout Int) {
        var n = n
        repeat {
            i -= 1
            p[i] = UInt8(truncatingIfNeeded: n % 10) &+ 48
            n /= 10
        } while n > 0
    }

    /// Writes a decimal integer; at most ``numberBound`` bytes.
    mutating func integer(_ v: Int64) {
        if v >= 0, v < 10 {
            byte(UInt8(truncatingIfNeeded: v) &+ 48)
            return
        }
        // Right to left into 24 bytes of scratch (a sign and 19 digits), then copied.
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let m = v.magnitude
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = raw.count
            Self.prependDigits(m, p, &i)
            if v < 0 {
                i -= 1
                p[i] = UInt8(ascii: "-")
            }
            bytes(UnsafeBufferPointer(start: p + i, count: raw.count - i))
        }
    }

    /// Writes a number as ``JSONText/appendNumber(_:to:)`` describes; at most ``numberBound`` bytes.
    mutating func number(_ v: Double) {
        guard v.isFinite else { return literal("null") }
        if v == v.rounded(), abs(v) < 1e15 {
            integer(Int64(v))
        } else {
            shortest(v)
        }
    }

    /// Writes `v.description`, as ``JSONText/appendShortest(_:to:)`` describes; at most ``numberBound`` bytes.
    mutating func shortest(_ v: Double) {
        guard !shortDecimal(v) else { return }
        var text = v.description
        text.withUTF8 { bytes($0) }
    }

    /// 10⁰ … 10¹⁸, each exact in a `Double`.
    private static let powersOfTen: [Double] = (0...18).map { n in (0..<n).reduce(1.0) { p, _ in p * 10 } }

    /// Writes `v` as `[-]digits.digits` when it is non-integral, 10⁻⁴ ≤ |v| < 10¹⁵, and some decimal
    /// of at most 15 significant digits reads back as `v`; returns false (writing nothing) otherwise.
    ///
    /// Why this is `description`'s text: such a decimal, with `d` fraction digits chosen so that it
    /// has 15 significant digits, is `n / 10ᵈ` for the integer `n` nearest `|v| · 10ᵈ` (below 10¹⁵,
    /// so exact, and the product is off by far less than ½); `n / 10ᵈ` is correctly rounded, as when
    /// the text is read back, so comparing it with `|v|` is the round-trip test. Decimals `10⁻ᵈ`
    /// apart are more than four units in the last place of `v` apart, so at most one of them reads
    /// back as `v`: every shorter decimal that does is that one with its trailing zeros dropped, and
    /// Swift's shortest round-trip form (positional for 10⁻⁴ ≤ |v| < 2⁵³) is `n` with them dropped.
    private mutating func shortDecimal(_ v: Double) -> Bool {
        let a = v.magnitude
        guard a >= 1e-4, a < 1e15, a != a.rounded(.towardZero) else { return false }
        // Integer digits k (a < 10ᵏ); for a < 1, k = 0, −1, −2, −3 for 0.1…, 0.01…, 0.001…, 0.0001…
        var k: Int
        if a >= 1 {
            k = 1
            while k < 15, a >= Self.powersOfTen[k] { k += 1 }
        } else {
            k = a >= 0.1 ? 0 : a >= 0.01 ? -1 : a >= 0.001 ? -2 : -3
        }
        var decimals = 15 - k
        guard decimals > 0 else { return false }
        let scale = Self.powersOfTen[decimals]
        let scaled = (a * scale).rounded()
        guard scaled < 1e15, scaled / scale == a else { return false }
        var n = UInt64(scaled)
        while n % 10 == 0 {
            n /= 10
            decimals -= 1
        }
        // At most 1 sign + 15 digits + "0." + 3 zeros: right to left into 32 bytes of scratch.
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = raw.count
            for _ in 0..<decimals {
                i -= 1
                p[i] = UInt8(truncatingIfNeeded: n % 10) &+ 48
                n /= 10
            }
            i -= 1
            p[i] = UInt8(ascii: ".")
            Self.prependDigits(n, p, &i)
            if v < 0 {
                i -= 1
                p[i] = UInt8(ascii: "-")
            }
            bytes(UnsafeBufferPointer(start: p + i, count: raw.count - i))
        }
        return true
    }

    /// Instants of the years 0000…9999, in milliseconds since 1970: their ``time(_:)`` is 26 bytes at most.
    private static let fourDigitYears: Range<Int64> = -62_167_219_200_000..<253_402_300_800_000

    /// The most ``time(_:)`` writes for `t`.
    static func timeBound(_ t: Timestamp) -> Int {
        fourDigitYears.contains(t.millisecondsSince1970) ? 26 : t.iso8601.utf8.count + 24
    }

    /// Writes a time as a JSON string in ``Timestamp/iso8601`` form; at most ``timeBound(_:)`` bytes.
    mutating func time(_ t: Timestamp) {
        let c = t.components
        guard c.year >= 0, c.year <= 9999 else { return otherYear(t, c) }
        func two(_ v: Int) {
            byte(UInt8(truncatingIfNeeded: v / 10) &+ 48)
            byte(UInt8(truncatingIfNeeded: v % 10) &+ 48)
        }
        byte(UInt8(ascii: "\""))
        two(c.year / 100)
        two(c.year % 100)
        byte(UInt8(ascii: "-"))
        two(c.month)
        byte(UInt8(ascii: "-"))
        two(c.day)
        byte(UInt8(ascii: "T"))
        two(c.hour)
        byte(UInt8(ascii: ":"))
        two(c.minute)
        byte(UInt8(ascii: ":"))
        two(c.second)
        if c.millisecond != 0 {
            byte(UInt8(ascii: "."))
            byte(UInt8(truncatingIfNeeded: c.millisecond / 100) &+ 48)
            two(c.millisecond % 100)
        }
        literal("Z\"")
    }

    /// ``time(_:)`` for years before 0 (as ``Timestamp/iso8601`` has them) and past 9999 (all their digits).
    private mutating func otherYear(
        _ t: Timestamp, _ c: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int)
    ) {
        guard c.year >= 0 else { return string(t.iso8601) }
        byte(UInt8(ascii: "\""))
        integer(Int64(c.year))
        for (separator, v) in [("-", c.month), ("-", c.day), ("T", c.hour), (":", c.minute), (":", c.second)] as [(Unicode.Scalar, Int)] {
            byte(UInt8(ascii: separator))
            byte(UInt8(truncatingIfNeeded: v / 10) &+ 48)
            byte(UInt8(truncatingIfNeeded: v % 10) &+ 48)
        }
        if c.millisecond != 0 {
            byte(UInt8(ascii: "."))
            byte(UInt8(truncatingIfNeeded: c.millisecond / 100) &+ 48)
            byte(UInt8(truncatingIfNeeded: c.millisecond / 10 % 10) &+ 48)
            byte(UInt8(truncatingIfNeeded: c.millisecond % 10) &+ 48)
        }
        literal("Z\"")
    }

    /// The most ``string(_:)`` writes for `s`: every byte escaped as `\u00XX`, and the quotes.
    static func stringBound(_ s: String) -> Int { 6 * s.utf8.count + 2 }

    /// Writes `s` as a JSON string, escaping quotes, backslashes and control characters; at most
    /// ``stringBound(_:)`` bytes.
    mutating func string(_ s: String) {
        byte(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { text in
            for b in text {
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else {
                    byte(b)
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): literal("\\\"")
                case UInt8(ascii: "\\"): literal("\\\\")
                case UInt8(ascii: "\n"): literal("\\n")
                case UInt8(ascii: "\r"): literal("\\r")
                case UInt8(ascii: "\t"): literal("\\t")
                default:
                    literal("\\u00")
                    byte(Self.hexDigit(b >> 4))
                    byte(Self.hexDigit(b & 15))
                }
            }
        }
        byte(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v + 48 : v + 87 }

    /// The most ``value(_:)`` writes for `value`.
    static func valueBound(_ value: EventValue) -> Int {
        switch value {
        case .number, .integer, .boolean: numberBound
        case .string(let s): stringBound(s)
        case .time(let t): timeBound(t)
        case .position: 16 + 2 * numberBound
        }
    }

    /// Writes one value as ``JSONText/appendValue(_:to:)`` describes; at most ``valueBound(_:)`` bytes.
    mutating func value(_ value: EventValue) {
        switch value {
        case .number(let v): number(v)
        case .integer(let v): integer(Int64(v))
        case .string(let s): string(s)
        case .time(let t): time(t)
        case .boolean(let b): b ? literal("true") : literal("false")
        case .position(let p):
            literal("{\"lat\":")
            number(p.latitude)
            literal(",\"lon\":")
            number(p.longitude)
            byte(UInt8(ascii: "}"))
        }
    }

    /// The most ``fields(_:)`` writes for `fields`.
    static func fieldsBound(_ fields: EventFields) -> Int {
        fields.fields.withUnsafeBufferPointer { fields in
            var bound = 2
            for i in fields.indices { bound += stringBound(fields[i].name) + 2 + valueBound(fields[i].value) }
            return bound
        }
    }

    /// Writes a JSON object of `fields`, in their order; at most ``fieldsBound(_:)`` bytes.
    mutating func fields(_ fields: EventFields) {
        byte(UInt8(ascii: "{"))
        fields.fields.withUnsafeBufferPointer { fields in
            for i in fields.indices {
                if i > 0 { byte(UInt8(ascii: ",")) }
                string(fields[i].name)
                byte(UInt8(ascii: ":"))
                value(fields[i].value)
            }
        }
        byte(UInt8(ascii: "}"))
    }
}

extension JSONText {
    /// Makes room for `maximum` bytes at the end of `out`, lets `body` write into it, and keeps
    /// what it wrote.
    /// - Parameters:
    ///   - maximum: the most `body` writes (from the cursor's bounds).
    ///   - out: the buffer; nothing is removed from it.
    ///   - body: writes through the cursor, at most `maximum` bytes.
    static func write(upTo maximum: Int, to out: inout [UInt8], _ body: (inout JSONCursor) -> Void) {
        guard maximum > 0 else { return }
        out.append(addingCapacity: maximum) { span in
            span.withUnsafeMutableBufferPointer { room, written in
                var cursor = JSONCursor(room.baseAddress!)
                body(&cursor)
                written = cursor.position - room.baseAddress!
                precondition(written <= maximum, "JSON text past its bound")
            }
        }
    }
}
