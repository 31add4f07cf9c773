import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Loitering detector")
struct LoiteringDetectorTests {
    let here = GeoPoint(latitude: 30, longitude: 125)

    @Test func slowForTwoHoursIsLoitering() throws {
        // Every 5 min from 00:00 to 02:00 at 0.5 kn: hours 00 (12 positions), 01 (12), 02 (1), all
        // slow; first to last position 2.0 h ≥ 2 h. Fixed position: distance covered 0 km.
        let track = buildTracks(reports(351_000_001, from: at(0), to: at(2), sog: 0.5) { _ in here })
        let events = LoiteringDetector().detect(in: track)
        let e = try #require(events.first)
        #expect(events.count == 1)
        #expect(e.kind == .loitering && e.start == at(0) && e.end == at(2))
        #expect(e.evidence["duration_h"] == 2.0 && e.evidence["hours"] == 3 && e.evidence["positions"] == 25)
        #expect(e.evidence["distance_km"] == 0.0 && e.evidence["mean_sog_kn"] == 0.5)
        #expect(abs(e.position.latitude - 30) < 1e-9 && abs(e.position.longitude - 125) < 1e-9)
        #expect(e.parameters["max_speed_kn"] == 2.0 && e.parameters["min_duration_h"] == 2.0)
    }

    @Test func borderlineDurationAndSpeed() {
        // 00:00–01:55 is 1.9167 h < 2 h: nothing.
        #expect(LoiteringDetector().detect(in: buildTracks(reports(351_000_002, from: at(0), to: at(1, 55), sog: 0.5) { _ in here })).isEmpty)
        // 2.0 kn is not below 2 kn: nothing; 1.9 kn is.
        #expect(LoiteringDetector().detect(in: buildTracks(reports(351_000_003, from: at(0), to: at(3), sog: 2.0) { _ in here })).isEmpty)
        #expect(LoiteringDetector().detect(in: buildTracks(reports(351_000_004, from: at(0), to: at(3), sog: 1.9) { _ in here })).count == 1)
        // A configurable threshold: 3 h asks more than the 2 h run above gives.
        let three = LoiteringDetector(parameters: LoiteringParameters(minimumDurationHours: 3))
        #expect(three.detect(in: buildTracks(reports(351_000_005, from: at(0), to: at(2), sog: 0.5) { _ in here })).isEmpty)
    }

    @Test func aFastHourSplitsRuns() throws {
        // Slow 00:00–01:55 (1.92 h: too short), 10 kn 02:00–02:55, slow 03:00–05:00 (2.0 h: loitering).
        let v: UInt32 = 351_000_006
        let positions = reports(v, from: at(0), to: at(1, 55), sog: 0.5) { _ in here }
            + reports(v, from: at(2), to: at(2, 55), sog: 10) { _ in here }
            + reports(v, from: at(3), to: at(5), sog: 0.5) { _ in here }
        let events = LoiteringDetector().detect(in: buildTracks(positions))
        #expect(events.count == 1)
        #expect(events.first?.start == at(3) && events.first?.end == at(5))
    }

    @Test func impliedSpeedWithoutSOGAndPath() throws {
        // No SOG: 0.001° of latitude (111.195 m) every 5 min = 0.3707 m/s = 0.72 kn < 2 kn.
        // 00:00–02:00 is 24 steps: 24 × 111.195 m = 2.669 km.
        let track = buildTracks(reports(351_000_007, from: at(0), to: at(2), sog: nil) { t in
            GeoPoint(latitude: 30 + day0.seconds(to: t) / 300 * 0.001, longitude: 125)
        })
        let e = try #require(LoiteringDetector().detect(in: track).first)
        #expect(abs((e.evidence["distance_km"]?.doubleValue ?? 0) - 2.669) < 0.001)
        #expect(abs((e.evidence["mean_sog_kn"]?.doubleValue ?? 0) - 0.72) < 0.01)
        // The same path at 0.01° per 5 min is 7.2 kn: not loitering.
        let fast = buildTracks(reports(351_000_008, from: at(0), to: at(2), sog: nil) { t in
            GeoPoint(latitude: 30 + day0.seconds(to: t) / 300 * 0.01, longitude: 125)
        })
        #expect(LoiteringDetector().detect(in: fast).isEmpty)
    }

    @Test func nearAPortIsNotLoitering() {
        // A port 0.08° north (8.9 km) is within 10 km: excluded; 0.1° (11.1 km) is not.
        let track = buildTracks(reports(351_000_009, from: at(0), to: at(3), sog: 0.5) { _ in here })
        let near = PortList([Port(name: "Near", position: GeoPoint(latitude: 30.08, longitude: 125))])
        let far = PortList([Port(name: "Far", position: GeoPoint(latitude: 30.1, longitude: 125))])
        #expect(LoiteringDetector(ports: near).detect(in: track).isEmpty)
        let e = LoiteringDetector(ports: far).detect(in: track).first
        #expect(e?.evidence["nearest_port"] == "Far")
        #expect(abs((e?.evidence["nearest_port_km"]?.doubleValue ?? 0) - 11.12) < 0.01)
    }
}
