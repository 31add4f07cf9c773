extension JSONText {
    /// Appends the text Swift's `description` gives a finite `v`: the shortest decimal that reads
    /// back as `v` (`0.1`, `-5.516667`, `2.5333333333333332`, `1e-05`, `1e+16`, `100.0`).
    ///
    /// Values of 10⁻⁴ ≤ |v| < 10¹⁵ with a fraction and at most 15 significant digits (coordinates,
    /// kilometres to the metre, most parameters) are written here without a `String`; the others
    /// go through `description`.
    /// - Parameters:
    ///   - v: a finite number.
    ///   - out: the buffer; nothing is removed from it.
    public static func appendShortest(_ v: Double, to out: inout [UInt8]) {
        if !appendShortDecimal(v, to: &out) { out.append(contentsOf: v.description.utf8) }
    }

    /// 10⁰ … 10¹⁸, each exact in a `Double`.
    private static let powersOfTen: [Double] = (0...18).map { n in (0..<n).reduce(1.0) { p, _ in p * 10 } }

    /// Writes `v` as `[-]digits.digits` when it is non-integral, 10⁻⁴ ≤ |v| < 10¹⁵, and some decimal
    /// of at most 15 significant digits reads back as `v`; returns false (writing nothing) otherwise.
    ///
    /// Why this is `description`'s text: such a decimal, with `d` fraction digits chosen so that it
    /// has 15 significant digits, is `n / 10ᵈ` for the integer `n` nearest `|v| · 10ᵈ` (below 10¹⁵,
    /// so exact, and the product is off by far less than ½); `n / 10ᵈ` is correctly rounded, as when
    /// the text is read back, so comparing it with `|v|` is the round-trip test. Decimals `10⁻ᵈ`
    /// apart are more than four units in the last place of `v` apart, so at most one of them reads
    /// back as `v`: every shorter decimal that does is that one with its trailing zeros dropped, and
    /// Swift's shortest round-trip form (positional for 10⁻⁴ ≤ |v| < 2⁵³) is `n` with them dropped.
    private static func appendShortDecimal(_ v: Double, to out: inout [UInt8]) -> Bool {
        let a = v.magnitude
        guard a >= 1e-4, a < 1e15, a != a.rounded(.towardZero) else { return false }
        // Integer digits k (a < 10ᵏ); for a < 1, k = 0, −1, −2, −3 for 0.1…, 0.01…, 0.001…, 0.0001…
        var k: Int
        if a >= 1 {
            k = 1
            while k < 15, a >= powersOfTen[k] { k += 1 }
        } else {
            k = a >= 0.1 ? 0 : a >= 0.01 ? -1 : a >= 0.001 ? -2 : -3
        }
        var decimals = 15 - k
        guard decimals > 0 else { return false }
        let scale = powersOfTen[decimals]
        let scaled = (a * scale).rounded()
        guard scaled < 1e15, scaled / scale == a else { return false }
        var n = UInt64(scaled)
        while n % 10 == 0 {
            n /= 10
            decimals -= 1
        }
        // At most 1 sign + 15 digits + "0." + 3 zeros: right to left into 32 bytes of scratch.
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = raw.count
            for _ in 0..<decimals {
                i -= 1
                p[i] = UInt8(truncatingIfNeeded: n % 10) &+ 48
                n /= 10
            }
            i -= 1
            p[i] = UInt8(ascii: ".")
            repeat {
                i -= 1
                p[i] = UInt8(truncatingIfNeeded: n % 10) &+ 48
                n /= 10
            } while n > 0
            if v < 0 {
                i -= 1
                p[i] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: raw.count - i))
        }
        return true
    }
}
