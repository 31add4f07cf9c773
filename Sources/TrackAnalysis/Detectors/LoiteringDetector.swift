import CapwatchCore

/// Finds loitering: a vessel slow for hours away from port, the behaviour of a ship waiting for
/// a ship-to-ship transfer (REGIME.md §5 item 5, "loitering in risk areas").
///
/// Definition (after Global Fishing Watch's loitering events, which join consecutive positions at
/// an average speed below 2 knots; GFW publishes carrier loitering of at least 2 hours at least
/// 20 nm from shore), with the defaults of ``LoiteringParameters``:
/// 1. The track's kept positions (outliers excluded) fall into UTC hours (`⌊t / 3600 s⌋`).
/// 2. Each hour's **average speed** is the mean of the SOG reported in it; when no position in the
///    hour reports SOG (minute-stamped exports), it is the speed implied by the path: the length
///    of the segments ending in that hour (from the previous position, if that lies in the same
///    or the previous hour) over their duration. An hour without a known speed is not slow.
/// 3. Consecutive slow hours (average below ``LoiteringParameters/maximumSpeedKnots``, 2 kn) are
///    joined; an hour without positions, or a faster one, ends the run.
/// 4. A run is loitering when the time from its first to its last position is at least
///    ``LoiteringParameters/minimumDurationHours`` (2 h) and, when a port list is given, its mean
///    position is at least ``LoiteringParameters/minimumPortDistanceKilometres`` (10 km) from
///    every port.
///
/// Coast stations, aids to navigation and distress beacons (by ``MMSI/kind``) are ignored.
///
/// Each event: `mmsi` = the vessel, `start`/`end` = first and last position of the run,
/// `position` = the run's mean position. Evidence: `duration_h`, `distance_km` (path length over
/// the run's positions, haversine), `mean_position`, `mean_sog_kn` (mean of the hourly speeds),
/// `hours` (slow hours joined), `positions`, and with a port list `nearest_port`,
/// `nearest_port_km`. Cost: one pass over each track, no allocation per position.
public struct LoiteringDetector: Sendable {
    /// The thresholds, stored with every event.
    public var parameters: LoiteringParameters
    /// Ports whose vicinity is not loitering (waiting at an anchorage is ordinary); nil to skip.
    public var ports: PortList?

    /// - Parameters:
    ///   - parameters: thresholds; 2 kn, 2 h, 10 km by default.
    ///   - ports: ports and anchorages to exclude around; nil for none.
    public init(parameters: LoiteringParameters = LoiteringParameters(), ports: PortList? = nil) {
        self.parameters = parameters
        self.ports = ports
    }

    /// Loitering of all tracks, sorted by start time then MMSI.
    /// - Parameter tracks: tracks from ``TrackBuilder``.
    public func detect(in tracks: [Track]) -> [Event] {
        var events: [Event] = []
        for i in tracks.indices where EncounterDetector.isVessel(tracks[i].mmsi) { events += detect(in: tracks[i]) }
        EventOrder.sortByStartThenFirstMMSI(&events)
        return events
    }

    /// One hour's accumulated measurements.
    private struct Hour {
        var index: Int64 = .min
        var sogSum = 0.0
        var sogCount = 0
        var pathMetres = 0.0
        var pathSeconds = 0.0

        var averageSpeed: Double? {
            if sogCount > 0 { return sogSum / Double(sogCount) }
            if pathSeconds > 0 { return knots(metresPerSecond: pathMetres / pathSeconds) }
            return nil
        }
    }

    /// One run of slow hours.
    private struct Run {
        var first = -1
        var last = -1
        var hours = 0
        var speedSum = 0.0
        var pathMetres = 0.0
        var positions = 0
        var x = 0.0
        var y = 0.0
        var z = 0.0
    }

    /// Loitering of one track, in time order.
    /// - Parameter track: one vessel's track.
    public func detect(in track: Track) -> [Event] {
        var events: [Event] = []
        var run = Run()
        var hour = Hour()
        var hourFirst = -1  // first position of the current hour
        var previous = -1
        let minimumMs = Int64((parameters.minimumDurationHours * 3_600_000).rounded())

        func closeRun() {
            defer { run = Run() }
            guard run.first >= 0, track.times[run.last] - track.times[run.first] >= minimumMs else { return }
            let r = (run.x * run.x + run.y * run.y + run.z * run.z).squareRoot()
            let mean = r > 0 ? GeoPoint(latitude: asinDegrees(run.z / r), longitude: atan2Degrees(run.y, run.x)) : track.position(at: run.first)
            var evidence: EventFields = [
                "duration_h": .number(Double(track.times[run.last] - track.times[run.first]) / 3_600_000),
                "distance_km": .number(roundedTo(run.pathMetres / 1000, 3)), "mean_position": .position(mean),
                "mean_sog_kn": .number(roundedTo(run.speedSum / Double(run.hours), 2)), "hours": .integer(run.hours),
                "positions": .integer(run.positions),
            ]
            if let ports {
                if ports.nearest(to: mean, within: parameters.minimumPortDistanceKilometres * 1000) != nil { return }
                if let n = ports.nearest(to: mean) {
                    evidence["nearest_port"] = .string(n.port.name)
                    evidence["nearest_port_km"] = .number(roundedTo(n.distanceMetres / 1000, 3))
                }
            }
            events.append(Event(kind: .loitering, mmsi: [track.mmsi], start: Timestamp(millisecondsSince1970: track.times[run.first]),
                                end: Timestamp(millisecondsSince1970: track.times[run.last]), position: mean,
                                parameters: parameters.eventFields, evidence: evidence))
        }
        // Ends the hour that runs from `hourFirst` to `end - 1`: extends or closes the run.
        func closeHour(end: Int) {
            guard hourFirst >= 0 else { return }
            if let v = hour.averageSpeed, v < parameters.maximumSpeedKnots {
                if run.first >= 0, floorDivide(track.times[run.last], 3_600_000) + 1 != hour.index { closeRun() }
                if run.first < 0 { run.first = hourFirst }
                run.hours += 1
                run.speedSum += v
                var p = hourFirst
                while p < end {
                    if !track.isOutlier(at: p) {
                        if run.last >= 0, run.last != p {
                            run.pathMetres += track.position(at: run.last).distance(to: track.position(at: p))
                        }
                        let (x, y, z) = ecef(track.latitudes[p], track.longitudes[p])
                        run.x += x
                        run.y += y
                        run.z += z
                        run.positions += 1
                        run.last = p
                    }
                    p += 1
                }
            } else {
                closeRun()
            }
        }

        for i in track.indices where !track.isOutlier(at: i) {
            let h = floorDivide(track.times[i], 3_600_000)
            if h != hour.index {
                closeHour(end: i)
                hour = Hour(index: h)
                hourFirst = i
            }
            let s = track.speeds[i]
            if !s.isNaN {
                hour.sogSum += Double(s)
                hour.sogCount += 1
            }
            if previous >= 0, floorDivide(track.times[previous], 3_600_000) >= h - 1, track.times[i] > track.times[previous] {
                hour.pathMetres += track.position(at: previous).distance(to: track.position(at: i))
                hour.pathSeconds += Double(track.times[i] - track.times[previous]) / 1000
            }
            previous = i
        }
        closeHour(end: track.count)
        closeRun()
        return events
    }
}

/// Parameters of ``LoiteringDetector``; every event stores them.
public struct LoiteringParameters: Hashable, Sendable {
    /// An hour is slow when its average speed is below this, in knots (GFW: 2 kn).
    public var maximumSpeedKnots: Double
    /// Minimum time from the first to the last position of a run of slow hours, in hours (default 2 h).
    public var minimumDurationHours: Double
    /// Minimum distance of the run's mean position from any port, in km (default 10 km, as for
    /// encounters); applied only when the detector has a port list.
    public var minimumPortDistanceKilometres: Double

    /// - Parameters: see the properties.
    public init(maximumSpeedKnots: Double = 2, minimumDurationHours: Double = 2, minimumPortDistanceKilometres: Double = 10) {
        self.maximumSpeedKnots = maximumSpeedKnots
        self.minimumDurationHours = minimumDurationHours
        self.minimumPortDistanceKilometres = minimumPortDistanceKilometres
    }

    /// The parameters as stored with each event: `max_speed_kn`, `min_duration_h`, `min_port_distance_km`, `bin_h`.
    public var eventFields: EventFields {
        [
            "max_speed_kn": .number(maximumSpeedKnots), "min_duration_h": .number(minimumDurationHours),
            "min_port_distance_km": .number(minimumPortDistanceKilometres), "bin_h": .number(1),
        ]
    }
}
