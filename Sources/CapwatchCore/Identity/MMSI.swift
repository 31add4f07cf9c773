/// A Maritime Mobile Service Identity: the 30-bit station identifier every AIS message carries.
///
/// Any value in `0...999_999_999` is representable, because real feeds carry malformed
/// identities that an analyst must still see. ``kind`` classifies it by the ITU-R M.585
/// numbering plan and ``mid`` extracts the Maritime Identification Digits (the flag).
public struct MMSI: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The nine-digit number, `0...999_999_999` (the AIS field is 30 bits wide).
    public let rawValue: UInt32

    /// Wraps a number. Returns nil above 999,999,999, which no AIS field can hold in nine digits.
    public init?(rawValue: UInt32) {
        guard rawValue <= 999_999_999 else { return nil }
        self.rawValue = rawValue
    }

    /// Wraps a number known to be in range (an AIS 30-bit field is at most 1,073,741,823:
    /// values above nine digits are clamped to nil by ``init(rawValue:)``).
    public init?(_ value: Int) {
        guard value >= 0, value <= 999_999_999 else { return nil }
        self.rawValue = UInt32(value)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: MMSI, rhs: MMSI) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The station category under ITU-R M.585-9 Annex 1.
    public enum Kind: String, Sendable, Codable {
        /// `MIDxxxxxx`: a ship station.
        case ship
        /// `0MIDxxxxx`: a group of ship stations.
        case group
        /// `00MIDxxxx`: a coast (base) station.
        case coastStation
        /// `111MIDxxx`: a search-and-rescue aircraft.
        case sarAircraft
        /// `99MIDxxxx`: an aid to navigation.
        case aidToNavigation
        /// `98MIDxxxx`: a craft associated with a parent ship.
        case auxiliaryCraft
        /// `970xxxxxx` SART, `972xxxxxx` MOB, `974xxxxxx` EPIRB-AIS.
        case distressDevice
        /// `8MIDxxxxx`: a hand-held VHF transceiver.
        case handheld
        /// Anything else, including numbers with fewer than nine significant digits.
        case invalid
    }

    /// The category of station this number denotes (ITU-R M.585-9 Annex 1).
    public var kind: Kind {
        let v = rawValue
        switch v {
        case 970_000_000...979_999_999: return .distressDevice
        case 990_000_000...999_999_999: return .aidToNavigation
        case 980_000_000...989_999_999: return .auxiliaryCraft
        case 111_000_000...111_999_999: return .sarAircraft
        case 800_000_000...899_999_999: return .handheld
        case 200_000_000...799_999_999: return .ship
        case 2_000_000...7_999_999: return .coastStation
        case 20_000_000...79_999_999: return .group
        default: return .invalid
        }
    }

    /// The Maritime Identification Digits (ITU-R M.585, Appendix 43 of the Radio Regulations), which
    /// name the flag state: 445 is the Democratic People's Republic of Korea. Nil when ``kind`` is
    /// ``Kind/invalid`` or a distress device (whose digits are a manufacturer code).
    public var mid: Int? {
        let v = Int(rawValue)
        switch kind {
        case .ship: return v / 1_000_000
        case .group: return v / 100_000
        case .coastStation: return v / 10_000
        case .sarAircraft: return (v / 1_000) % 1_000
        case .aidToNavigation, .auxiliaryCraft: return (v / 10_000) % 1_000
        case .handheld: return (v / 100_000) % 1_000
        case .distressDevice, .invalid: return nil
        }
    }
}

extension MMSI: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(UInt32.self)
        guard let mmsi = MMSI(rawValue: value) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "MMSI \(value) has more than nine digits")
        }
        self = mmsi
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
