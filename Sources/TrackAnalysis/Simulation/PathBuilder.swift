#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore

/// Builds a vessel's planned path leg by leg: sail to a point at a speed, drift, lie at anchor,
/// or keep station beside another vessel. Time advances with each leg.
public struct PathBuilder: Sendable {
    /// The waypoints so far.
    public private(set) var waypoints: [Waypoint]

    /// Where the vessel is now.
    public var position: GeoPoint { waypoints[waypoints.count - 1].position }
    /// The time of the last waypoint, seconds since 1970 UTC.
    public var time: Int64 { waypoints[waypoints.count - 1].time }

    /// Starts at `position` at `time` (seconds since 1970 UTC).
    public init(at position: GeoPoint, time: Int64, status: UInt8 = 0) {
        waypoints = [Waypoint(time: time, position: position, status: status)]
    }

    private mutating func setStatus(_ status: UInt8) { waypoints[waypoints.count - 1].status = status }

    /// Sails straight to `target` at `speed` knots (`> 0`).
    public mutating func sail(to target: GeoPoint, knots speed: Double, status: UInt8 = 0) {
        setStatus(status)
        let seconds = position.distance(to: target) / (speed * metresPerNauticalMile / 3600)
        waypoints.append(Waypoint(time: time + Int64(seconds.rounded()), position: target, status: status))
    }

    /// Sails straight to `target`, arriving at `arrival` (seconds since 1970 UTC, after ``time``).
    public mutating func sail(to target: GeoPoint, arriveAt arrival: Int64, status: UInt8 = 0) {
        setStatus(status)
        waypoints.append(Waypoint(time: max(arrival, time + 1), position: target, status: status))
    }

    /// Sails for `hours` on `heading` degrees at `speed` knots.
    public mutating func sail(hours: Double, heading: Double, knots speed: Double, status: UInt8 = 0) {
        let metres = speed * metresPerNauticalMile * hours
        let rad = heading * Double.pi / 180
        setStatus(status)
        let target = position.offset(north: metres * cosRad(rad), east: metres * sinRad(rad))
        waypoints.append(Waypoint(time: time + Int64((hours * 3600).rounded()), position: target, status: status))
    }

    /// Stays at the current position until `until` (at anchor: status 1; moored: 5), SOG 0.
    public mutating func stay(until: Int64, status: UInt8 = 1) {
        guard until > time else { return }
        setStatus(status)
        waypoints.append(Waypoint(time: until, position: position, status: status))
    }

    /// Drifts until `until` at `speed` knots, changing heading every `legMinutes` by up to ±40°
    /// (random, from `rng`), starting on `heading`.
    public mutating func drift(until: Int64, knots speed: Double, heading: Double, legMinutes: Int = 30, status: UInt8 = 0,
                               rng: inout SplitMix64) {
        var h = heading
        while time < until {
            let seconds = min(Int64(legMinutes * 60), until - time)
            sail(hours: Double(seconds) / 3600, heading: h, knots: speed, status: status)
            h = (h + rng.double(in: -40...40) + 360).truncatingRemainder(dividingBy: 360)
        }
    }

    /// Keeps station beside `other` from now until `until`: the other vessel's positions (at now,
    /// at each of its waypoints in between, and at `until`) moved `north`/`east` metres.
    public mutating func keepStation(beside other: SimulatedVessel, until: Int64, north: Double, east: Double, status: UInt8 = 0) {
        setStatus(status)
        let times = [time] + other.path.map(\.time).filter { $0 > time && $0 < until } + [until]
        for (i, t) in times.enumerated() {
            guard let s = other.state(at: t) else { continue }
            let p = s.position.offset(north: north, east: east)
            if i == 0 {
                waypoints[waypoints.count - 1].position = p
            } else {
                waypoints.append(Waypoint(time: t, position: p, status: status))
            }
        }
    }
}

@inline(__always) func cosRad(_ r: Double) -> Double { cos(r) }
@inline(__always) func sinRad(_ r: Double) -> Double { sin(r) }
