/// An instant in UTC, as whole milliseconds since 1970-01-01T00:00:00Z (leap seconds ignored,
/// as in POSIX time).
///
/// The core never reads a clock: timestamps come from tag blocks (`c:`), CSV columns or the
/// AIS UTC fields, and are passed in.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch, UTC.
    public var millisecondsSince1970: Int64

    /// - Parameter millisecondsSince1970: milliseconds since 1970-01-01T00:00:00Z.
    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

    /// - Parameter secondsSince1970: whole seconds since 1970-01-01T00:00:00Z.
    public init(secondsSince1970: Int64) { self.millisecondsSince1970 = secondsSince1970 * 1000 }

    /// Seconds since the epoch as a floating-point value.
    public var secondsSince1970: Double { Double(millisecondsSince1970) / 1000 }

    /// The interval `other − self` in seconds.
    public func seconds(to other: Timestamp) -> Double { Double(other.millisecondsSince1970 - millisecondsSince1970) / 1000 }

    /// This instant moved by `seconds` (may be negative; rounded to the millisecond).
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + Int64((seconds * 1000).rounded()))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.millisecondsSince1970 < rhs.millisecondsSince1970 }

    /// Builds an instant from a proleptic Gregorian UTC date and time. Returns nil when a field is
    /// out of range (month 1–12, day 1–31 and valid for the month, hour 0–23, minute 0–59, second 0–60).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), (0...999).contains(millisecond)
        else { return nil }
        guard day <= Timestamp.daysInMonth(year: year, month: month) else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.millisecondsSince1970 = secs * 1000 + Int64(millisecond)
    }

    /// The UTC calendar fields of this instant.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let ms = millisecondsSince1970
        var secs = ms / 1000
        var milli = Int(ms % 1000)
        if milli < 0 { milli += 1000; secs -= 1 }
        var days = secs / 86_400
        var rem = Int(secs % 86_400)
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = Timestamp.civilFromDays(Int(days))
        return (y, m, d, rem / 3600, (rem % 3600) / 60, rem % 60, milli)
    }

    /// ISO 8601 in UTC, `2018-04-01T00:03:15Z`, with `.sss` milliseconds only when non-zero.
    public var iso8601: String {
        let c = components
        var s = pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2)
        if c.millisecond != 0 { s += "." + pad(c.millisecond, 3) }
        return s + "Z"
    }

    public var description: String { iso8601 }

    /// Parses ISO 8601 / RFC 3339 UTC forms found in AIS exports: `2018-04-01T00:03:15Z`,
    /// `2018-04-01 00:03:15`, fractional seconds, and a `+00:00`/`Z` suffix or none (taken as UTC);
    /// other offsets `±hh:mm` are applied. Returns nil for anything else.
    public init?(iso8601 text: some StringProtocol) {
        var text = String(text)
        guard let t = text.withUTF8({ Timestamp(iso8601UTF8: $0) }) else { return nil }
        self = t
    }

    /// Parses the same forms as ``init(iso8601:)`` from UTF-8 bytes, without allocating: the form
    /// for hot loops such as CSV readers.
    /// - Parameter u: the UTF-8 bytes of one timestamp, no surrounding blanks.
    /// - Returns: nil when the bytes are not one of the accepted forms or a field is out of range.
    public init?(iso8601UTF8 u: UnsafeBufferPointer<UInt8>) {
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= u.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard u.count >= 19, let y = num(0, 4), u[4] == 45, let mo = num(5, 2), u[7] == 45, let d = num(8, 2),
            u[10] == 84 || u[10] == 32 || u[10] == 116, let h = num(11, 2), u[13] == 58, let mi = num(14, 2), u[16] == 58,
            let s = num(17, 2)
        else { return nil }
        var i = 19
        var milli = 0
        if i < u.count, u[i] == 46 || u[i] == 44 {
            i += 1
            var scale = 100
            let start = i
            while i < u.count, u[i] >= 48, u[i] <= 57 {
                milli += Int(u[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offsetSeconds = 0
        if i < u.count {
            if u[i] == 90 || u[i] == 122 {
                i += 1
            } else if u[i] == 43 || u[i] == 45 {
                let sign = u[i] == 45 ? -1 : 1
                guard let oh = num(i + 1, 2) else { return nil }
                var om = 0
                if i + 3 < u.count {
                    let j = u[i + 3] == 58 ? i + 4 : i + 3
                    guard let m = num(j, 2) else { return nil }
                    om = m
                    i = j + 2
                } else {
                    i += 3
                }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
            guard i == u.count else { return nil }
        }
        guard let t = Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: s, millisecond: milli) else { return nil }
        self.millisecondsSince1970 = t.millisecondsSince1970 - Int64(offsetSeconds) * 1000
    }

    // Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain description).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
