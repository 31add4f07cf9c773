import CapwatchCore

/// What a simulated vessel transmits about itself from ``since`` on: the fields of AIS type 5
/// (Class A) or types 24 A/B (Class B). A new identity with another ``mmsi`` is the same hull
/// transmitting under a new MMSI.
public struct SimulatedIdentity: Hashable, Sendable {
    /// From when (seconds since 1970 UTC) the vessel transmits this identity.
    public var since: Int64
    /// The MMSI transmitted.
    public var mmsi: UInt32
    /// The IMO number transmitted (Class A only), or nil.
    public var imo: Int?
    /// Ship name, at most 20 characters of ITU-R M.1371-5 Table 47.
    public var name: String
    /// Call sign, at most 7 characters.
    public var callSign: String
    /// Ship type, ITU-R M.1371-5 Table 53 (30 fishing, 70 cargo, 80 tanker …).
    public var shipType: Int
    /// Reference point to bow and to stern, metres.
    public var toBow: Int
    /// Reference point to stern, metres.
    public var toStern: Int
    /// Reference point to port and starboard, metres.
    public var toPort: Int
    /// Reference point to starboard, metres.
    public var toStarboard: Int
    /// Static draught, metres.
    public var draught: Double
    /// Destination as typed by the crew.
    public var destination: String

    /// - Parameters: see the properties.
    public init(since: Int64, mmsi: UInt32, imo: Int?, name: String, callSign: String, shipType: Int, length: Int, beam: Int,
                draught: Double, destination: String) {
        self.since = since
        self.mmsi = mmsi
        self.imo = imo
        self.name = name
        self.callSign = callSign
        self.shipType = shipType
        self.toBow = length * 3 / 4
        self.toStern = length - length * 3 / 4
        self.toPort = beam / 2
        self.toStarboard = beam - beam / 2
        self.draught = draught
        self.destination = destination
    }

    /// The same identity from a later time with some fields changed.
    public func changed(at time: Int64, mmsi: UInt32? = nil, name: String? = nil, callSign: String? = nil, imo: Int?? = nil,
                        draught: Double? = nil, destination: String? = nil) -> SimulatedIdentity {
        var c = self
        c.since = time
        if let mmsi { c.mmsi = mmsi }
        if let name { c.name = name }
        if let callSign { c.callSign = callSign }
        if let imo { c.imo = imo }
        if let draught { c.draught = draught }
        if let destination { c.destination = destination }
        return c
    }
}
