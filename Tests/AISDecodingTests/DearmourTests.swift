@testable import AISDecoding
import Testing

/// The vector de-armouring and checksum against the rule written out one character and one byte
/// at a time (ITU-R M.1371-5 Annex 8: code − 48, less 8 more above 40; valid `0`–`W` and
/// `` ` ``–`w`. IEC 61162-1: the checksum is the XOR of the bytes between `!` and `*`).
@Suite struct DearmourTests {
    /// A deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let alphabet: [UInt8] = Array(48...87) + Array(96...119)

    /// The bits of `chars` one by one, packed big-endian; nil when a character is outside the alphabet.
    static func reference(_ chars: [UInt8]) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: (chars.count * 6 + 7) / 8)
        for (k, c) in chars.enumerated() {
            let value: Int
            switch c {
            case 48...87: value = Int(c) - 48
            case 96...119: value = Int(c) - 56
            default: return nil
            }
            for b in 0..<6 where (value >> (5 - b)) & 1 == 1 {
                let bit = k * 6 + b
                out[bit / 8] |= UInt8(0x80 >> (bit % 8))
            }
        }
        return out
    }

    /// Runs `dearmour` on `chars` followed by `slack` more bytes of `padding` (readable past the end).
    static func dearmoured(_ chars: [UInt8], readable: Int, padding: UInt8) -> (Bool, [UInt8]) {
        let input = chars + [UInt8](repeating: padding, count: max(readable - chars.count, 0) + 16)
        var out = [UInt8](repeating: 0xAA, count: PayloadBufferLayout.allocationBytes)
        let ok = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in dearmour(i.baseAddress!, count: chars.count, readable: readable, into: o.baseAddress!) }
        }
        return (ok, Array(out.prefix((chars.count * 6 + 7) / 8)))
    }

    @Test func validPayloadsMatchTheRuleAtEveryLength() {
        var mix = Mix(state: 1)
        for length in 1...200 {
            for _ in 0..<20 {
                let chars = (0..<length).map { _ in Self.alphabet[mix.below(Self.alphabet.count)] }
                let expected = Self.reference(chars)!
                // Readable: the payload alone, the payload and the `,0*hh` after it, or plenty.
                for readable in [0, length, length + 5, length + 16] {
                    // The bytes past the payload are garbage ("*" and "w") that must not leak in.
                    for padding: UInt8 in [42, 119] {
                        let (ok, bits) = Self.dearmoured(chars, readable: readable, padding: padding)
                        #expect(ok, "length \(length) readable \(readable)")
                        // The last byte's fill bits are not compared: the decoder clears them.
                        let whole = length * 6 / 8
                        #expect(Array(bits.prefix(whole)) == Array(expected.prefix(whole)), "length \(length) readable \(readable)")
                        if length * 6 % 8 != 0 {
                            let keep = UInt8(truncatingIfNeeded: 0xFF << (8 - length * 6 % 8))
                            #expect(bits[whole] & keep == expected[whole] & keep, "length \(length) readable \(readable)")
                        }
                    }
                }
            }
        }
    }

    @Test func oneBadCharacterAnywhereIsReported() {
        var mix = Mix(state: 2)
        // Every byte outside the alphabet: below "0", between "W" and "`", above "w", and ≥ 128.
        let bad: [UInt8] = Array(0...47) + Array(88...95) + Array(120...255)
        for length in 1...70 {
            for position in 0..<length {
                var chars = (0..<length).map { _ in Self.alphabet[mix.below(Self.alphabet.count)] }
                chars[position] = bad[mix.below(bad.count)]
                for readable in [0, length + 16] {
                    #expect(!Self.dearmoured(chars, readable: readable, padding: 48).0, "byte \(chars[position]) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func checksumIsTheXorOfEveryByte() {
        var mix = Mix(state: 3)
        for length in 0...120 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: mix.next()) }
            let expected = bytes.reduce(UInt8(0), ^)
            let got = bytes.withUnsafeBufferPointer { checksum($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: length) }
            #expect(got == expected, "length \(length)")
        }
    }
}
