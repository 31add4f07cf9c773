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
        JSONText.append("{\"kind\":", to: &out)
        JSONText.appendString(kind.rawValue, to: &out)
        JSONText.append(",\"mmsi\":[", to: &out)
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
        var first = true
        for f in fields {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(f.name, to: &out)
            out.append(UInt8(ascii: ":"))
            appendValue(f.value, to: &out)
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
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for 20 digits
        withUnsafeMutableBytes(of: &digits) { buf in
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: m % 10) &+ 48
                m /= 10
            } while m > 0
            out.append(contentsOf: buf[i...])
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
            out.append(contentsOf: v.description.utf8)
        }
    }

    /// Appends a time as a JSON string in ``Timestamp/iso8601`` form.
    public static func appendTime(_ t: Timestamp, to out: inout [UInt8]) {
        let c = t.components
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
