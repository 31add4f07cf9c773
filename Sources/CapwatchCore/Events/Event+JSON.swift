extension Event {
    /// The event as one line of JSON with keys in the order
    /// `kind, mmsi, start, end, lat, lon, parameters, evidence`, parameters and evidence in the
    /// order the detector wrote them. Written without Foundation, so it is deterministic and cheap
    /// enough for one line per event in JSON Lines output. Non-finite numbers become `null`.
    public var json: String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``json`` as UTF-8 bytes to `out`: the form for writers of many events (no String per event).
    /// - Parameter out: the buffer; nothing is removed from it.
    public func appendJSON(to out: inout [UInt8]) {
        JSONText.append(kind.jsonPrefix, to: &out)
        for (i, m) in mmsi.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendInteger(Int64(m.rawValue), to: &out)
        }
        JSONText.append("],\"start\":", to: &out)
        JSONText.appendTime(start, to: &out)
        JSONText.append(",\"end\":", to: &out)
        if let end { JSONText.appendTime(end, to: &out) } else { JSONText.append("null", to: &out) }
        JSONText.append(",\"lat\":", to: &out)
        JSONText.appendNumber(position.latitude, to: &out)
        JSONText.append(",\"lon\":", to: &out)
        JSONText.appendNumber(position.longitude, to: &out)
        JSONText.append(",\"parameters\":", to: &out)
        JSONText.appendFields(parameters, to: &out)
        JSONText.append(",\"evidence\":", to: &out)
        JSONText.appendFields(evidence, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

extension Event.Kind {
    /// `{"kind":"<raw value>","mmsi":[`: how ``Event/appendJSON(to:)`` begins (one copy, no escaping at run time).
    fileprivate var jsonPrefix: StaticString {
        switch self {
        case .encounter: "{\"kind\":\"encounter\",\"mmsi\":["
        case .gap: "{\"kind\":\"gap\",\"mmsi\":["
        case .loitering: "{\"kind\":\"loitering\",\"mmsi\":["
        case .portVisit: "{\"kind\":\"port_visit\",\"mmsi\":["
        case .identityChange: "{\"kind\":\"identity_change\",\"mmsi\":["
        case .spoofing: "{\"kind\":\"spoofing\",\"mmsi\":["
        case .draughtChange: "{\"kind\":\"draught_change\",\"mmsi\":["
        case .darkSTS: "{\"kind\":\"dark_sts\",\"mmsi\":["
        }
    }
}

/// Minimal JSON text writer for events, on UTF-8 bytes (RFC 8259 string escaping, shortest
/// round-trip numbers).
public enum JSONText {
    /// Appends `literal`'s UTF-8 bytes as they are (no escaping: for JSON punctuation and keys).
    @inlinable public static func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends a JSON object of `fields`, in their order.
    public static func appendFields(_ fields: EventFields, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        fields.fields.withUnsafeBufferPointer { fields in
            for i in fields.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(fields[i].name, to: &out)
                out.append(UInt8(ascii: ":"))
                appendValue(fields[i].value, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends one value: a number, a string, a time as an ISO 8601 string, a boolean or a `{"lat","lon"}` object.
    public static func appendValue(_ value: EventValue, to out: inout [UInt8]) {
        switch value {
        case .number(let v): appendNumber(v, to: &out)
        case .integer(let v): appendInteger(Int64(v), to: &out)
        case .string(let s): appendString(s, to: &out)
        case .time(let t): appendTime(t, to: &out)
        case .boolean(let b): b ? append("true", to: &out) : append("false", to: &out)
        case .position(let p):
            append("{\"lat\":", to: &out)
            appendNumber(p.latitude, to: &out)
            append(",\"lon\":", to: &out)
            appendNumber(p.longitude, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a decimal integer.
    public static func appendInteger(_ v: Int64, to out: inout [UInt8]) {
        if v >= 0, v < 10 {
            out.append(UInt8(truncatingIfNeeded: v) &+ 48)
            return
        }
        var m = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch: a sign and 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = raw.count
            repeat {
                i -= 1
                p[i] = UInt8(truncatingIfNeeded: m % 10) &+ 48
                m /= 10
            } while m > 0
            if v < 0 {
                i -= 1
                p[i] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: raw.count - i))
        }
    }

    /// Appends a number: an integer form when it has no fraction and |v| < 10¹⁵, else Swift's
    /// shortest round-trip form (`0.1`, `1e-05`, `1.5e+20`, all valid JSON); `null` when not finite.
    public static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        guard v.isFinite else {
            append("null", to: &out)
            return
        }
        if v == v.rounded(), abs(v) < 1e15 {
            appendInteger(Int64(v), to: &out)
        } else {
            appendShortest(v, to: &out)
        }
    }

    /// Appends a time as a JSON string in ``Timestamp/iso8601`` form.
    public static func appendTime(_ t: Timestamp, to out: inout [UInt8]) {
        let c = t.components
        guard c.year >= 0, c.year <= 9999 else { return appendTime(components: c, of: t, to: &out) }
        // `"YYYY-MM-DDTHH:MM:SS.mmmZ"` is at most 26 bytes: filled in 32 bytes of scratch, appended once.
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 0
            func put(_ byte: UInt8) {
                p[i] = byte
                i += 1
            }
            func two(_ v: Int) {
                put(UInt8(truncatingIfNeeded: v / 10) &+ 48)
                put(UInt8(truncatingIfNeeded: v % 10) &+ 48)
            }
            put(UInt8(ascii: "\""))
            two(c.year / 100)
            two(c.year % 100)
            put(UInt8(ascii: "-"))
            two(c.month)
            put(UInt8(ascii: "-"))
            two(c.day)
            put(UInt8(ascii: "T"))
            two(c.hour)
            put(UInt8(ascii: ":"))
            two(c.minute)
            put(UInt8(ascii: ":"))
            two(c.second)
            if c.millisecond != 0 {
                put(UInt8(ascii: "."))
                put(UInt8(truncatingIfNeeded: c.millisecond / 100) &+ 48)
                two(c.millisecond % 100)
            }
            put(UInt8(ascii: "Z"))
            put(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: i))
        }
    }

    /// ``appendTime(_:to:)`` for any year: negative ones as ``Timestamp/iso8601`` has them, those
    /// past 9999 with all their digits.
    private static func appendTime(
        components c: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int), of t: Timestamp,
        to out: inout [UInt8]
    ) {
        out.append(UInt8(ascii: "\""))
        func pad(_ v: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = v
            if v >= divisor * 10 {  // wider than the field (years past 9999): all digits
                appendInteger(Int64(v), to: &out)
                return
            }
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: v / divisor) &+ 48)
                v %= divisor
                divisor /= 10
            }
        }
        guard c.year >= 0 else {
            appendStringBody(t.iso8601, to: &out)
            out.append(UInt8(ascii: "\""))
            return
        }
        pad(c.year, 4)
        out.append(UInt8(ascii: "-"))
        pad(c.month, 2)
        out.append(UInt8(ascii: "-"))
        pad(c.day, 2)
        out.append(UInt8(ascii: "T"))
        pad(c.hour, 2)
        out.append(UInt8(ascii: ":"))
        pad(c.minute, 2)
        out.append(UInt8(ascii: ":"))
        pad(c.second, 2)
        if c.millisecond != 0 {
            out.append(UInt8(ascii: "."))
            pad(c.millisecond, 3)
        }
        append("Z\"", to: &out)
    }

    /// Appends `s` as a JSON string, escaping quotes, backslashes and control characters.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendStringBody(s, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    private static func appendStringBody(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            var clean = 0  // start of the run not yet copied
            for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<i]))
                clean = i + 1
                switch b {
                case UInt8(ascii: "\""): append("\\\"", to: &out)
                case UInt8(ascii: "\\"): append("\\\\", to: &out)
                case UInt8(ascii: "\n"): append("\\n", to: &out)
                case UInt8(ascii: "\r"): append("\\r", to: &out)
                case UInt8(ascii: "\t"): append("\\t", to: &out)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00", to: &out)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
    }
}
