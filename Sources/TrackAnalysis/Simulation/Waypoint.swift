import CapwatchCore

/// A point of a simulated vessel's planned path: where it is at a time, and the navigational
/// status it reports from there to the next waypoint (ITU-R M.1371-5 Table 45: 0 under way using
/// engine, 1 at anchor, 5 moored, 7 engaged in fishing).
public struct Waypoint: Hashable, Sendable {
    /// Seconds since 1970 UTC.
    public var time: Int64
    /// The position at ``time``.
    public var position: GeoPoint
    /// Navigational status until the next waypoint.
    public var status: UInt8

    /// - Parameters: see the properties.
    public init(time: Int64, position: GeoPoint, status: UInt8 = 0) {
        self.time = time
        self.position = position
        self.status = status
    }
}

extension GeoPoint {
    /// The point `north` and `east` metres away (local flat-Earth offset on the mean sphere: exact
    /// enough for the tens of kilometres a scenario moves a vessel between waypoints).
    public func offset(north: Double, east: Double) -> GeoPoint {
        let metresPerDegree = GeoPoint.earthRadiusMetres * Double.pi / 180
        return GeoPoint(latitude: latitude + north / metresPerDegree,
                        longitude: longitude + east / (metresPerDegree * cosDegreesTA(latitude)))
    }

    /// Initial bearing to `other`, degrees `0..<360` (local flat-Earth approximation).
    public func bearing(to other: GeoPoint) -> Double {
        let north = other.latitude - latitude
        let east = (other.longitude - longitude) * cosDegreesTA((latitude + other.latitude) / 2)
        let b = atan2Degrees(east, north)
        return b < 0 ? b + 360 : b
    }
}
