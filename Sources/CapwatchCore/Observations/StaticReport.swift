/// What a vessel said about itself at one instant (AIS types 5, 19, 24 or the identity columns
/// of a CSV row). Every field is optional: each source carries a different subset.
public struct StaticReport: Hashable, Sendable {
    /// The reporting station.
    public var mmsi: MMSI
    /// When it was received (UTC).
    public var time: Timestamp
    /// Ship name, `@` padding and trailing blanks removed; nil when empty.
    public var name: String?
    /// Radio call sign; nil when empty.
    public var callSign: String?
    /// IMO number as transmitted (check digit not enforced: see ``IMONumber/isValid``).
    public var imo: IMONumber?
    /// Type of ship and cargo, ITU-R M.1371-5 Table 53 (`80...89` tankers); nil when 0 / unknown.
    public var shipType: Int?
    /// Overall length in metres (bow + stern reference distances); nil when not available.
    public var length: Double?
    /// Overall beam in metres (port + starboard); nil when not available.
    public var beam: Double?
    /// Maximum present static draught in metres, `0.1...25.5`; nil when not available.
    public var draught: Double?
    /// Destination as typed by the crew; nil when empty.
    public var destination: String?

    /// - Parameters: see the properties.
    public init(mmsi: MMSI, time: Timestamp, name: String? = nil, callSign: String? = nil, imo: IMONumber? = nil,
                shipType: Int? = nil, length: Double? = nil, beam: Double? = nil, draught: Double? = nil,
                destination: String? = nil) {
        self.mmsi = mmsi
        self.time = time
        self.name = name
        self.callSign = callSign
        self.imo = imo
        self.shipType = shipType
        self.length = length
        self.beam = beam
        self.draught = draught
        self.destination = destination
    }
}
