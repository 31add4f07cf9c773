/// Message type 21: aids-to-navigation report (ITU-R M.1371-5, Annex 8 §3.18, Table 74).
/// 272 bits plus an optional name extension of up to 88 bits (14 characters).
public struct AidToNavigationReport: Sendable, Equatable {
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// ID (MMSI), `99MIDxxxx` for AtoN.
    public var mmsi: UInt32
    /// Type of aid to navigation `0...31` (Table 75).
    public var aidType: UInt8
    /// Name, 20 six-bit characters.
    public var name: SixBitText
    /// Position accuracy flag.
    public var positionAccuracy: Bool
    /// Longitude in 1/10,000 minute.
    public var rawLongitude: Int32
    /// Latitude in 1/10,000 minute.
    public var rawLatitude: Int32
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
    /// UTC second `0...63`.
    public var timeStamp: UInt8
    /// Off-position indicator (valid only when ``timeStamp`` ≤ 59).
    public var offPosition: Bool
    /// Reserved for regional applications, 8 bits.
    public var regional: UInt8
    /// RAIM flag.
    public var raim: Bool
    /// Virtual AtoN flag.
    public var virtualAid: Bool
    /// Assigned-mode flag.
    public var assigned: Bool
    /// Name extension, `(bitCount − 272) / 6` characters, at most 14.
    public var nameExtension: SixBitText

    /// Fewest bits accepted: the standard's 272.
    public static let minimumBitCount = 272

    /// Decodes the fields in the order and widths of Table 74.
    public init(_ r: BitReader) {
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        aidType = r.u8(38, 5)
        name = r.text(43, characters: 20)
        positionAccuracy = r.bool(163)
        rawLongitude = r.i32(164, 28)
        rawLatitude = r.i32(192, 27)
        toBow = r.u16(219, 9)
        toStern = r.u16(228, 9)
        toPort = r.u8(237, 6)
        toStarboard = r.u8(243, 6)
        epfd = r.u8(249, 4)
        timeStamp = r.u8(253, 6)
        offPosition = r.bool(259)
        regional = r.u8(260, 8)
        raim = r.bool(268)
        virtualAid = r.bool(269)
        assigned = r.bool(270)
        // 271: spare
        nameExtension = r.text(272, characters: min(14, max(0, (r.bitCount - 272) / 6)))
    }

    /// Longitude in degrees, nil when not available.
    public var longitude: Double? { AISScaling.longitude(tenThousandthsOfMinute: rawLongitude) }
    /// Latitude in degrees, nil when not available.
    public var latitude: Double? { AISScaling.latitude(tenThousandthsOfMinute: rawLatitude) }
    /// The name with its extension appended.
    public var fullName: String { name.string + nameExtension.string }
}
