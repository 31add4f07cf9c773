import CapwatchCore

/// Finds port visits, and flags visits to DPRK ports that sanctions make suspect.
///
/// Definition (Global Fishing Watch port visits, github.com/GlobalFishingWatch/pipe-anchorages,
/// `port_visits`: port entry within 3 km of an anchorage, port exit beyond 4 km, a port stop when
/// speed falls below 0.2 kn, a port gap when the vessel is silent over 4 h while in port), with the
/// defaults of ``PortVisitParameters``:
/// - a vessel **enters** when a kept position (outliers excluded) lies within
///   ``PortVisitParameters/entryRadiusKilometres`` (3 km) of a port of the list (the nearest one);
/// - it **exits** at the first later position farther than
///   ``PortVisitParameters/exitRadiusKilometres`` (4 km) from that port (the hysteresis keeps a
///   ship swinging at anchor near the 3 km line inside);
/// - while inside, a position slower than ``PortVisitParameters/stopSpeedKnots`` (0.2 kn: the
///   reported SOG, or the speed implied from the previous position when no SOG is reported) is a
///   **stop**, and two consecutive positions more than ``PortVisitParameters/gapHours`` (4 h) apart
///   are a **gap**;
/// - a visit is reported when it has a stop or a gap (GFW's higher-confidence visits), unless
///   ``PortVisitParameters/requireStopOrGap`` is false.
///
/// A visit still inside at the end of the data is reported with `end` nil.
///
/// **DPRK ports.** A port is North Korean when ``DPRKPorts/isDPRK(country:)`` accepts its country
/// (the built-in ``DPRKPorts/ports`` and World Port Index rows with `North Korea`). A visit to one
/// is `flagged` when the vessel's MID is not 445 (a foreign ship in a DPRK port: resolution 2397
/// para 9 lets states inspect it, REGIME.md §5) or when the vessel reported a tanker ship type
/// (80–89) at any time (any tanker in a DPRK port may deliver refined petroleum under the cap).
///
/// Each event: `mmsi` = the vessel, `start` = entry position time, `end` = the last position
/// within the exit radius (nil while inside at the end), `position` = the port's position.
/// Evidence: `port`, `country`, `port_lat`, `port_lon`, `min_distance_km`, `duration_h` (to the
/// last inside position), `positions`, `stops`, `gaps`, `exit_time` (first position outside; absent
/// while inside), `dprk_port`, `flagged` and, when flagged, `flag_reason`.
public struct PortVisitDetector: Sendable {
    /// The thresholds, stored with every event.
    public var parameters: PortVisitParameters
    /// The ports; typically ``DPRKPorts/merged(with:cellDegrees:)``.
    public var ports: PortList

    /// - Parameters:
    ///   - parameters: thresholds; GFW's by default.
    ///   - ports: the ports and anchorages to detect visits to.
    public init(parameters: PortVisitParameters = PortVisitParameters(), ports: PortList) {
        self.parameters = parameters
        self.ports = ports
    }

    /// Visits of all tracks, sorted by start time then MMSI.
    /// - Parameter tracks: tracks from ``TrackBuilder``.
    public func detect(in tracks: [Track]) -> [Event] {
        var events: [Event] = []
        for i in tracks.indices where EncounterDetector.isVessel(tracks[i].mmsi) { events += detect(in: tracks[i]) }
        EventOrder.sortByStartThenFirstMMSI(&events)
        return events
    }

    private struct Visit {
        var port: Port
        var first: Int
        var last: Int
        var minDistance: Double
        var positions = 1
        var stops = 0
        var gaps = 0
    }

    /// Visits of one track, in time order.
    /// - Parameter track: one vessel's track.
    public func detect(in track: Track) -> [Event] {
        guard ports.count > 0 else { return [] }
        let entry = parameters.entryRadiusKilometres * 1000
        let exit = parameters.exitRadiusKilometres * 1000
        let gapMs = Int64((parameters.gapHours * 3_600_000).rounded())
        let tanker = track.isTanker
        var events: [Event] = []
        var visit: Visit?
        var previous = -1

        func isStop(_ i: Int) -> Bool {
            let s = track.speeds[i]
            if !s.isNaN { return Double(s) < parameters.stopSpeedKnots }
            guard previous >= 0, track.times[i] > track.times[previous] else { return false }
            let metres = track.position(at: previous).distance(to: track.position(at: i))
            return knots(metresPerSecond: metres / (Double(track.times[i] - track.times[previous]) / 1000)) < parameters.stopSpeedKnots
        }
        func close(_ v: Visit, exitIndex: Int?) {
            guard !parameters.requireStopOrGap || v.stops + v.gaps > 0 else { return }
            let dprk = DPRKPorts.isDPRK(country: v.port.country)
            var reasons: [String] = []
            if dprk {
                if track.mmsi.mid != MaritimeIdentificationDigits.dprk {
                    reasons.append("non-DPRK MID \(track.mmsi.mid.map(String.init) ?? "none") in a DPRK port")
                }
                if tanker { reasons.append("tanker (ship type 80-89) in a DPRK port") }
            }
            var evidence: EventFields = [
                "port": .string(v.port.name), "country": .string(v.port.country ?? ""), "port_lat": .number(v.port.position.latitude),
                "port_lon": .number(v.port.position.longitude), "min_distance_km": .number(roundedTo(v.minDistance / 1000, 3)),
                "duration_h": .number(Double(track.times[v.last] - track.times[v.first]) / 3_600_000), "positions": .integer(v.positions),
                "stops": .integer(v.stops), "gaps": .integer(v.gaps),
            ]
            if let exitIndex { evidence["exit_time"] = .time(Timestamp(millisecondsSince1970: track.times[exitIndex])) }
            evidence["dprk_port"] = .boolean(dprk)
            evidence["flagged"] = .boolean(!reasons.isEmpty)
            if !reasons.isEmpty { evidence["flag_reason"] = .string(reasons.joined(separator: "; ")) }
            events.append(Event(kind: .portVisit, mmsi: [track.mmsi], start: Timestamp(millisecondsSince1970: track.times[v.first]),
                                end: exitIndex == nil ? nil : Timestamp(millisecondsSince1970: track.times[v.last]),
                                position: v.port.position, parameters: parameters.eventFields, evidence: evidence))
        }

        for i in track.indices where !track.isOutlier(at: i) {
            defer { previous = i }
            let p = track.position(at: i)
            if var v = visit {
                let d = p.distance(to: v.port.position)
                if d > exit {
                    close(v, exitIndex: i)
                    visit = nil
                } else {
                    v.positions += 1
                    v.minDistance = min(v.minDistance, d)
                    if track.times[i] - track.times[v.last] > gapMs { v.gaps += 1 }
                    if isStop(i) { v.stops += 1 }
                    v.last = i
                    visit = v
                    continue
                }
            }
            if let hit = ports.nearest(to: p, within: entry) {
                var v = Visit(port: hit.port, first: i, last: i, minDistance: hit.distanceMetres)
                if isStop(i) { v.stops += 1 }
                visit = v
            }
        }
        if let v = visit { close(v, exitIndex: nil) }
        return events
    }
}

/// Parameters of ``PortVisitDetector``; every event stores them.
public struct PortVisitParameters: Hashable, Sendable {
    /// Entry radius around a port, in km (GFW: 3 km).
    public var entryRadiusKilometres: Double
    /// Exit radius, in km, ≥ the entry radius (GFW: 4 km).
    public var exitRadiusKilometres: Double
    /// A position slower than this, in knots, is a stop (GFW: 0.2 kn).
    public var stopSpeedKnots: Double
    /// Silence in port longer than this, in hours, is a port gap (GFW: 4 h).
    public var gapHours: Double
    /// Report only visits with a stop or a gap (GFW's higher-confidence visits); default true.
    public var requireStopOrGap: Bool

    /// - Parameters: see the properties.
    public init(entryRadiusKilometres: Double = 3, exitRadiusKilometres: Double = 4, stopSpeedKnots: Double = 0.2, gapHours: Double = 4,
                requireStopOrGap: Bool = true) {
        self.entryRadiusKilometres = entryRadiusKilometres
        self.exitRadiusKilometres = max(exitRadiusKilometres, entryRadiusKilometres)
        self.stopSpeedKnots = stopSpeedKnots
        self.gapHours = gapHours
        self.requireStopOrGap = requireStopOrGap
    }

    /// The parameters as stored with each event.
    public var eventFields: EventFields {
        [
            "entry_radius_km": .number(entryRadiusKilometres), "exit_radius_km": .number(exitRadiusKilometres),
            "stop_speed_kn": .number(stopSpeedKnots), "gap_h": .number(gapHours), "require_stop_or_gap": .boolean(requireStopOrGap),
        ]
    }
}
