extension AISScaling {
    /// Longitude in degrees to the 28-bit wire value in 1/10,000 minute (rounded); nil or
    /// out-of-range (|lon| > 180) gives the "not available" value 181° (108,600,000).
    public static func rawLongitude(degrees: Double?) -> Int32 {
        guard let d = degrees, d.isFinite, abs(d) <= 180 else { return 108_600_000 }
        return Int32((d * 600_000).rounded())
    }

    /// Latitude in degrees to the 27-bit wire value in 1/10,000 minute (rounded); nil or
    /// out-of-range (|lat| > 90) gives the "not available" value 91° (54,600,000).
    public static func rawLatitude(degrees: Double?) -> Int32 {
        guard let d = degrees, d.isFinite, abs(d) <= 90 else { return 54_600_000 }
        return Int32((d * 600_000).rounded())
    }

    /// SOG in knots to 1/10 knot: nil gives 1023 (not available), 102.2 kn and above give 1022.
    public static func rawSpeed(knots: Double?) -> UInt16 {
        guard let k = knots, k.isFinite, k >= 0 else { return 1023 }
        return UInt16(min(1022, (k * 10).rounded()))
    }

    /// COG in degrees to 1/10 degree, normalised to `0..<360`; nil gives 3600 (not available).
    public static func rawCourse(degrees: Double?) -> UInt16 {
        guard let d = degrees, d.isFinite else { return 3600 }
        let v = Int((d * 10).rounded()) % 3600
        return UInt16(v < 0 ? v + 3600 : v)
    }

    /// True heading in degrees to the 9-bit value `0...359`; nil gives 511 (not available).
    public static func rawHeading(degrees: Double?) -> UInt16 {
        guard let d = degrees, d.isFinite else { return 511 }
        let v = Int(d.rounded()) % 360
        return UInt16(v < 0 ? v + 360 : v)
    }

    /// Draught in metres to 1/10 m: nil or ≤ 0 gives 0 (not available), 25.5 m and above give 255.
    public static func rawDraught(metres: Double?) -> UInt8 {
        guard let m = metres, m.isFinite, m > 0 else { return 0 }
        return UInt8(min(255, max(1, (m * 10).rounded())))
    }
}

extension SixBitText {
    /// Text of exactly `characters` six-bit characters: `text` (upper-cased, characters outside
    /// ITU-R M.1371-5 Table 47 as `@`) cut to length and padded with `@`, the standard's padding,
    /// as a transmitter sends a name shorter than its field.
    public init(_ text: String, padTo characters: Int) {
        let cut = String(text.prefix(characters))
        self.init(cut + String(repeating: "@", count: max(0, characters - cut.count)))
    }
}
