extension Event {
    /// The event as one line of JSON with keys in the order
    /// `kind, mmsi, start, end, lat, lon, parameters, evidence`, parameters and evidence in the
    /// order the detector wrote them. Written without Foundation, so it is deterministic and cheap
    /// enough for one line per event in JSON Lines output. Non-finite numbers become `null`.
    public var json: String {
        var out = "{\"kind\":"
        JSONText.appendString(kind.rawValue, to: &out)
        out += ",\"mmsi\":["
        out += mmsi.map { String($0.rawValue) }.joined(separator: ",")
        out += "],\"start\":"
        JSONText.appendString(start.iso8601, to: &out)
        out += ",\"end\":"
        if let end { JSONText.appendString(end.iso8601, to: &out) } else { out += "null" }
        out += ",\"lat\":"
        JSONText.appendNumber(position.latitude, to: &out)
        out += ",\"lon\":"
        JSONText.appendNumber(position.longitude, to: &out)
        out += ",\"parameters\":"
        JSONText.appendFields(parameters, to: &out)
        out += ",\"evidence\":"
        JSONText.appendFields(evidence, to: &out)
        out += "}"
        return out
    }
}

/// Minimal JSON text writer for events (RFC 8259 string escaping, shortest round-trip numbers).
enum JSONText {
    static func appendFields(_ fields: EventFields, to out: inout String) {
        out += "{"
        var first = true
        for f in fields {
            if !first { out += "," }
            first = false
            appendString(f.name, to: &out)
            out += ":"
            appendValue(f.value, to: &out)
        }
        out += "}"
    }

    static func appendValue(_ value: EventValue, to out: inout String) {
        switch value {
        case .number(let v): appendNumber(v, to: &out)
        case .integer(let v): out += String(v)
        case .string(let s): appendString(s, to: &out)
        case .time(let t): appendString(t.iso8601, to: &out)
        case .boolean(let b): out += b ? "true" : "false"
        case .position(let p):
            out += "{\"lat\":"
            appendNumber(p.latitude, to: &out)
            out += ",\"lon\":"
            appendNumber(p.longitude, to: &out)
            out += "}"
        }
    }

    static func appendNumber(_ v: Double, to out: inout String) {
        guard v.isFinite else {
            out += "null"
            return
        }
        if v == v.rounded(), abs(v) < 1e15 {
            out += String(Int64(v))
        } else {
            out += String(v)  // Swift prints the shortest round-trip form: 0.1, 1e-05, 1.5e+20 are all valid JSON.
        }
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
