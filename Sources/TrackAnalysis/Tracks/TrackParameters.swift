/// How ``TrackBuilder`` cleans positions.
public struct TrackParameters: Hashable, Sendable {
    /// A position is an outlier when reaching it from the previous kept (non-outlier) position
    /// implies a speed above this, in knots. Default 50 kn: faster than any merchant ship (the
    /// fastest container ships and tankers make under 30 kn), so a jump beyond it is a GNSS error,
    /// a spoofed position or two transmitters sharing an MMSI.
    public var maximumImpliedSpeedKnots: Double
    /// The time resolution of the source in seconds, `> 0`: implied speed divides by at least this
    /// interval, so reports stamped within the same second (default 1 s; 60 s for minute-resolution
    /// data such as the Suez sample) are not flagged for moving a few metres "in no time".
    public var timeResolutionSeconds: Double

    /// - Parameters: see the properties.
    public init(maximumImpliedSpeedKnots: Double = 50, timeResolutionSeconds: Double = 1) {
        self.maximumImpliedSpeedKnots = maximumImpliedSpeedKnots
        self.timeResolutionSeconds = max(timeResolutionSeconds, 0.001)
    }
}
