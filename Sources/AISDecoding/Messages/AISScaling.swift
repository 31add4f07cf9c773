/// Conversions from raw ITU-R M.1371-5 wire values to the units the typed API uses, with the
/// "not available" sentinels mapped to nil. The raw values stay available on each message for
/// tools (gpsd's unscaled JSON) that want them.
public enum AISScaling {
    /// Longitude in 1/10,000 minute (28 bits): 181° (108,600,000) means not available.
    /// - Returns: degrees `-180...180`, or nil for the sentinel or anything out of range.
    @inlinable public static func longitude(tenThousandthsOfMinute raw: Int32) -> Double? {
        guard raw != 108_600_000, abs(raw) <= 108_000_000 else { return nil }
        return Double(raw) / 600_000
    }

    /// Latitude in 1/10,000 minute (27 bits): 91° (54,600,000) means not available.
    /// - Returns: degrees `-90...90`, or nil for the sentinel or anything out of range.
    @inlinable public static func latitude(tenThousandthsOfMinute raw: Int32) -> Double? {
        guard raw != 54_600_000, abs(raw) <= 54_000_000 else { return nil }
        return Double(raw) / 600_000
    }

    /// Speed over ground in 1/10 knot (10 bits): 1023 not available, 1022 means ≥ 102.2 kn.
    /// - Returns: knots `0...102.2`, or nil.
    @inlinable public static func speed(tenthsOfKnot raw: UInt16) -> Double? {
        raw >= 1023 ? nil : Double(raw) / 10
    }

    /// Course over ground in 1/10 degree (12 bits): 3600 not available, above 3600 invalid.
    /// - Returns: degrees `0..<360`, or nil.
    @inlinable public static func course(tenthsOfDegree raw: UInt16) -> Double? {
        raw >= 3600 ? nil : Double(raw) / 10
    }

    /// True heading in degrees (9 bits): 511 not available, 360–510 invalid.
    /// - Returns: degrees `0...359`, or nil.
    @inlinable public static func heading(_ raw: UInt16) -> Int? { raw < 360 ? Int(raw) : nil }

    /// Rate of turn indicator ROT_AIS (8 bits signed), ITU-R M.1371-5 Table 45 note:
    /// ROT_AIS = 4.733 √(ROT_sensor) degrees/min; ±127 means turning faster than 5°/30 s (no
    /// sensor value); −128 means not available.
    /// - Returns: degrees per minute (negative to port), `nil` for −128 and for ±127, whose rate is unknown.
    @inlinable public static func rateOfTurn(indicator raw: Int8) -> Double? {
        guard raw != -128, raw != 127, raw != -127 else { return nil }
        let v = Double(raw) / 4.733
        return raw < 0 ? -(v * v) : v * v
    }

    /// Draught in 1/10 m (8 bits): 0 not available, 255 means ≥ 25.5 m.
    /// - Returns: metres `0.1...25.5`, or nil.
    @inlinable public static func draught(tenthsOfMetre raw: UInt8) -> Double? { raw == 0 ? nil : Double(raw) / 10 }
}
