/// Message type 5: Class A ship static and voyage related data (ITU-R M.1371-5, Annex 8 §3.3,
/// Table 52). 424 bits, usually in two sentences.
public struct StaticAndVoyageData: Sendable, Equatable {
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI).
    public var mmsi: UInt32
    /// AIS version indicator `0...3` (0 = ITU-R M.1371-1).
    public var aisVersion: UInt8
    /// IMO number as transmitted, 30 bits; 0 not available. Check digit not enforced here: see
    /// ``imoCheckDigitValid``.
    public var imoNumber: UInt32
    /// Call sign, 7 six-bit characters.
    public var callSign: SixBitText
    /// Ship name, 20 six-bit characters.
    public var shipName: SixBitText
    /// Type of ship and cargo, Table 53 (`80...89` tankers), 0 not available.
    public var shipType: UInt8
    /// Distance from the reference point to the bow, metres `0...511`.
    public var toBow: UInt16
    /// Distance to the stern, metres `0...511`.
    public var toStern: UInt16
    /// Distance to port side, metres `0...63`.
    public var toPort: UInt8
    /// Distance to starboard side, metres `0...63`.
    public var toStarboard: UInt8
    /// Type of electronic position fixing device, Table 50.
    public var epfd: UInt8
    /// ETA month `1...12`, 0 not available.
    public var etaMonth: UInt8
    /// ETA day `1...31`, 0 not available.
    public var etaDay: UInt8
    /// ETA hour `0...23`, 24 not available.
    public var etaHour: UInt8
    /// ETA minute `0...59`, 60 not available.
    public var etaMinute: UInt8
    /// Maximum present static draught in 1/10 m, 0 not available.
    public var rawDraught: UInt8
    /// Destination, 20 six-bit characters.
    public var destination: SixBitText
    /// Data terminal equipment flag: false = available.
    public var dte: Bool

    /// Fewest bits accepted. The standard's 424; gpsd notes transmitters that send 420 or 422 bits
    /// (the spare and DTE bits dropped), so anything down to the end of the destination field
    /// (bit 422) minus one padding character is accepted and missing bits read as zero.
    public static let minimumBitCount = 416

    /// Decodes the fields in the order and widths of Table 52.
    public init(_ r: BitReader) {
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        aisVersion = r.u8(38, 2)
        imoNumber = r.u32(40, 30)
        callSign = r.text(70, characters: 7)
        shipName = r.text(112, characters: 20)
        shipType = r.u8(232, 8)
        toBow = r.u16(240, 9)
        toStern = r.u16(249, 9)
        toPort = r.u8(258, 6)
        toStarboard = r.u8(264, 6)
        epfd = r.u8(270, 4)
        etaMonth = r.u8(274, 4)
        etaDay = r.u8(278, 5)
        etaHour = r.u8(283, 5)
        etaMinute = r.u8(288, 6)
        rawDraught = r.u8(294, 8)
        destination = r.text(302, characters: 20)
        dte = r.bool(422)
        // 423: spare
    }

    /// Draught in metres, nil when not available.
    public var draught: Double? { AISScaling.draught(tenthsOfMetre: rawDraught) }
    /// Overall length in metres (bow + stern), nil when both are zero.
    public var length: Int? { toBow + toStern == 0 ? nil : Int(toBow) + Int(toStern) }
    /// Overall beam in metres (port + starboard), nil when both are zero.
    public var beam: Int? { Int(toPort) + Int(toStarboard) == 0 ? nil : Int(toPort) + Int(toStarboard) }
    /// The IMO number when it is a seven-digit number (0 and larger values mean not available).
    public var imo: Int? { imoNumber >= 1_000_000 && imoNumber <= 9_999_999 ? Int(imoNumber) : nil }
    /// True when ``imo`` is present and its last digit is the IMO check digit (IMO resolution
    /// A.1117(30)); false when present and wrong; nil when there is no IMO number. Flagged, not dropped.
    public var imoCheckDigitValid: Bool? {
        guard let imo else { return nil }
        var n = imo / 10
        var sum = 0
        for weight in 2...7 {
            sum += (n % 10) * weight
            n /= 10
        }
        return sum % 10 == imo % 10
    }
}
