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
        // With 16 bytes to hand, the number's digits are found and read several at a time; a
        // longer number, or one that ends the line, is read digit by digit below.
        if n - i >= 16, let (value, length) = shortDecimal(p + i, delimiter: delimiter) {
            i += length
            return negative ? -value : value
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

    /// The number at `q`, `digits[.digits]` with at most 7 digits before the point and 7 after
    /// (at least one in all), ending at a `delimiter` within the 16 bytes at `q`, which must be
    /// readable; nil for anything else. The same mantissa and single division as the
    /// digit-by-digit reading of ``fastDecimal(_:_:_:delimiter:)``, so the same Double bit for bit.
    ///
    /// Eight bytes are read as one word for the digits before the point, and eight more from just
    /// after the point for those after it: a word's digits are the bytes whose value less `'0'` is
    /// below 10 (found for all eight by one addition), and eight digits become an integer by three
    /// multiplications (the method of Daniel Lemire's fast_float library,
    /// `parse_eight_digits_unrolled`).
    /// - Returns: the value and the number of bytes read (up to the delimiter).
    @inline(__always)
    static func shortDecimal(_ q: UnsafePointer<UInt8>, delimiter: UInt8) -> (Double, Int)? {
        let x = digitValues(q)
        let integerDigits = nonDigits(x).trailingZeroBitCount >> 3
        guard integerDigits < 8 else { return nil }
        var end = integerDigits
        var fraction: UInt64 = 0
        var fractionDigits = 0
        if q[integerDigits] == 46 {
            let y = digitValues(q + integerDigits + 1)
            fractionDigits = nonDigits(y).trailingZeroBitCount >> 3
            guard fractionDigits < 8 else { return nil }
            end += 1 + fractionDigits
            // The digits moved to the top bytes: the bytes below them read as leading zeros.
            if fractionDigits > 0 { fraction = eightDigits(y &<< (8 * (8 - fractionDigits))) }
        }
        guard integerDigits + fractionDigits > 0, q[end] == delimiter else { return nil }
        let integer = integerDigits > 0 ? eightDigits(x &<< (8 * (8 - integerDigits))) : 0
        let v = Double(integer &* integerPowerOfTen(fractionDigits) &+ fraction)
        return (fractionDigits == 0 ? v * powerOfTen(0) : v / powerOfTen(fractionDigits), end)
    }

    /// The decimal digits at the start of the 16 bytes at `q` (which must be readable), up to
    /// the first byte that is not one, read as ``shortDecimal(_:delimiter:)`` reads them.
    /// - Returns: their value and count (0 when `q[0]` is not a digit); nil when all 16 are digits.
    @inline(__always)
    static func leadingDigits(_ q: UnsafePointer<UInt8>) -> (Int, Int)? {
        let x = digitValues(q)
        let first = nonDigits(x).trailingZeroBitCount >> 3
        if first < 8 { return (first == 0 ? 0 : Int(eightDigits(x &<< (8 * (8 - first)))), first) }
        let y = digitValues(q + 8)
        let second = nonDigits(y).trailingZeroBitCount >> 3
        guard second < 8 else { return nil }
        let high = Int(eightDigits(x)) &* Int(integerPowerOfTen(second))
        return (second == 0 ? high : high &+ Int(eightDigits(y &<< (8 * (8 - second)))), 8 + second)
    }

    /// ``shortDecimal(_:delimiter:)`` after an optional sign (`-` or `+`): the same value as
    /// ``fastDecimal(_:_:_:delimiter:)`` gives, for a cell that has 17 readable bytes from `q`.
    /// - Returns: the value and the number of bytes read, sign included; nil when the number is
    ///   not short (the caller then asks ``fastDecimal(_:_:_:delimiter:)``).
    @inline(__always)
    static func signedShortDecimal(_ q: UnsafePointer<UInt8>, delimiter: UInt8) -> (Double, Int)? {
        let sign = q[0] == 45 || q[0] == 43 ? 1 : 0
        guard let (value, length) = shortDecimal(q + sign, delimiter: delimiter) else { return nil }
        return (q[0] == 45 ? -value : value, length + sign)
    }

    /// The eight bytes at `q`, the first in the lowest byte, each XOR `'0'` (a digit's byte then
    /// holds its value).
    @inline(__always)
    private static func digitValues(_ q: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt64.self)) ^ 0x3030_3030_3030_3030
    }

    /// The top bit of each byte of `x` whose value is 10 or more (the low seven bits plus 0x76
    /// carry into the top bit from 10 on, never into the next byte; bytes of 128 or more have it).
    @inline(__always)
    private static func nonDigits(_ x: UInt64) -> UInt64 {
        (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
    }

    /// 10^`e` for `e` in 0...7.
    @inline(__always)
    private static func integerPowerOfTen(_ e: Int) -> UInt64 {
        switch e {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100_000
        case 6: 1_000_000
        default: 10_000_000
        }
    }

    /// The integer of eight decimal digits held one per byte, the first (most significant) in
    /// the lowest byte: pairs, then fours, then all eight, each step one or two multiplications.
    @inline(__always)
    private static func eightDigits(_ v: UInt64) -> UInt64 {
        let pairs = v &* 10 &+ (v >> 8)  // bytes 0, 2, 4, 6: two-digit numbers
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        return ((pairs & mask) &* (100 &+ 1_000_000 << 32) &+ ((pairs >> 16) & mask) &* (1 &+ 10_000 << 32)) >> 32
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
