import CapwatchCore

/// Allocation-free parsing of CSV cell bytes (ASCII numbers, fixed-format times).
enum ByteParsing {
    /// Exact powers of ten representable in a Double (10^0 ... 10^22).
    private static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { acc, _ in acc * 10 } }

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
    /// - Returns: nil for anything that is not a finite decimal number.
    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
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
            v = exponent >= 0 ? v * powersOfTen[exponent] : v / powersOfTen[-exponent]
            return negative ? -v : v
        }
        guard let v = Double(String(decoding: b, as: UTF8.self)), v.isFinite else { return nil }
        return v
    }

    /// A non-negative integer of at most 18 digits, or a decimal with a zero fraction (`211409660.0`,
    /// as pandas writes integer columns that had blanks).
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count > 0, b.count <= 18 else { return double(b).flatMap { $0 == $0.rounded() && abs($0) < 1e18 ? Int($0) : nil } }
        var v = 0
        for c in b {
            guard c &- 48 < 10 else { return double(b).flatMap { $0 == $0.rounded() && abs($0) < 1e18 ? Int($0) : nil } }
            v = v * 10 + Int(c &- 48)
        }
        return v
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
