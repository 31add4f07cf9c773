import CapwatchCore

/// Allocation-free parsing of CSV cell bytes (ASCII numbers, fixed-format times).
enum ByteParsing {
    /// The exact power of ten 10^`e` as a Double, `e` in 0...22 (all exactly representable:
    /// 10^22 = 2^22 · 5^22 and 5^22 < 2^53). A switch of literals rather than a lazily built table,
    /// so the hot path has no initialisation check or bounds check.
    @inline(__always)
    private static func powerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: 1
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// The cell without leading and trailing blanks (space, tab).
    @inline(__always)
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 32 || b[lo] == 9 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 || b[hi - 1] == 9 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    /// A decimal number (`-12.5`, `+3`, `.5`, `1e-3`). Uses Clinger's fast path (an exact integer
    /// mantissa ≤ 2^53 scaled by an exact power of ten ≤ 10^22 is correctly rounded by one IEEE
    /// multiply or divide) and falls back to the standard library for longer inputs.
    ///
    /// The common CSV form, `[sign]digits[.digits]` with at most 19 digits, is read by
    /// ``fastDecimal(_:_:_:delimiter:)``, which computes the same mantissa, exponent and single
    /// division as the general reading (``generalDouble(_:)``): the same Double bit for bit.
    /// - Returns: nil for anything that is not a finite decimal number.
    @inline(__always)
    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        // The common form, read to the end of the cell (a comma inside it stops the reading short
        // of the end, and the general reading then refuses the cell).
        if let p = b.baseAddress, b.count > 0 {
            var i = 0
            if let v = fastDecimal(p, &i, b.count, delimiter: 44), i == b.count { return v }
        }
        return generalDouble(b)
    }

    /// The cell that starts at `p[i]` and ends at the next `delimiter` or at `n`, in the common
    /// form of ``double(_:)``, `[sign]digits[.digits]` with 1 to 19 digits and a
    /// mantissa ≤ 2^53 (the same mantissa, exponent and single division, so the same Double bit
    /// for bit); `i` is left at the delimiter or `n`.
    /// - Returns: NaN for an empty cell; nil for a cell in any other form (blanks, an exponent,
    ///   more digits, text), which the caller then reads the general way.
    @inline(__always)
    static func fastDecimal(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, delimiter: UInt8) -> Double? {
        if i == n || p[i] == delimiter { return .nan }
        var negative = false
        if p[i] == 45 || p[i] == 43 {
            negative = p[i] == 45
            i += 1
        }
        var mantissa: UInt64 = 0
        let digitsStart = i
        while i < n, p[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
            i += 1
        }
        var digits = i - digitsStart
        var fractionDigits = 0
        if i < n, p[i] == 46 {
            i += 1
            let fractionStart = i
            while i < n, p[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
                i += 1
            }
            fractionDigits = i - fractionStart
            digits += fractionDigits
        }
        guard i == n || p[i] == delimiter, digits > 0, digits <= 19, mantissa <= 1 << 53 else { return nil }
        var v = Double(mantissa)
        v = fractionDigits == 0 ? v * powerOfTen(0) : v / powerOfTen(fractionDigits)
        return negative ? -v : v
    }

    /// Every form ``double(_:)`` accepts (exponents, more than 19 digits); the reference reading.
    static func generalDouble(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if b[0] == 45 || b[0] == 43 {
            negative = b[0] == 45
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        while i < n, b[i] &- 48 < 10 {
            if significant > 0 || b[i] != 48 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48) } else { exponent += 1 }
            digits += 1
            i += 1
        }
        if i < n, b[i] == 46 {
            i += 1
            while i < n, b[i] &- 48 < 10 {
                if significant > 0 || b[i] != 48 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < n, b[i] == 101 || b[i] == 69 {
            i += 1
            var expNegative = false
            if i < n, b[i] == 45 || b[i] == 43 {
                expNegative = b[i] == 45
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < n, b[i] &- 48 < 10 {
                if e < 10_000 { e = e * 10 + Int(b[i] &- 48) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if significant <= 19, mantissa <= 1 << 53, abs(exponent) <= 22 {
            var v = Double(mantissa)
            v = exponent >= 0 ? v * powerOfTen(exponent) : v / powerOfTen(-exponent)
            return negative ? -v : v
        }
        guard let v = Double(String(decoding: b, as: UTF8.self)), v.isFinite else { return nil }
        return v
    }

    /// A non-negative integer of at most 18 digits, or a decimal with a zero fraction (`211409660.0`,
    /// as pandas writes integer columns that had blanks). Nil for a negative number: MMSIs, IMO
    /// numbers, ship types and navigational status codes have no sign.
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        func wholeDecimal() -> Int? { double(b).flatMap { $0 == $0.rounded() && $0 >= 0 && $0 < 1e18 ? Int($0) : nil } }
        guard b.count > 0, b.count <= 18 else { return wholeDecimal() }
        var v = 0
        for c in b {
            guard c &- 48 < 10 else { return wholeDecimal() }
            v = v * 10 + Int(c &- 48)
        }
        return v
    }

    /// The high bit of each byte of `x` that is zero, and no other bit (exact: no carry crosses a
    /// byte, as `(b & 0x7F) + 0x7F ≤ 0xFE`): finds a byte value in eight bytes at once, with `x`
    /// the eight bytes XOR that value in every byte.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x) & 0x8080_8080_8080_8080
    }

    /// The day of the last timestamp read by ``fixedISO8601(_:lastDay:)``: its `YYYY-MM-DD` bytes and
    /// its midnight, so consecutive rows of the same day skip the calendar arithmetic.
    struct ISODay {
        var bytes0to7: UInt64 = 0
        var bytes8to9: UInt16 = 0
        var midnight: Int64 = .min
    }

    /// The fixed form `YYYY-MM-DDThh:mm:ssZ` (or without the `Z`, as MarineCadastre writes), the
    /// same instant as `Timestamp(iso8601UTF8:)` gives for it (day from the calendar, hour 0–23,
    /// minute 0–59, second 0–60).
    /// - Parameters:
    ///   - u: the trimmed cell.
    ///   - lastDay: the day of the previous call, updated.
    /// - Returns: nil when the cell is not exactly that form or a field is out of range: the caller
    ///   then asks the general parser, which accepts the other forms and refuses the rest.
    @inline(__always)
    static func fixedISO8601(_ u: UnsafeBufferPointer<UInt8>, lastDay: inout ISODay) -> Timestamp? {
        guard u.count == 20 ? u[19] == 90 : u.count == 19, let p = u.baseAddress else { return nil }
        guard p[4] == 45, p[7] == 45, p[10] == 84, p[13] == 58, p[16] == 58 else { return nil }
        @inline(__always) func two(_ i: Int) -> Int? {
            let hi = p[i] &- 48
            let lo = p[i + 1] &- 48
            return hi < 10 && lo < 10 ? Int(hi) * 10 + Int(lo) : nil
        }
        guard let h = two(11), h <= 23, let mi = two(14), mi <= 59, let s = two(17), s <= 60 else { return nil }
        let raw = UnsafeRawPointer(p)
        let date = raw.loadUnaligned(as: UInt64.self)
        let date2 = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if lastDay.midnight == .min || date != lastDay.bytes0to7 || date2 != lastDay.bytes8to9 {
            guard let y1 = two(0), let y2 = two(2), let mo = two(5), let d = two(8),
                let midnight = Timestamp(year: y1 * 100 + y2, month: mo, day: d)
            else { return nil }
            lastDay = ISODay(bytes0to7: date, bytes8to9: date2, midnight: midnight.millisecondsSince1970)
        }
        return Timestamp(millisecondsSince1970: lastDay.midnight + Int64(h * 3600 + mi * 60 + s) * 1000)
    }

    /// `dd/MM/yyyy HH:mm:ss` in UTC (the Danish Maritime Authority export format).
    static func dayMonthYearTime(_ u: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard u.count == 19, u[2] == 47, u[5] == 47, u[10] == 32, u[13] == 58, u[16] == 58 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                let c = u[i]
                guard c &- 48 < 10 else { return nil }
                v = v * 10 + Int(c &- 48)
            }
            return v
        }
        guard let d = num(0, 2), let mo = num(3, 2), let y = num(6, 4), let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2) else {
            return nil
        }
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    }

    /// ASCII case-insensitive equality with a lowercase literal.
    static func equalsLowercase(_ b: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        guard b.count == lower.utf8CodeUnitCount else { return false }
        let p = lower.utf8Start
        for i in 0..<b.count {
            var c = b[i]
            if c >= 65, c <= 90 { c += 32 }
            if c != p[i] { return false }
        }
        return true
    }
}
