/// Message type 24: static data report, sent by Class B units in two parts (ITU-R M.1371-5,
/// Annex 8 §3.21, Tables 78 and 79). Part A carries the name; part B the type, vendor, call
/// sign and dimensions (or the mother ship's MMSI for an auxiliary craft, `98MIDxxxx`).
public struct StaticDataReport: Sendable, Equatable {
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI).
    public var mmsi: UInt32
    /// The part and its content.
    public var part: Part

    /// The two parts of message 24.
    public enum Part: Sendable, Equatable {
        /// Part A (part number 0): the ship name.
        case a(shipName: SixBitText)
        /// Part B (part number 1).
        case b(PartB)
    }

    /// Fields of part B (Table 79).
    public struct PartB: Sendable, Equatable {
        /// Type of ship and cargo, Table 53.
        public var shipType: UInt8
        /// Vendor ID: manufacturer's three-character mnemonic (bits 48–65).
        public var vendorID: SixBitText
        /// Unit model code `0...15` (bits 66–69).
        public var unitModel: UInt8
        /// Unit serial number `0...1,048,575` (bits 70–89).
        public var serialNumber: UInt32
        /// Call sign, 7 characters.
        public var callSign: SixBitText
        /// Distance to bow, metres (ship) — zero when ``motherShipMMSI`` is set.
        public var toBow: UInt16
        /// Distance to stern, metres.
        public var toStern: UInt16
        /// Distance to port side, metres.
        public var toPort: UInt8
        /// Distance to starboard side, metres.
        public var toStarboard: UInt8
        /// The mother ship's MMSI when the sender is an auxiliary craft (`98MIDxxxx`): the same
        /// 30 bits as the dimension fields.
        public var motherShipMMSI: UInt32?
    }

    /// Part A is 160 bits in the standard; many transmitters send 168 (gpsd accepts both, noting
    /// the 168-bit form in the wild). Part B is 168 bits.
    public static let minimumBitCount = 160

    /// Decodes part A or B by the part number at bits 38–39. Part numbers 2 and 3 are undefined;
    /// nil then.
    public init?(_ r: BitReader) {
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        switch r.uint(38, 2) {
        case 0:
            part = .a(shipName: r.text(40, characters: 20))
        case 1:
            let auxiliary = mmsi / 10_000_000 == 98
            part = .b(
                PartB(
                    shipType: r.u8(40, 8), vendorID: r.text(48, characters: 3), unitModel: r.u8(66, 4),
                    serialNumber: r.u32(70, 20), callSign: r.text(90, characters: 7),
                    toBow: auxiliary ? 0 : r.u16(132, 9), toStern: auxiliary ? 0 : r.u16(141, 9),
                    toPort: auxiliary ? 0 : r.u8(150, 6), toStarboard: auxiliary ? 0 : r.u8(156, 6),
                    motherShipMMSI: auxiliary ? r.u32(132, 30) : nil))
        // 162–167: spare
        default:
            return nil
        }
    }
}
