/// Message types 1, 2 and 3: the Class A position report (ITU-R M.1371-5, Annex 8 §3.1, Table 45).
///
/// Raw fields keep the transmitted integers; computed properties give units, with "not
/// available" as nil. 168 bits.
public struct PositionReportClassA: Sendable, Equatable {
    /// 1 (scheduled), 2 (assigned scheduled) or 3 (special, in response to interrogation).
    public var messageType: UInt8
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI), 30 bits.
    public var mmsi: UInt32
    /// Navigational status `0...15` (Table 45: 0 under way using engine, 1 at anchor, 5 moored, 15 undefined).
    public var navigationalStatus: UInt8
    /// Rate of turn indicator ROT_AIS, `-128...127` (−128 not available).
    public var rawRateOfTurn: Int8
    /// SOG in 1/10 knot, `0...1023` (1023 not available).
    public var rawSOG: UInt16
    /// Position accuracy flag: true = high (≤ 10 m).
    public var positionAccuracy: Bool
    /// Longitude in 1/10,000 minute (181° = 108,600,000 not available).
    public var rawLongitude: Int32
    /// Latitude in 1/10,000 minute (91° = 54,600,000 not available).
    public var rawLatitude: Int32
    /// COG in 1/10 degree, `0...4095` (3600 not available).
    public var rawCOG: UInt16
    /// True heading in degrees, `0...511` (511 not available).
    public var rawHeading: UInt16
    /// UTC second of the report `0...63` (60 not available, 61–63 positioning-system states).
    public var timeStamp: UInt8
    /// Special manoeuvre indicator `0...2`.
    public var specialManoeuvre: UInt8
    /// RAIM flag.
    public var raim: Bool
    /// Communication state (SOTDMA/ITDMA), 19 bits.
    public var radioStatus: UInt32

    /// Fewest bits accepted. The standard says 168; real transmitters send exactly that, and gpsd
    /// and pyais both require the position fields, which end at bit 137.
    public static let minimumBitCount = 149

    /// Decodes the fields in the order and widths of Table 45.
    @inline(__always) public init(_ r: BitReader) {
        messageType = r.u8(0, 6)
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        navigationalStatus = r.u8(38, 4)
        rawRateOfTurn = Int8(truncatingIfNeeded: r.int(42, 8))
        rawSOG = r.u16(50, 10)
        positionAccuracy = r.bool(60)
        rawLongitude = r.i32(61, 28)
        rawLatitude = r.i32(89, 27)
        rawCOG = r.u16(116, 12)
        rawHeading = r.u16(128, 9)
        timeStamp = r.u8(137, 6)
        specialManoeuvre = r.u8(143, 2)
        // 145–147: spare
        raim = r.bool(148)
        radioStatus = r.u32(149, 19)
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
    /// Rate of turn in degrees per minute, nil when not available or unquantified.
    public var rateOfTurn: Double? { AISScaling.rateOfTurn(indicator: rawRateOfTurn) }
}
