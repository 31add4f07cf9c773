/// A message whose type Capwatch recognises but does not decode field by field (6, 7, 8, 10,
/// 12–17, 20, 22, 23, 25, 26 and reserved types). Its header and the payload bits are kept so a
/// caller can decode it later.
public struct UnsupportedMessage: Sendable, Equatable {
    /// Message type `0...63`.
    public var messageType: Int
    /// Repeat indicator `0...3`.
    public var repeatIndicator: UInt8
    /// User ID (MMSI).
    public var mmsi: UInt32
    /// The payload bits packed big-endian, `(bitCount + 7) / 8` bytes.
    public var bits: [UInt8]
    /// Number of payload bits.
    public var bitCount: Int

    /// Copies the header and bits out of a reader.
    public init(_ r: BitReader) {
        messageType = Int(r.uint(0, 6))
        repeatIndicator = r.u8(6, 2)
        mmsi = r.u32(8, 30)
        bitCount = r.bitCount
        bits = Array(UnsafeBufferPointer(start: r.base, count: (r.bitCount + 7) / 8))
    }

    /// The payload re-armoured as six-bit characters (with the fill bits it needs).
    public var armouredPayload: (payload: String, fillBits: Int) {
        let chars = (bitCount + 5) / 6
        var out = [UInt8]()
        out.reserveCapacity(chars)
        for i in 0..<chars {
            var v = 0
            for b in 0..<6 {
                let bit = i * 6 + b
                let set = bit < bitCount && (bits[bit >> 3] >> (7 - UInt8(bit & 7))) & 1 == 1
                v = v << 1 | (set ? 1 : 0)
            }
            out.append(UInt8(v < 40 ? v + 48 : v + 56))
        }
        return (String(decoding: out, as: UTF8.self), chars * 6 - bitCount)
    }
}
