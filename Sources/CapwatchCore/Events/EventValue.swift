/// One value in an event's ``Event/parameters`` or ``Event/evidence``.
///
/// Rendered in JSON as a number, a string, an ISO 8601 UTC string (``time(_:)``) or a
/// `{"lat": …, "lon": …}` object (``position(_:)``).
public enum EventValue: Hashable, Sendable {
    /// A measured or configured quantity; its unit is in the name that carries it (`_m`, `_km`, `_h`, `_kn`).
    case number(Double)
    /// A count or code.
    case integer(Int)
    /// Free text (a port name, a call sign).
    case string(String)
    /// An instant, rendered as ``Timestamp/iso8601``.
    case time(Timestamp)
    /// A position, rendered as `{"lat": …, "lon": …}`.
    case position(GeoPoint)
    /// A yes/no finding (`flagged`), rendered as JSON `true`/`false`.
    case boolean(Bool)

    /// The value as a `Double` when it is a number or an integer; nil otherwise.
    public var doubleValue: Double? {
        switch self {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
}

extension EventValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}

extension EventValue: Codable {
    private enum PositionKeys: String, CodingKey { case lat, lon }

    /// Decodes a JSON boolean, a number (an integer when it has no fraction), a string (a ``time(_:)`` when it
    /// is an ISO 8601 instant ending in `Z`), or a `{"lat", "lon"}` object.
    ///
    /// Decoding is the inverse of encoding except that a ``number(_:)`` with no fraction comes back
    /// as ``integer(_:)`` and a string that looks like a UTC instant comes back as ``time(_:)``.
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: PositionKeys.self) {
            self = .position(GeoPoint(latitude: try keyed.decode(Double.self, forKey: .lat), longitude: try keyed.decode(Double.self, forKey: .lon)))
            return
        }
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .boolean(b)
        } else if let i = try? c.decode(Int.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else {
            let s = try c.decode(String.self)
            if s.hasSuffix("Z"), let t = Timestamp(iso8601: s) { self = .time(t) } else { self = .string(s) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .number(let v):
            var c = encoder.singleValueContainer()
            if v.isFinite { try c.encode(v) } else { try c.encodeNil() }
        case .integer(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .string(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .time(let t):
            var c = encoder.singleValueContainer()
            try c.encode(t.iso8601)
        case .boolean(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .position(let p):
            var c = encoder.container(keyedBy: PositionKeys.self)
            try c.encode(p.latitude, forKey: .lat)
            try c.encode(p.longitude, forKey: .lon)
        }
    }
}
