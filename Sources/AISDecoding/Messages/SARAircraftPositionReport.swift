/// Message type 9: standard search-and-rescue aircraft position report (ITU-R M.1371-5,
/// Annex 8 §3.7, Table 60). 168 bits.
public struct SARAircraftPositionReport: Sendable, Equatable {
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI), `111MIDxxx` for SAR aircraft.
    public var mmsi: UInt32
    /// Altitude (GNSS) in metres `0...4094`; 4095 not available, 4094 means ≥ 4094 m.
    public var altitude: UInt16
    /// SOG in whole knots `0...1022`; 1023 not available, 1022 means ≥ 1022 kn.
    public var rawSOG: UInt16
    /// Position accuracy flag.
    public var positionAccuracy: Bool
    /// Longitude in 1/10,000 minute.
    public var rawLongitude: Int32
    /// Latitude in 1/10,000 minute.
    public var rawLatitude: Int32
    /// COG in 1/10 degree (3600 not available).
    public var rawCOG: UInt16
    /// UTC second `0...63`.
    public var timeStamp: UInt8
    /// Altitude sensor / regional reserved, 8 bits.
    public var regional: UInt8
    /// DTE flag.
    public var dte: Bool
    /// Assigned-mode flag.
    public var assigned: Bool
    /// RAIM flag.
    public var raim: Bool
    /// Communication state, 20 bits (selector + SOTDMA/ITDMA state).
    public var radioStatus: UInt32

    /// Fewest bits accepted: the standard's 168.
    public static let minimumBitCount = 168

    /// Decodes the fields in the order and widths of Table 60.
    public init(_ r: BitReader) {
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        altitude = r.u16(38, 12)
        rawSOG = r.u16(50, 10)
        positionAccuracy = r.bool(60)
        rawLongitude = r.i32(61, 28)
        rawLatitude = r.i32(89, 27)
        rawCOG = r.u16(116, 12)
        timeStamp = r.u8(128, 6)
        regional = r.u8(134, 8)
        dte = r.bool(142)
        // 143–145: spare
        assigned = r.bool(146)
        raim = r.bool(147)
        radioStatus = r.u32(148, 20)
    }

    /// Longitude in degrees, nil when not available.
    public var longitude: Double? { AISScaling.longitude(tenThousandthsOfMinute: rawLongitude) }
    /// Latitude in degrees, nil when not available.
    public var latitude: Double? { AISScaling.latitude(tenThousandthsOfMinute: rawLatitude) }
    /// SOG in knots (1-knot resolution for aircraft), nil when not available.
    public var sog: Double? { rawSOG >= 1023 ? nil : Double(rawSOG) }
    /// COG in degrees, nil when not available.
    public var cog: Double? { AISScaling.course(tenthsOfDegree: rawCOG) }
}
