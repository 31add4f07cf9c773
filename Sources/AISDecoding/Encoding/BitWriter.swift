/// Writes big-endian bit fields into an AIS payload by start bit and width: the mirror of
/// ``BitReader``, so that an encoder's field table can be held line by line against the decoder's
/// (and against the ITU-R M.1371-5 message tables, "Parameter, number of bits" in order from 0).
///
/// Values wider than their field are truncated to the field's low bits, as a transmitter would;
/// signed values are written in two's complement.
public struct BitWriter: Sendable {
    /// The bits, packed big-endian from bit 0; `(bitCount + 7) / 8` bytes, unused bits zero.
    public private(set) var bytes: [UInt8]
    /// The payload length in bits.
    public let bitCount: Int

    /// A payload of `bitCount` zero bits.
    /// - Parameter bitCount: the message length in bits (168 for type 1, 424 for type 5 …), ≥ 0.
    public init(bitCount: Int) {
        self.bitCount = max(0, bitCount)
        bytes = [UInt8](repeating: 0, count: (self.bitCount + 7) / 8)
    }

    /// Writes the low `width` bits (1…64) of `value` at bit `start`. Bits past ``bitCount`` are dropped.
    public mutating func uint(_ value: UInt64, _ start: Int, _ width: Int) {
        precondition(width >= 1 && width <= 64 && start >= 0, "field out of range")
        for k in 0..<width {
            let bit = start + k
            guard bit < bitCount else { return }
            let set = (value >> UInt64(width - 1 - k)) & 1 == 1
            let mask = UInt8(0x80) >> UInt8(bit & 7)
            if set { bytes[bit >> 3] |= mask } else { bytes[bit >> 3] &= ~mask }
        }
    }

    /// Writes `value` as a two's-complement field of `width` bits at `start`.
    public mutating func int(_ value: Int64, _ start: Int, _ width: Int) { uint(UInt64(bitPattern: value), start, width) }

    /// Writes a one-bit flag at `start`.
    public mutating func bool(_ value: Bool, _ start: Int) { uint(value ? 1 : 0, start, 1) }

    /// Writes `characters` six-bit characters (ITU-R M.1371-5 Table 47) at `start`: the codes of
    /// `text`, then `@` (code 0, the standard's padding) for any character `text` does not carry.
    public mutating func text(_ text: SixBitText, _ start: Int, characters: Int) {
        for i in 0..<characters {
            uint(UInt64(i < Int(text.count) ? text.code(at: i) : 0), start + i * 6, 6)
        }
    }

    /// Calls `body` with a ``BitReader`` over the written bits (zero-padded as the reader requires).
    public func withReader<R>(_ body: (BitReader) throws -> R) rethrows -> R {
        let padded = bytes + [UInt8](repeating: 0, count: 80)
        return try padded.withUnsafeBufferPointer { try body(BitReader(base: $0.baseAddress!, bitCount: bitCount)) }
    }
}
