/// An AIS payload in six-bit armour (IEC 61162-1 §8.3.9, ITU-R M.1371-5 Annex 8): the text that
/// goes into the payload field of `!AIVDM` sentences, and the fill bits added to its last character.
public struct ArmouredPayload: Hashable, Sendable {
    /// The armoured characters, `0`–`W` and `` ` ``–`w`.
    public var characters: String
    /// Fill bits added to reach a whole number of characters, `0...5`.
    public var fillBits: Int

    /// Armours the bits of a writer: each six bits become one character (value + 48, + 8 more
    /// above 39), the last one padded with zero fill bits.
    /// - Parameter bits: the payload.
    public init(_ bits: BitWriter) {
        let count = (bits.bitCount + 5) / 6
        var out = [UInt8]()
        out.reserveCapacity(count)
        for i in 0..<count {
            var v: UInt8 = 0
            for b in 0..<6 {
                let bit = i * 6 + b
                let set = bit < bits.bitCount && (bits.bytes[bit >> 3] >> (7 - UInt8(bit & 7))) & 1 == 1
                v = v << 1 | (set ? 1 : 0)
            }
            out.append(v < 40 ? v + 48 : v + 56)
        }
        characters = String(decoding: out, as: UTF8.self)
        fillBits = count * 6 - bits.bitCount
    }
}
