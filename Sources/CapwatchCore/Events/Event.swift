/// Something a detector found: an encounter between two vessels, an AIS gap, and (in later
/// detectors) loitering, a port visit, an identity change, spoofing, a draught change or a dark
/// ship-to-ship transfer.
///
/// Every event carries the parameter values of the detector that emitted it, so an analyst can
/// tell exactly which definition it met, and kind-specific evidence with units in the names.
/// ``json`` renders it with keys `kind, mmsi, start, end, lat, lon, parameters, evidence`.
public struct Event: Hashable, Sendable {
    /// What kind of behaviour an event records. The raw value is the `kind` string in JSON and storage.
    ///
    /// To add a kind, add a case here (snake-case raw value) and document the detector that
    /// emits it; switches over `Kind` then show every place that must learn about it.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Two vessels close together and slow for a long time: a possible ship-to-ship transfer
        /// (emitted by `EncounterDetector`).
        case encounter
        /// A vessel silent on AIS for longer than a threshold (emitted by `GapDetector`).
        case gap
        /// A vessel slow for hours away from port (emitted by `LoiteringDetector`).
        case loitering
        /// A vessel entering, stopping in and leaving a port (emitted by `PortVisitDetector`).
        case portVisit = "port_visit"
        /// An identity that changed or cannot be right: a new name, call sign or IMO number, one IMO
        /// number on several MMSIs, a failed check digit, an unallocated MID, a non-ship MMSI sending
        /// positions (emitted by `IdentityChangeDetector`).
        case identityChange = "identity_change"
        /// Positions that cannot be true: impossible speeds, two places at once, on land, sentinel
        /// coordinates (emitted by `SpoofingDetector`).
        case spoofing
        /// Static draught changed across an AIS gap or an encounter: cargo loaded or discharged
        /// (emitted by `DraughtChangeDetector`).
        case draughtChange = "draught_change"
        /// An AIS gap of one vessel overlapping another vessel's loitering in time and place: a
        /// possible ship-to-ship transfer with one party dark (emitted by `DarkSTSDetector`).
        case darkSTS = "dark_sts"

        /// The kind's position in ``allCases`` (0 for ``encounter``, 1 for ``gap`` …): an index for
        /// per-kind tables and counters, cheaper than hashing the kind (which hashes its name).
        public var ordinal: Int {
            switch self {
            case .encounter: 0
            case .gap: 1
            case .loitering: 2
            case .portVisit: 3
            case .identityChange: 4
            case .spoofing: 5
            case .draughtChange: 6
            case .darkSTS: 7
            }
        }
    }

    /// The kind of event.
    public var kind: Kind
    /// The vessels involved, in ascending order (one for a gap, two for an encounter).
    public var mmsi: [MMSI]
    /// When it began (UTC).
    public var start: Timestamp
    /// When it ended (UTC); nil while still open at the end of the data (an open AIS gap).
    public var end: Timestamp?
    /// A representative position (the mean position of an encounter, the last position before a gap).
    public var position: GeoPoint
    /// The detector's parameter values that produced this event.
    public var parameters: EventFields
    /// Kind-specific measurements supporting the event.
    public var evidence: EventFields

    /// - Parameters: see the properties. `mmsi` is sorted.
    public init(kind: Kind, mmsi: [MMSI], start: Timestamp, end: Timestamp?, position: GeoPoint, parameters: EventFields,
                evidence: EventFields) {
        self.init(kind: kind, sortedMMSI: mmsi.sorted(), start: start, end: end, position: position, parameters: parameters, evidence: evidence)
    }

    /// An event whose `mmsi` is known to be sorted (read back from a record written sorted).
    init(kind: Kind, sortedMMSI mmsi: [MMSI], start: Timestamp, end: Timestamp?, position: GeoPoint, parameters: EventFields,
         evidence: EventFields) {
        self.kind = kind
        self.mmsi = mmsi
        self.start = start
        self.end = end
        self.position = position
        self.parameters = parameters
        self.evidence = evidence
    }

    /// The duration in seconds, or nil when the event is open.
    public var durationSeconds: Double? { end.map { start.seconds(to: $0) } }
}

extension Event: Codable {
    enum CodingKeys: String, CodingKey { case kind, mmsi, start, end, lat, lon, parameters, evidence }

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
            kind: try c.decode(Kind.self, forKey: .kind), mmsi: try c.decode([MMSI].self, forKey: .mmsi), start: start,
            end: try time(.end),
            position: GeoPoint(latitude: try c.decode(Double.self, forKey: .lat), longitude: try c.decode(Double.self, forKey: .lon)),
            parameters: try c.decode(EventFields.self, forKey: .parameters), evidence: try c.decode(EventFields.self, forKey: .evidence))
    }

    /// Encodes `kind, mmsi, start, end, lat, lon, parameters, evidence`; `start`/`end` as ISO 8601
    /// UTC strings, `end` as null when the event is open.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(mmsi, forKey: .mmsi)
        try c.encode(start.iso8601, forKey: .start)
        if let end { try c.encode(end.iso8601, forKey: .end) } else { try c.encodeNil(forKey: .end) }
        try c.encode(position.latitude, forKey: .lat)
        try c.encode(position.longitude, forKey: .lon)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(evidence, forKey: .evidence)
    }
}
