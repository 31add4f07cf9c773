/// Nautical miles in metres (exact, by definition of the international nautical mile, 1929).
public let metresPerNauticalMile = 1852.0

/// Converts a speed in metres per second to knots (1 kn = 1852 m / 3600 s).
/// - Parameter metresPerSecond: a speed in m/s.
/// - Returns: the speed in knots.
@inlinable public func knots(metresPerSecond: Double) -> Double { metresPerSecond * 3600 / 1852 }
