import CapwatchCore

/// One simulated hull: its transponder class, what it transmits about itself over time, its
/// planned path, when its AIS is off, and when it transmits false positions.
public struct SimulatedVessel: Sendable {
    /// Class A (SOLAS ships: types 1 and 5) or Class B (small craft: types 18 and 24).
    public enum Transponder: Sendable {
        case classA
        case classB
    }

    /// A period during which the transmitted position is the true one moved by a fixed offset.
    public struct SpoofedPeriod: Hashable, Sendable {
        /// Seconds since 1970 UTC, start inclusive, end exclusive.
        public var period: Range<Int64>
        /// Offset of the transmitted position, metres north.
        public var north: Double
        /// Offset of the transmitted position, metres east.
        public var east: Double

        /// - Parameters: see the properties.
        public init(period: Range<Int64>, north: Double, east: Double) {
            self.period = period
            self.north = north
            self.east = east
        }
    }

    /// A short description for people reading the scenario (`"K1 DPRK tanker, visible STS"`).
    public var label: String
    /// The transponder class.
    public var transponder: Transponder
    /// Identities in time order; the first applies from the start of the path.
    public var identities: [SimulatedIdentity]
    /// The planned path in time order; the vessel transmits only between its first and last waypoint.
    public var path: [Waypoint]
    /// Periods (seconds since 1970 UTC) with the AIS switched off.
    public var dark: [Range<Int64>]
    /// Periods of false positions.
    public var spoofed: [SpoofedPeriod]
    /// Seconds added to the reporting schedule so that vessels do not all report on the same second.
    public var phase: Int64

    /// - Parameters: see the properties.
    public init(label: String, transponder: Transponder, identities: [SimulatedIdentity], path: [Waypoint], dark: [Range<Int64>] = [],
                spoofed: [SpoofedPeriod] = [], phase: Int64 = 0) {
        self.label = label
        self.transponder = transponder
        self.identities = identities.sorted { $0.since < $1.since }
        self.path = path.sorted { $0.time < $1.time }
        self.dark = dark
        self.spoofed = spoofed
        self.phase = phase
    }

    /// The identity transmitted at `time`.
    public func identity(at time: Int64) -> SimulatedIdentity {
        identities.last { $0.since <= time } ?? identities[0]
    }

    /// True when the AIS is off at `time`.
    public func isDark(at time: Int64) -> Bool { dark.contains { $0.contains(time) } }

    /// The vessel's true state at `time`: position interpolated linearly between waypoints, speed
    /// and course of the leg it is on, and the leg's status; nil outside the path.
    public func state(at time: Int64) -> (position: GeoPoint, sog: Double, cog: Double, status: UInt8)? {
        guard let first = path.first, let last = path.last, time >= first.time, time <= last.time else { return nil }
        // The leg [path[i], path[i + 1]] with path[i].time ≤ time < path[i + 1].time (the last leg at the end).
        var lo = 0
        var hi = path.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if path[mid].time <= time { lo = mid } else { hi = mid }
        }
        guard path.count > 1 else { return (first.position, 0, 0, first.status) }
        let a = path[lo]
        let b = path[hi]
        let span = Double(b.time - a.time)
        let f = span > 0 ? Double(time - a.time) / span : 0
        let position = GeoPoint(latitude: a.position.latitude + (b.position.latitude - a.position.latitude) * f,
                                longitude: a.position.longitude + (b.position.longitude - a.position.longitude) * f)
        let metres = a.position.distance(to: b.position)
        let sog = span > 0 ? knots(metresPerSecond: metres / span) : 0
        let cog = metres > 0.5 ? a.position.bearing(to: b.position) : 0
        return (position, sog, cog, a.status)
    }

    /// The position transmitted at `time`: the true one, or the spoofed one during a spoofed period.
    public func transmittedPosition(at time: Int64, true position: GeoPoint) -> GeoPoint {
        guard let s = spoofed.first(where: { $0.period.contains(time) }) else { return position }
        return position.offset(north: s.north, east: s.east)
    }
}
