/// A message that can be written back to the bits of its ITU-R M.1371-5 table: types 1, 2, 3
/// (``PositionReportClassA``), 5 (``StaticAndVoyageData``), 18 (``ClassBPositionReport``),
/// 19 (``ExtendedClassBPositionReport``) and 24 (``StaticDataReport``).
///
/// Each conformance writes the same fields at the same start bits and widths as the decoder's
/// `init(_ r: BitReader)` reads them, in the same order, so the two tables can be compared line by
/// line; spare bits are written as zero.
public protocol AISEncodableMessage: Sendable {
    /// The number of bits this message is sent with (168 for type 1, 424 for type 5 …).
    var encodedBitCount: Int { get }
    /// Writes every field at its start bit and width.
    func write(into writer: inout BitWriter)
}

extension AISEncodableMessage {
    /// The message's bits.
    public var payloadBits: BitWriter {
        var w = BitWriter(bitCount: encodedBitCount)
        write(into: &w)
        return w
    }

    /// The message's bits in six-bit armour, ready for ``NMEASentenceEncoder``.
    public var armouredPayload: ArmouredPayload { ArmouredPayload(payloadBits) }
}

extension AISMessage {
    /// The armoured payload of a message of an encodable type (1, 2, 3, 5, 18, 19, 24); nil for
    /// the others.
    public var armouredPayload: ArmouredPayload? {
        switch self {
        case .positionReport(let m): m.armouredPayload
        case .staticAndVoyageData(let m): m.armouredPayload
        case .classBPositionReport(let m): m.armouredPayload
        case .extendedClassBPositionReport(let m): m.armouredPayload
        case .staticDataReport(let m): m.armouredPayload
        default: nil
        }
    }
}
