import AISDecoding
import CapwatchCore

/// One simulated transmission: an AIS message, when it was received, and on which channel.
public struct SimulatedMessage: Sendable {
    /// Receive time, seconds since 1970 UTC (written as the tag block's `c:`).
    public var time: Int64
    /// The message.
    public var message: AISMessage
    /// Radio channel, `A` or `B`.
    public var channel: Character
}

/// Turns simulated vessels into the AIS messages a shore receiver would log.
///
/// Reporting intervals are those of ITU-R M.1371-5 Annex 1, Table 1 (``reportingInterval(_:sog:status:)``):
/// Class A every 10 s at 0–14 kn, 6 s at 14–23 kn, 2 s above 23 kn, and every 3 minutes at anchor
/// or moored when not moving faster than 3 kn (the faster rates while changing course are not
/// modelled); Class B "CS" every 3 minutes at 2 kn or less and 30 s above. Static data (type 5, or
/// type 24 parts A and B) every 6 minutes. ``thinSeconds`` keeps at most one position report per
/// vessel in that many seconds (the next scheduled report at least that long after the last kept
/// one), so that days of traffic stay small.
public struct TrafficSimulator: Sendable {
    /// Minimum spacing of kept position reports of one vessel, seconds; 0 keeps every report.
    public var thinSeconds: Int64
    /// Interval of static data reports, seconds (the standard's 6 minutes).
    public var staticIntervalSeconds: Int64

    /// - Parameters: see the properties.
    public init(thinSeconds: Int64 = 0, staticIntervalSeconds: Int64 = 360) {
        self.thinSeconds = max(0, thinSeconds)
        self.staticIntervalSeconds = max(1, staticIntervalSeconds)
    }

    /// The nominal interval between position reports (ITU-R M.1371-5 Annex 1, Table 1), seconds.
    /// - Parameters:
    ///   - transponder: Class A or B.
    ///   - sog: speed over ground, knots.
    ///   - status: navigational status (1 at anchor, 5 moored).
    public static func reportingInterval(_ transponder: SimulatedVessel.Transponder, sog: Double, status: UInt8) -> Int64 {
        switch transponder {
        case .classB:
            return sog > 2 ? 30 : 180
        case .classA:
            if (status == 1 || status == 5), sog <= 3 { return 180 }
            if sog > 23 { return 2 }
            if sog > 14 { return 6 }
            return 10
        }
    }

    /// Every message of every vessel between `start` and `end` (seconds since 1970 UTC, inclusive),
    /// in time order (ties in vessel order).
    public func messages(for vessels: [SimulatedVessel], from start: Int64, to end: Int64) -> [SimulatedMessage] {
        var all: [(SimulatedMessage, Int, Int)] = []
        for (v, vessel) in vessels.enumerated() {
            var k = 0
            for m in messages(for: vessel, from: start, to: end) {
                all.append((m, v, k))
                k += 1
            }
        }
        all.sort { ($0.0.time, $0.1, $0.2) < ($1.0.time, $1.1, $1.2) }
        return all.map(\.0)
    }

    /// The messages of one vessel, in time order.
    public func messages(for vessel: SimulatedVessel, from start: Int64, to end: Int64) -> [SimulatedMessage] {
        guard let first = vessel.path.first?.time, let last = vessel.path.last?.time else { return [] }
        var out: [SimulatedMessage] = []
        let from = max(start, first) + vessel.phase
        let to = min(end, last)
        var t = from
        var lastKept = Int64.min / 2
        var nextStatic = from
        var count = 0
        while t <= to {
            guard let state = vessel.state(at: t) else { break }
            if !vessel.isDark(at: t) {
                let identity = vessel.identity(at: t)
                if t >= nextStatic {
                    out += staticMessages(identity, vessel.transponder, at: t, channel: count)
                    nextStatic = t + staticIntervalSeconds
                }
                if t - lastKept >= thinSeconds {
                    let position = vessel.transmittedPosition(at: t, true: state.position)
                    out.append(SimulatedMessage(time: t, message: positionReport(identity, vessel.transponder, state, position, at: t),
                                                channel: count % 2 == 0 ? "A" : "B"))
                    lastKept = t
                    count += 1
                }
            } else {
                nextStatic = t  // static data goes out again as soon as the AIS is back on
            }
            t += Self.reportingInterval(vessel.transponder, sog: state.sog, status: state.status)
        }
        return out
    }

    private func positionReport(_ id: SimulatedIdentity, _ transponder: SimulatedVessel.Transponder,
                                _ state: (position: GeoPoint, sog: Double, cog: Double, status: UInt8), _ position: GeoPoint,
                                at t: Int64) -> AISMessage {
        let second = UInt8(((t % 60) + 60) % 60)
        let moving = state.sog >= 0.05
        switch transponder {
        case .classA:
            return .positionReport(
                PositionReportClassA(
                    messageType: 1, mmsi: id.mmsi, navigationalStatus: state.status, rawRateOfTurn: 0,
                    rawSOG: AISScaling.rawSpeed(knots: state.sog), positionAccuracy: true,
                    rawLongitude: AISScaling.rawLongitude(degrees: position.longitude), rawLatitude: AISScaling.rawLatitude(degrees: position.latitude),
                    rawCOG: AISScaling.rawCourse(degrees: state.cog), rawHeading: moving ? AISScaling.rawHeading(degrees: state.cog) : 511,
                    timeStamp: second))
        case .classB:
            return .classBPositionReport(
                ClassBPositionReport(
                    mmsi: id.mmsi, rawSOG: AISScaling.rawSpeed(knots: state.sog), positionAccuracy: false,
                    rawLongitude: AISScaling.rawLongitude(degrees: position.longitude), rawLatitude: AISScaling.rawLatitude(degrees: position.latitude),
                    rawCOG: moving ? AISScaling.rawCourse(degrees: state.cog) : 3600, timeStamp: second, carrierSense: true))
        }
    }

    private func staticMessages(_ id: SimulatedIdentity, _ transponder: SimulatedVessel.Transponder, at t: Int64, channel: Int)
        -> [SimulatedMessage]
    {
        switch transponder {
        case .classA:
            let m = StaticAndVoyageData(
                mmsi: id.mmsi, aisVersion: 1, imoNumber: UInt32(id.imo ?? 0), callSign: id.callSign, shipName: id.name,
                shipType: UInt8(id.shipType), toBow: UInt16(id.toBow), toStern: UInt16(id.toStern), toPort: UInt8(id.toPort),
                toStarboard: UInt8(id.toStarboard), epfd: 1, rawDraught: AISScaling.rawDraught(metres: id.draught),
                destination: id.destination)
            return [SimulatedMessage(time: t, message: .staticAndVoyageData(m), channel: channel % 2 == 0 ? "A" : "B")]
        case .classB:
            let a = StaticDataReport(mmsi: id.mmsi, shipName: id.name)
            let b = StaticDataReport(
                mmsi: id.mmsi,
                partB: .init(shipType: UInt8(id.shipType), vendorID: "SIM", callSign: id.callSign, toBow: UInt16(id.toBow),
                             toStern: UInt16(id.toStern), toPort: UInt8(id.toPort), toStarboard: UInt8(id.toStarboard)))
            return [SimulatedMessage(time: t, message: .staticDataReport(a), channel: "A"),
                    SimulatedMessage(time: t, message: .staticDataReport(b), channel: "B")]
        }
    }
}
