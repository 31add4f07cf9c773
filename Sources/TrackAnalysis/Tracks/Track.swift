import CapwatchCore

/// The positions of one vessel (one MMSI), sorted by time, with exact duplicates removed and
/// outliers marked, and the vessel's identity history.
///
/// Stored as columns (struct of arrays: about 36 bytes a position, no object per position) so that
/// tens of millions of positions fit in memory and detectors scan contiguous arrays. As a
/// collection it yields ``TrackPoint`` values in time order, outliers included; detectors skip
/// positions where ``isOutlier(at:)`` is true.
public struct Track: Sendable, RandomAccessCollection {
    /// The vessel.
    public let mmsi: MMSI
    /// Its identity over time, from its static reports; empty when it sent none.
    public let identity: IdentityHistory
    /// Milliseconds since 1970 (UTC) of each position, ascending.
    public let times: [Int64]
    /// Latitude in degrees of each position.
    public let latitudes: [Double]
    /// Longitude in degrees of each position.
    public let longitudes: [Double]
    /// SOG in knots of each position; NaN when not available.
    public let speeds: [Float]
    /// COG in degrees of each position; NaN when not available.
    public let courses: [Float]
    /// True heading in degrees; -1 when not available.
    public let headings: [Int16]
    /// Navigational status code; -1 when not available.
    public let statuses: [Int8]
    /// Outlier flags (see ``TrackPoint/isOutlier``).
    public let outliers: [Bool]
    /// How many exact duplicates (same time and position, e.g. one sentence heard by two receivers)
    /// were dropped while building.
    public let duplicateCount: Int
    /// How many positions are flagged as outliers.
    public let outlierCount: Int

    init(mmsi: MMSI, identity: IdentityHistory, times: [Int64], latitudes: [Double], longitudes: [Double], speeds: [Float], courses: [Float],
         headings: [Int16], statuses: [Int8], outliers: [Bool], duplicateCount: Int) {
        self.mmsi = mmsi
        self.identity = identity
        self.times = times
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.speeds = speeds
        self.courses = courses
        self.headings = headings
        self.statuses = statuses
        self.outliers = outliers
        self.duplicateCount = duplicateCount
        self.outlierCount = outliers.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { times.count }

    /// The position at `i`, outlier or not.
    public subscript(i: Int) -> TrackPoint {
        TrackPoint(time: Timestamp(millisecondsSince1970: times[i]), position: GeoPoint(latitude: latitudes[i], longitude: longitudes[i]),
                   sog: speeds[i].isNaN ? nil : Double(speeds[i]), cog: courses[i].isNaN ? nil : Double(courses[i]),
                   heading: headings[i] < 0 ? nil : Int(headings[i]), navigationalStatus: statuses[i] < 0 ? nil : Int(statuses[i]),
                   isOutlier: outliers[i])
    }

    /// True when the position at `i` is flagged as an outlier.
    @inlinable public func isOutlier(at i: Int) -> Bool { outliers[i] }

    /// The position at `i`.
    @inlinable public func position(at i: Int) -> GeoPoint { GeoPoint(latitude: latitudes[i], longitude: longitudes[i]) }

    /// The indices of the positions detectors use (not outliers), in time order.
    public var keptIndices: [Int] { indices.filter { !outliers[$0] } }

    /// Time of the first and last position, nil when the track has no positions.
    public var timeSpan: (first: Timestamp, last: Timestamp)? {
        guard let f = times.first, let l = times.last else { return nil }
        return (Timestamp(millisecondsSince1970: f), Timestamp(millisecondsSince1970: l))
    }
}
