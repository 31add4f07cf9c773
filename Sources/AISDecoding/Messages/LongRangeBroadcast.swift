/// Message type 27: position report for long-range applications, received by satellite
/// (ITU-R M.1371-5, Annex 8 §3.24, Table 84). 96 bits. Coarser than type 1: position in
/// 1/10 minute, SOG and COG in whole knots and degrees.
public struct LongRangeBroadcast: Sendable, Equatable {
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI).
    public var mmsi: UInt32
    /// Position accuracy flag.
    public var positionAccuracy: Bool
    /// RAIM flag.
    public var raim: Bool
    /// Navigational status `0...15`.
    public var navigationalStatus: UInt8
    /// Longitude in 1/10 minute (181° = 108,600 not available), 18 bits.
    public var rawLongitude: Int32
    /// Latitude in 1/10 minute (91° = 54,600 not available), 17 bits.
    public var rawLatitude: Int32
    /// SOG in knots `0...62`, 63 not available.
    public var rawSOG: UInt8
    /// COG in degrees `0...359`, 511 not available.
    public var rawCOG: UInt16
    /// Position latency: false = reported position latency < 5 s, true = > 5 s (not current GNSS).
    public var positionLatency: Bool

    /// Fewest bits accepted: the standard's 96.
    public static let minimumBitCount = 96

    /// Decodes the fields in the order and widths of Table 84.
    public init(_ r: BitReader) {
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        positionAccuracy = r.bool(38)
        raim = r.bool(39)
        navigationalStatus = r.u8(40, 4)
        rawLongitude = r.i32(44, 18)
        rawLatitude = r.i32(62, 17)
        rawSOG = r.u8(79, 6)
        rawCOG = r.u16(85, 9)
        positionLatency = r.bool(94)
        // 95: spare
    }

    /// Longitude in degrees, nil when not available.
    public var longitude: Double? { rawLongitude == 108_600 || abs(rawLongitude) > 108_000 ? nil : Double(rawLongitude) / 600 }
    /// Latitude in degrees, nil when not available.
    public var latitude: Double? { rawLatitude == 54_600 || abs(rawLatitude) > 54_000 ? nil : Double(rawLatitude) / 600 }
    /// SOG in knots, nil when not available.
    public var sog: Double? { rawSOG >= 63 ? nil : Double(rawSOG) }
    /// COG in degrees, nil when not available.
    public var cog: Double? { rawCOG >= 360 ? nil : Double(rawCOG) }
}
