/// Message type 19: extended Class B equipment position report, with name, type and dimensions
/// (ITU-R M.1371-5, Annex 8 §3.16, Table 71). 312 bits.
public struct ExtendedClassBPositionReport: Sendable, Equatable {
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
    /// Reserved for regional applications, 4 bits.
    public var regional: UInt8
    /// Ship name, 20 six-bit characters.
    public var shipName: SixBitText
    /// Type of ship and cargo, Table 53.
    public var shipType: UInt8
    /// Distance to bow, metres.
    public var toBow: UInt16
    /// Distance to stern, metres.
    public var toStern: UInt16
    /// Distance to port side, metres.
    public var toPort: UInt8
    /// Distance to starboard side, metres.
    public var toStarboard: UInt8
    /// Type of electronic position fixing device, Table 50.
    public var epfd: UInt8
    /// RAIM flag.
    public var raim: Bool
    /// DTE flag.
    public var dte: Bool
    /// Mode flag: true = assigned mode.
    public var assigned: Bool

    /// Fewest bits accepted: the standard's 312.
    public static let minimumBitCount = 312

    /// Decodes the fields in the order and widths of Table 71.
    public init(_ r: BitReader) {
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
        regional = r.u8(139, 4)
        shipName = r.text(143, characters: 20)
        shipType = r.u8(263, 8)
        toBow = r.u16(271, 9)
        toStern = r.u16(280, 9)
        toPort = r.u8(289, 6)
        toStarboard = r.u8(295, 6)
        epfd = r.u8(301, 4)
        raim = r.bool(305)
        dte = r.bool(306)
        assigned = r.bool(307)
        // 308–311: spare
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
