/// Message type 4 (base station report) and 11 (UTC/date response): UTC date and time and the
/// station's position (ITU-R M.1371-5, Annex 8 §3.3, Table 48). 168 bits.
public struct BaseStationReport: Sendable, Equatable {
    /// 4 or 11.
    public var messageType: UInt8
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI) of the base station (or responding mobile for type 11).
    public var mmsi: UInt32
    /// UTC year `1...9999`, 0 not available.
    public var year: UInt16
    /// UTC month `1...12`, 0 not available.
    public var month: UInt8
    /// UTC day `1...31`, 0 not available.
    public var day: UInt8
    /// UTC hour `0...23`, 24 not available.
    public var hour: UInt8
    /// UTC minute `0...59`, 60 not available.
    public var minute: UInt8
    /// UTC second `0...59`, 60 not available.
    public var second: UInt8
    /// Position accuracy flag.
    public var positionAccuracy: Bool
    /// Longitude in 1/10,000 minute.
    public var rawLongitude: Int32
    /// Latitude in 1/10,000 minute.
    public var rawLatitude: Int32
    /// Type of electronic position fixing device (Table 50), `0...15`.
    public var epfd: UInt8
    /// RAIM flag.
    public var raim: Bool
    /// SOTDMA communication state, 19 bits.
    public var radioStatus: UInt32

    /// Fewest bits accepted: the standard's 168.
    public static let minimumBitCount = 168

    /// Decodes the fields in the order and widths of Table 48.
    @inline(__always) public init(_ r: BitReader) {
        messageType = r.u8(0, 6)
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        year = r.u16(38, 14)
        month = r.u8(52, 4)
        day = r.u8(56, 5)
        hour = r.u8(61, 5)
        minute = r.u8(66, 6)
        second = r.u8(72, 6)
        positionAccuracy = r.bool(78)
        rawLongitude = r.i32(79, 28)
        rawLatitude = r.i32(107, 27)
        epfd = r.u8(134, 4)
        // 138–147: spare (transmission control for long-range broadcast, spare)
        raim = r.bool(148)
        radioStatus = r.u32(149, 19)
    }

    /// Longitude in degrees, nil when not available.
    public var longitude: Double? { AISScaling.longitude(tenThousandthsOfMinute: rawLongitude) }
    /// Latitude in degrees, nil when not available.
    public var latitude: Double? { AISScaling.latitude(tenThousandthsOfMinute: rawLatitude) }

    /// The reported UTC instant as seconds since 1970, or nil when any field is "not available" or
    /// out of range (year 0, month 0, hour 24, minute 60, second 60 …).
    public var utcSecondsSince1970: Int64? {
        guard year >= 1970, year <= 9999, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(Int(year), Int(month), Int(day))
        return Int64(days) * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}
