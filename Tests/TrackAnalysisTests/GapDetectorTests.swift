import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Gap detector")
struct GapDetectorTests {
    @Test func closedGapWithDistanceAndImpliedSpeed() throws {
        // Reports at 00:00 and 00:10 at 38° N 124° E, then silence until 14:10 at 39° N 124° E.
        // Gap 14 h ≥ 12 h. Distance 1° of latitude = π/180 × 6,371,008.8 m = 111,195 m.
        // Implied speed 111,195 m / 14 h = 7,942.5 m/h = 4.289 kn.
        // A second silence of 11 h (14:10 → 01:10 next day) is below the threshold.
        let v = mmsi(445_000_010)
        let positions = [
            PositionReport(mmsi: v, time: at(0), position: GeoPoint(latitude: 38, longitude: 124)),
            PositionReport(mmsi: v, time: at(0, 10), position: GeoPoint(latitude: 38, longitude: 124)),
            PositionReport(mmsi: v, time: at(14, 10), position: GeoPoint(latitude: 39, longitude: 124)),
            PositionReport(mmsi: v, time: at(25, 10), position: GeoPoint(latitude: 39, longitude: 124.1)),
        ]
        let events = GapDetector().detect(in: buildTracks(positions), dataEnd: at(26))
        #expect(events.count == 1)
        let gap = try #require(events.first)
        #expect(gap.kind == .gap && gap.mmsi == [v])
        #expect(gap.start == at(0, 10) && gap.end == at(14, 10))
        #expect(gap.position == GeoPoint(latitude: 38, longitude: 124))
        #expect(gap.evidence["gap_h"] == 14.0)
        #expect(abs((gap.evidence["distance_km"]?.doubleValue ?? 0) - 111.195) < 0.001)
        #expect(abs((gap.evidence["implied_speed_kn"]?.doubleValue ?? 0) - 4.2886) < 0.0005)
        #expect(gap.evidence["on_time"] == .time(at(14, 10)) && gap.evidence["off_lat"] == 38.0)
        #expect(gap.parameters["threshold_h"] == 12.0)
    }

    @Test func openGapAtTheEndOfTheData() throws {
        // Vessel A is last seen at 10:00; the data end at 24:00, so it has been silent 14 h ≥ 12 h: open gap.
        // Vessel B is last seen at 20:00: 4 h of silence, nothing reported.
        let a = reports(445_000_011, from: at(8), to: at(10)) { _ in GeoPoint(latitude: 39.1, longitude: 124.6) }
        let b = reports(445_000_012, from: at(8), to: at(20), everyMinutes: 60) { _ in GeoPoint(latitude: 39.2, longitude: 124.6) }
        let events = GapDetector().detect(in: buildTracks(a + b), dataEnd: at(24))
        #expect(events.count == 1)
        let gap = try #require(events.first)
        #expect(gap.mmsi == [mmsi(445_000_011)] && gap.start == at(10) && gap.end == nil)
        #expect(gap.evidence["gap_h"] == 14.0)
        #expect(gap.evidence["distance_km"] == nil)
        #expect(gap.json.contains("\"end\":null"))
        // Without a data end, only closed gaps are reported.
        #expect(GapDetector().detect(in: buildTracks(a + b), dataEnd: nil).isEmpty)
        // A lower threshold is a parameter, stored with the event.
        let six = GapDetector(parameters: GapParameters(thresholdHours: 4)).detect(in: buildTracks(a + b), dataEnd: at(24))
        #expect(six.count == 2 && six.allSatisfy { $0.parameters["threshold_h"] == 4.0 })
    }
}
