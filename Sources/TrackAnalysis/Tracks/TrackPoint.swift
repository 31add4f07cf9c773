import CapwatchCore

/// One position of a ``Track``, as a value (the track itself stores columns).
public struct TrackPoint: Hashable, Sendable {
    /// When the position was valid (UTC).
    public var time: Timestamp
    /// Where the vessel was.
    public var position: GeoPoint
    /// Speed over ground in knots; nil when not available.
    public var sog: Double?
    /// Course over ground in degrees true; nil when not available.
    public var cog: Double?
    /// True heading in degrees; nil when not available.
    public var heading: Int?
    /// Navigational status code (ITU-R M.1371-5 Table 45); nil when not available.
    public var navigationalStatus: Int?
    /// True when reaching this position from the previous kept one implies more than the track
    /// builder's maximum speed (see ``TrackParameters``): kept for the record, excluded from detectors.
    public var isOutlier: Bool
}
