import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Port visit detector")
struct PortVisitDetectorTests {
    /// Nampo, built in at 38.736 N 125.409 E. 0.01° of latitude is 1.11195 km.
    let nampo = GeoPoint(latitude: 38.736, longitude: 125.409)
    func south(_ degrees: Double) -> GeoPoint { GeoPoint(latitude: 38.736 - degrees, longitude: 125.409) }
    var detector: PortVisitDetector { PortVisitDetector(ports: DPRKPorts.merged(with: nil)) }

    /// Approach from 5.6 km (outside), enter at 2.2 km, stop 3 h, drift to 3.9 km (inside: the
    /// exit radius is 4 km), leave past 4.4 km.
    func visit(_ id: UInt32, sog inPort: Double? = 0.0) -> [PositionReport] {
        let m = mmsi(id)
        var out = [PositionReport(mmsi: m, time: at(0), position: south(0.05), sog: 6)]
        out += reports(id, from: at(0, 30), to: at(3, 30), everyMinutes: 30, sog: inPort) { _ in south(0.02) }
        out.append(PositionReport(mmsi: m, time: at(4), position: south(0.035), sog: 3))
        out.append(PositionReport(mmsi: m, time: at(4, 30), position: south(0.04), sog: 6))
        return out
    }

    @Test func foreignTankerInNampoIsFlagged() throws {
        let id: UInt32 = 351_000_100  // Panama MID 351
        let tanker = StaticReport(mmsi: mmsi(id), time: at(0), name: "FAR EAST", shipType: 80)
        let events = detector.detect(in: buildTracks(visit(id), [tanker]))
        let e = try #require(events.first)
        #expect(events.count == 1 && e.kind == .portVisit)
        #expect(e.start == at(0, 30) && e.end == at(4))  // last position inside 4 km is 3.9 km away at 04:00
        #expect(e.evidence["port"] == "Nampo" && e.evidence["dprk_port"] == .boolean(true) && e.evidence["flagged"] == .boolean(true))
        #expect(e.evidence["exit_time"] == .time(at(4, 30)))
        #expect(e.evidence["stops"] == 7 && e.evidence["positions"] == 8)
        let reason = e.evidence["flag_reason"].map { "\($0)" } ?? ""
        #expect(reason.contains("non-DPRK MID 351") && reason.contains("tanker"))
        #expect(abs((e.evidence["min_distance_km"]?.doubleValue ?? 0) - 2.224) < 0.001)
        #expect(e.parameters["entry_radius_km"] == 3.0 && e.parameters["exit_radius_km"] == 4.0)
    }

    @Test func dprkCargoShipIsNotFlagged() throws {
        let id: UInt32 = 445_000_100
        let cargo = StaticReport(mmsi: mmsi(id), time: at(0), shipType: 70)
        let e = try #require(detector.detect(in: buildTracks(visit(id), [cargo])).first)
        #expect(e.evidence["dprk_port"] == .boolean(true) && e.evidence["flagged"] == .boolean(false) && e.evidence["flag_reason"] == nil)
        // A DPRK tanker is flagged (tanker), whatever its flag.
        let tanker = StaticReport(mmsi: mmsi(id), time: at(0), shipType: 84)
        #expect(detector.detect(in: buildTracks(visit(id), [tanker])).first?.evidence["flagged"] == .boolean(true))
    }

    @Test func passingWithoutStopOrGapIsNoVisit() {
        // 1 kn in port: never below 0.2 kn, no 4 h silence.
        #expect(detector.detect(in: buildTracks(visit(351_000_101, sog: 1.0))).isEmpty)
        // Borderline stop speed: 0.2 kn is not below 0.2 kn; 0.1 kn is.
        #expect(detector.detect(in: buildTracks(visit(351_000_102, sog: 0.2))).isEmpty)
        #expect(detector.detect(in: buildTracks(visit(351_000_103, sog: 0.1))).count == 1)
    }

    @Test func gapInPortMakesAVisit() {
        // At 1 kn (no stop), silent in port from 00:30 to 04:31 (4.02 h > 4 h): a port gap.
        let m = mmsi(351_000_104)
        func run(_ silentUntil: Timestamp) -> [Event] {
            detector.detect(in: buildTracks([
                PositionReport(mmsi: m, time: at(0, 30), position: south(0.02), sog: 1),
                PositionReport(mmsi: m, time: silentUntil, position: south(0.02), sog: 1),
                PositionReport(mmsi: m, time: silentUntil.adding(seconds: 1800), position: south(0.05), sog: 6),
            ]))
        }
        #expect(run(at(4, 31)).first?.evidence["gaps"] == 1)
        // Exactly 4 h is not over 4 h.
        #expect(run(at(4, 30)).isEmpty)
    }

    @Test func entryAndExitRadiiAreBorderline() {
        // 0.027° = 3.002 km: outside the 3 km entry; 0.026° = 2.891 km: inside.
        let m = mmsi(351_000_105)
        func stopAt(_ d: Double) -> [PositionReport] {
            reports(351_000_105, from: at(0), to: at(1), everyMinutes: 30, sog: 0) { _ in south(d) }
                + [PositionReport(mmsi: m, time: at(2), position: south(0.06), sog: 6)]
        }
        #expect(detector.detect(in: buildTracks(stopAt(0.027))).isEmpty)
        #expect(detector.detect(in: buildTracks(stopAt(0.026))).count == 1)
        // Exit: 0.0359° = 3.992 km stays inside (visit still open at the end: end nil);
        // 0.036° = 4.003 km leaves.
        func thenDrift(_ d: Double) -> [PositionReport] {
            reports(351_000_106, from: at(0), to: at(1), everyMinutes: 30, sog: 0) { _ in south(0.02) }
                + [PositionReport(mmsi: mmsi(351_000_106), time: at(2), position: south(d), sog: 1)]
        }
        let stays = detector.detect(in: buildTracks(thenDrift(0.0359)))
        #expect(stays.count == 1 && stays.first?.end == nil && stays.first?.evidence["exit_time"] == nil)
        let leaves = detector.detect(in: buildTracks(thenDrift(0.036)))
        #expect(leaves.first?.end == at(1) && leaves.first?.evidence["exit_time"] == .time(at(2)))
    }

    @Test func builtInListAndMerging() {
        #expect(DPRKPorts.ports.count == 10)
        #expect(DPRKPorts.ports.allSatisfy { DPRKPorts.isDPRK(country: $0.country) })
        #expect(DPRKPorts.isDPRK(country: " north korea ") && DPRKPorts.isDPRK(country: "KP") && !DPRKPorts.isDPRK(country: "South Korea"))
        let extra = PortList([Port(name: "Dalian", country: "China", position: GeoPoint(latitude: 38.93, longitude: 121.65))])
        #expect(DPRKPorts.merged(with: extra).count == 11)
    }
}
