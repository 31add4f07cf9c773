/// A volume of oil in US barrels (42 US gallons = 0.158987294928 m³), the unit of the caps.
///
/// Fractions are kept: a figure converted from tonnes is rarely whole, and rounding is left to
/// the display.
public struct Barrels: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, AdditiveArithmetic,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    /// The volume in barrels; finite.
    public var value: Double

    /// Cubic metres in one barrel (exact: 42 × 3.785411784 L).
    public static let cubicMetresPerBarrel = 0.158987294928

    /// - Parameter value: barrels.
    public init(_ value: Double) { self.value = value }
    public init(integerLiteral value: Int) { self.value = Double(value) }
    public init(floatLiteral value: Double) { self.value = value }

    public static var zero: Barrels { Barrels(0) }
    public static func + (lhs: Barrels, rhs: Barrels) -> Barrels { Barrels(lhs.value + rhs.value) }
    public static func - (lhs: Barrels, rhs: Barrels) -> Barrels { Barrels(lhs.value - rhs.value) }
    public static func < (lhs: Barrels, rhs: Barrels) -> Bool { lhs.value < rhs.value }

    /// This volume times `factor`.
    public func scaled(by factor: Double) -> Barrels { Barrels(value * factor) }

    /// Rounded to the nearest barrel with thousands separators: `418,341 bbl`.
    public var description: String { Barrels.grouped(value) + " bbl" }

    /// `value` rounded to a whole number and grouped by thousands with commas: `1,519,587`.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 9e18 else { return String(value) }  // beyond Int64: not a real quantity
        let n = Int64(value.rounded())
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
