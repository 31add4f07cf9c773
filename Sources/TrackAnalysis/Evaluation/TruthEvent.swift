import CapwatchCore

/// A planted behaviour of a simulation: what the detectors should find (or, with
/// ``mustNotDetect``, a near miss they must not report).
///
/// JSON (`truth.json`): `kind` (the ``Event/Kind`` strings of `events.json`), `vessels` (MMSIs),
/// `start`, `end` (ISO 8601 UTC; `end` null for a behaviour still going on when the data end),
/// `lat`, `lon`, `must_not_detect`, `note`.
public struct TruthEvent: Hashable, Sendable, Codable {
    /// The kind of behaviour, as the detector that should find it names it.
    public var kind: Event.Kind
    /// The MMSIs involved, ascending (both vessels of an encounter or a dark STS; every MMSI of an
    /// identity change).
    public var vessels: [MMSI]
    /// When the behaviour began.
    public var start: Timestamp
    /// When it ended; nil when it lasts to the end of the data.
    public var end: Timestamp?
    /// Where it happened (representative position).
    public var position: GeoPoint
    /// True for a near miss: a detection matching it is a false alarm.
    public var mustNotDetect: Bool
    /// What was planted, for people.
    public var note: String

    /// - Parameters: see the properties; `vessels` is sorted.
    public init(kind: Event.Kind, vessels: [MMSI], start: Timestamp, end: Timestamp?, position: GeoPoint, mustNotDetect: Bool = false,
                note: String) {
        self.kind = kind
        self.vessels = vessels.sorted()
        self.start = start
        self.end = end
        self.position = position
        self.mustNotDetect = mustNotDetect
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case kind, vessels, start, end, lat, lon, note
        case mustNotDetect = "must_not_detect"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func time(_ key: CodingKeys) throws -> Timestamp? {
            guard let s = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let t = Timestamp(iso8601: s) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\"\(s)\" is not an ISO 8601 time")
            }
            return t
        }
        guard let start = try time(.start) else {
            throw DecodingError.valueNotFound(String.self, .init(codingPath: [CodingKeys.start], debugDescription: "start is null"))
        }
        self.init(
            kind: try c.decode(Event.Kind.self, forKey: .kind), vessels: try c.decode([MMSI].self, forKey: .vessels), start: start,
            end: try time(.end),
            position: GeoPoint(latitude: try c.decodeIfPresent(Double.self, forKey: .lat) ?? 0, longitude: try c.decodeIfPresent(Double.self, forKey: .lon) ?? 0),
            mustNotDetect: try c.decodeIfPresent(Bool.self, forKey: .mustNotDetect) ?? false, note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(vessels, forKey: .vessels)
        try c.encode(start.iso8601, forKey: .start)
        if let end { try c.encode(end.iso8601, forKey: .end) } else { try c.encodeNil(forKey: .end) }
        try c.encode((position.latitude * 1e5).rounded() / 1e5, forKey: .lat)
        try c.encode((position.longitude * 1e5).rounded() / 1e5, forKey: .lon)
        try c.encode(mustNotDetect, forKey: .mustNotDetect)
        try c.encode(note, forKey: .note)
    }
}
