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
        // 92 bytes of keys and punctuation at most, an MMSI and its comma 11.
        let bound = 100 + 11 * mmsi.count + JSONCursor.timeBound(start) + (end.map(JSONCursor.timeBound) ?? 4) + 2 * JSONCursor.numberBound
            + JSONCursor.fieldsBound(parameters) + JSONCursor.fieldsBound(evidence)
        JSONText.write(upTo: bound, to: &out) { c in
            c.literal(kind.jsonPrefix)
            for (i, m) in mmsi.enumerated() {
                if i > 0 { c.byte(UInt8(ascii: ",")) }
                c.integer(Int64(m.rawValue))
            }
            c.literal("],\"start\":")
            c.time(start)
            c.literal(",\"end\":")
            if let end { c.time(end) } else { c.literal("null") }
            c.literal(",\"lat\":")
            c.number(position.latitude)
            c.literal(",\"lon\":")
            c.number(position.longitude)
            c.literal(",\"parameters\":")
            c.fields(parameters)
            c.literal(",\"evidence\":")
            c.fields(evidence)
            c.byte(UInt8(ascii: "}"))
        }
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
        write(upTo: JSONCursor.fieldsBound(fields), to: &out) { $0.fields(fields) }
    }

    /// Appends one value: a number, a string, a time as an ISO 8601 string, a boolean or a `{"lat","lon"}` object.
    public static func appendValue(_ value: EventValue, to out: inout [UInt8]) {
        write(upTo: JSONCursor.valueBound(value), to: &out) { $0.value(value) }
    }

    /// Appends a decimal integer.
    public static func appendInteger(_ v: Int64, to out: inout [UInt8]) {
        write(upTo: JSONCursor.numberBound, to: &out) { $0.integer(v) }
    }

    /// Appends a number: an integer form when it has no fraction and |v| < 10¹⁵, else Swift's
    /// shortest round-trip form (`0.1`, `1e-05`, `1.5e+20`, all valid JSON); `null` when not finite.
    public static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        write(upTo: JSONCursor.numberBound, to: &out) { $0.number(v) }
    }

    /// Appends the text Swift's `description` gives `v`: for a finite number, the shortest decimal
    /// that reads back as `v` (`0.1`, `-5.516667`, `2.5333333333333332`, `1e-05`, `1e+16`, `100.0`).
    /// Values of 10⁻⁴ ≤ |v| < 10¹⁵ with a fraction and at most 15 significant digits (coordinates,
    /// kilometres to the metre, most parameters) are written without making a `String`.
    public static func appendShortest(_ v: Double, to out: inout [UInt8]) {
        write(upTo: JSONCursor.numberBound, to: &out) { $0.shortest(v) }
    }

    /// Appends a time as a JSON string in ``Timestamp/iso8601`` form.
    public static func appendTime(_ t: Timestamp, to out: inout [UInt8]) {
        write(upTo: JSONCursor.timeBound(t), to: &out) { $0.time(t) }
    }

    /// Appends `s` as a JSON string, escaping quotes, backslashes and control characters.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        write(upTo: JSONCursor.stringBound(s), to: &out) { $0.string(s) }
    }
}
