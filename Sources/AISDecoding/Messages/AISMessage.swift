/// A decoded AIS message of one of the supported types, or the recognised payload of another.
public enum AISMessage: Sendable, Equatable {
    /// Types 1, 2, 3.
    case positionReport(PositionReportClassA)
    /// Types 4 and 11.
    case baseStationReport(BaseStationReport)
    /// Type 5.
    case staticAndVoyageData(StaticAndVoyageData)
    /// Type 9.
    case sarAircraftPositionReport(SARAircraftPositionReport)
    /// Type 18.
    case classBPositionReport(ClassBPositionReport)
    /// Type 19.
    case extendedClassBPositionReport(ExtendedClassBPositionReport)
    /// Type 21.
    case aidToNavigationReport(AidToNavigationReport)
    /// Type 24, part A or B.
    case staticDataReport(StaticDataReport)
    /// Type 27.
    case longRangeBroadcast(LongRangeBroadcast)
    /// Any other type: recognised and counted, its payload kept.
    case other(UnsupportedMessage)

    /// The message type `1...63` from the first six bits.
    public var messageType: Int {
        switch self {
        case .positionReport(let m): Int(m.messageType)
        case .baseStationReport(let m): Int(m.messageType)
        case .staticAndVoyageData: 5
        case .sarAircraftPositionReport: 9
        case .classBPositionReport: 18
        case .extendedClassBPositionReport: 19
        case .aidToNavigationReport: 21
        case .staticDataReport: 24
        case .longRangeBroadcast: 27
        case .other(let m): m.messageType
        }
    }

    /// The sender's MMSI (User ID, bits 8–37).
    public var mmsi: UInt32 {
        switch self {
        case .positionReport(let m): m.mmsi
        case .baseStationReport(let m): m.mmsi
        case .staticAndVoyageData(let m): m.mmsi
        case .sarAircraftPositionReport(let m): m.mmsi
        case .classBPositionReport(let m): m.mmsi
        case .extendedClassBPositionReport(let m): m.mmsi
        case .aidToNavigationReport(let m): m.mmsi
        case .staticDataReport(let m): m.mmsi
        case .longRangeBroadcast(let m): m.mmsi
        case .other(let m): m.mmsi
        }
    }

    /// Decodes a complete payload.
    /// - Returns: the message, or nil when the payload is shorter than its type's
    ///   `minimumBitCount` (the caller counts ``AISRejection/shortPayload``).
    @inline(__always) public static func decode(_ r: BitReader) -> AISMessage? {
        guard r.bitCount >= 38 else { return nil }
        let type = Int(r.uint(0, 6))
        switch type {
        case 1, 2, 3:
            guard r.bitCount >= PositionReportClassA.minimumBitCount else { return nil }
            return .positionReport(PositionReportClassA(r))
        case 4, 11:
            guard r.bitCount >= BaseStationReport.minimumBitCount else { return nil }
            return .baseStationReport(BaseStationReport(r))
        case 5:
            guard r.bitCount >= StaticAndVoyageData.minimumBitCount else { return nil }
            return .staticAndVoyageData(StaticAndVoyageData(r))
        case 9:
            guard r.bitCount >= SARAircraftPositionReport.minimumBitCount else { return nil }
            return .sarAircraftPositionReport(SARAircraftPositionReport(r))
        case 18:
            guard r.bitCount >= ClassBPositionReport.minimumBitCount else { return nil }
            return .classBPositionReport(ClassBPositionReport(r))
        case 19:
            guard r.bitCount >= ExtendedClassBPositionReport.minimumBitCount else { return nil }
            return .extendedClassBPositionReport(ExtendedClassBPositionReport(r))
        case 21:
            guard r.bitCount >= AidToNavigationReport.minimumBitCount else { return nil }
            return .aidToNavigationReport(AidToNavigationReport(r))
        case 24:
            guard r.bitCount >= StaticDataReport.minimumBitCount, let m = StaticDataReport(r) else { return nil }
            if case .b = m.part, r.bitCount < 162 { return nil }
            return .staticDataReport(m)
        case 27:
            guard r.bitCount >= LongRangeBroadcast.minimumBitCount else { return nil }
            return .longRangeBroadcast(LongRangeBroadcast(r))
        default:
            return .other(UnsupportedMessage(r))
        }
    }
}
