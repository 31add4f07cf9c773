/// The positions of one vessel as columns (struct of arrays), in the units of ``Track``: what
/// ``TrackBuilder/takePositions(_:)`` hands out and ``TrackBuilder/append(mmsi:positions:)`` takes
/// back. All arrays have the same length.
public struct PositionColumns: Sendable {
    /// Milliseconds since 1970 (UTC).
    public var times: [Int64]
    /// Latitude in degrees, -90...90.
    public var latitudes: [Double]
    /// Longitude in degrees, -180...180.
    public var longitudes: [Double]
    /// SOG in knots; NaN when not available.
    public var speeds: [Float]
    /// COG in degrees; NaN when not available.
    public var courses: [Float]
    /// True heading in degrees; -1 when not available.
    public var headings: [Int16]
    /// Navigational status code (ITU-R M.1371-5 Table 45); -1 when not available.
    public var statuses: [Int8]

    /// - Parameters: see the properties; every array must have the same length.
    public init(times: [Int64], latitudes: [Double], longitudes: [Double], speeds: [Float], courses: [Float], headings: [Int16],
                statuses: [Int8]) {
        precondition(latitudes.count == times.count && longitudes.count == times.count && speeds.count == times.count
            && courses.count == times.count && headings.count == times.count && statuses.count == times.count)
        self.times = times
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.speeds = speeds
        self.courses = courses
        self.headings = headings
        self.statuses = statuses
    }

    /// The number of positions.
    public var count: Int { times.count }
}
