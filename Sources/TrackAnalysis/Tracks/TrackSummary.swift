import CapwatchCore

/// What the reports and files need of a ``Track`` once its positions have been analysed: the
/// vessel, its identity history, its counts and its first and last times. About a hundred bytes
/// and the identity history, whatever the number of positions, so a run can keep one per vessel
/// while the positions themselves are let go.
public struct TrackSummary: Sendable {
    /// The vessel.
    public let mmsi: MMSI
    /// Its identity over time, from its static reports; empty when it sent none.
    public let identity: IdentityHistory
    /// Positions in the track (duplicates removed, outliers included).
    public let positionCount: Int
    /// Positions flagged as outliers (see ``TrackPoint/isOutlier``).
    public let outlierCount: Int
    /// Exact duplicates dropped while building.
    public let duplicateCount: Int
    /// Time of the first position in milliseconds since 1970 (UTC); nil when there is none.
    public let firstTime: Int64?
    /// Time of the last position in milliseconds since 1970 (UTC); nil when there is none.
    public let lastTime: Int64?

    /// True when any version of the identity history reports a tanker (ship type `80...89`,
    /// ITU-R M.1371-5 Table 53).
    public var isTanker: Bool { identity.versions.contains { (80...89).contains($0.identity.shipType ?? 0) } }
}

extension Track {
    /// The track's ``TrackSummary``.
    public var summary: TrackSummary {
        TrackSummary(mmsi: mmsi, identity: identity, positionCount: count, outlierCount: outlierCount, duplicateCount: duplicateCount,
                     firstTime: times.first, lastTime: times.last)
    }
}
