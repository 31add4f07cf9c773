/// Message type 18: standard Class B equipment position report (ITU-R M.1371-5, Annex 8 §3.15,
/// Table 70). 168 bits.
public struct ClassBPositionReport: Sendable, Equatable {
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI).
    public var mmsi: UInt32
    /// Reserved for regional applications, 8 bits.
    public var reserved: UInt8
    /// SOG in 1/10 knot (1023 not available).
    public var rawSOG: UInt16
    /// Position accuracy flag.
    public var positionAccuracy: Bool
    /// Longitude in 1/10,000 minute.
    public var rawLongitude: Int32
    /// Latitude in 1/10,000 minute.
    public var rawLatitude: Int32
    /// COG in 1/10 degree (3600 not available).
    public var rawCOG: UInt16
    /// True heading in degrees (511 not available).
    public var rawHeading: UInt16
    /// UTC second `0...63`.
    public var timeStamp: UInt8
    /// Reserved for regional applications, 2 bits.
    public var regional: UInt8
    /// Class B unit flag: true = carrier-sense (CS) unit, false = SOTDMA unit.
    public var carrierSense: Bool
    /// Class B display flag.
    public var display: Bool
    /// Class B DSC flag.
    public var dsc: Bool
    /// Class B band flag (can use the whole marine band).
    public var band: Bool
    /// Class B message 22 flag (frequency management via message 22).
    public var message22: Bool
    /// Mode flag: true = assigned mode.
    public var assigned: Bool
    /// RAIM flag.
    public var raim: Bool
    /// Communication state, 20 bits (selector + state).
    public var radioStatus: UInt32

    /// Fewest bits accepted: the standard's 168.
    public static let minimumBitCount = 168

    /// Decodes the fields in the order and widths of Table 70.
    @inline(__always) public init(_ r: BitReader) {
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        reserved = r.u8(38, 8)
        rawSOG = r.u16(46, 10)
        positionAccuracy = r.bool(56)
        rawLongitude = r.i32(57, 28)
        rawLatitude = r.i32(85, 27)
        rawCOG = r.u16(112, 12)
        rawHeading = r.u16(124, 9)
        timeStamp = r.u8(133, 6)
        regional = r.u8(139, 2)
        carrierSense = r.bool(141)
        display = r.bool(142)
        dsc = r.bool(143)
        band = r.bool(144)
        message22 = r.bool(145)
        assigned = r.bool(146)
        raim = r.bool(147)
        radioStatus = r.u32(148, 20)
    }

    /// Longitude in degrees, nil when not available.
    public var longitude: Double? { AISScaling.longitude(tenThousandthsOfMinute: rawLongitude) }
    /// Latitude in degrees, nil when not available.
    public var latitude: Double? { AISScaling.latitude(tenThousandthsOfMinute: rawLatitude) }
    /// SOG in knots, nil when not available.
    public var sog: Double? { AISScaling.speed(tenthsOfKnot: rawSOG) }
    /// COG in degrees, nil when not available.
    public var cog: Double? { AISScaling.course(tenthsOfDegree: rawCOG) }
    /// True heading in degrees, nil when not available.
    public var trueHeading: Int? { AISScaling.heading(rawHeading) }
}
