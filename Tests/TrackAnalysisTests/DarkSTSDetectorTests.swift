import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Dark STS detector")
struct DarkSTSDetectorTests {
    let meeting = GeoPoint(latitude: 30, longitude: 125)

    @Test func gapBesideLoiteringEndToEnd() throws {
        // B loiters at 30 N 125 E from 00:00 to 06:00 (0.3 kn). A reports at 30.1 N (11.12 km north)
        // until 01:00, is silent until 05:00 and reappears at 30.05 N (5.56 km). With a 2 h gap
        // threshold: gap 01:00–05:00 (4 h), overlap with the loitering 4 h ≥ 1 h, both ends ≤ 20 km.
        let b = reports(413_000_500, from: at(0), to: at(6)) { _ in meeting }
        let a = reports(351_000_500, from: at(0), to: at(1), sog: 8) { _ in GeoPoint(latitude: 30.1, longitude: 125) }
            + reports(351_000_500, from: at(5), to: at(6), sog: 8) { _ in GeoPoint(latitude: 30.05, longitude: 125) }
        let tracks = buildTracks(a + b)
        let events = GapDetector(parameters: GapParameters(thresholdHours: 2)).detect(in: tracks, dataEnd: nil)
            + LoiteringDetector().detect(in: tracks)
        let out = DarkSTSDetector().detect(in: events)
        let e = try #require(out.first)
        #expect(out.count == 1 && e.kind == .darkSTS)
        #expect(e.mmsi == [mmsi(351_000_500), mmsi(413_000_500)] && e.start == at(1) && e.end == at(5))
        #expect(e.evidence["dark_mmsi"] == 351_000_500 && e.evidence["loitering_mmsi"] == 413_000_500 && e.evidence["overlap_h"] == 4.0)
        #expect(abs((e.evidence["off_distance_km"]?.doubleValue ?? 0) - 11.12) < 0.01)
        #expect(abs((e.evidence["on_distance_km"]?.doubleValue ?? 0) - 5.56) < 0.01)
    }

    /// A gap of vessel 1 from 01:00 to 05:00, off at `off` and on at 30.05 N; loitering of vessel 2
    /// at 30 N 125 E from 00:00 to `loiterEnd`.
    func pair(off: GeoPoint, loiterEnd: Timestamp) -> [Event] {
        let gap = Event(kind: .gap, mmsi: [mmsi(351_000_501)], start: at(1), end: at(5), position: off, parameters: [:],
                        evidence: ["off_lat": .number(off.latitude), "off_lon": .number(off.longitude), "on_lat": 30.05, "on_lon": 125.0])
        let loiter = Event(kind: .loitering, mmsi: [mmsi(413_000_501)], start: at(0), end: loiterEnd, position: meeting, parameters: [:], evidence: [:])
        return DarkSTSDetector().detect(in: [gap, loiter])
    }

    @Test func borderlineDistanceAndOverlap() {
        // 0.179° north = 19.90 km ≤ 20 km; 0.18° = 20.015 km > 20 km.
        #expect(pair(off: GeoPoint(latitude: 30.179, longitude: 125), loiterEnd: at(6)).count == 1)
        #expect(pair(off: GeoPoint(latitude: 30.18, longitude: 125), loiterEnd: at(6)).isEmpty)
        // Loitering ending at 02:00 overlaps the gap 1 h (enough); at 01:55, 0.92 h (not).
        #expect(pair(off: GeoPoint(latitude: 30.1, longitude: 125), loiterEnd: at(2)).count == 1)
        #expect(pair(off: GeoPoint(latitude: 30.1, longitude: 125), loiterEnd: at(1, 55)).isEmpty)
    }

    @Test func ownLoiteringAndOpenGapsDoNotCount() {
        let gap = Event(kind: .gap, mmsi: [mmsi(351_000_502)], start: at(1), end: nil, position: meeting, parameters: [:],
                        evidence: ["off_lat": 30.0, "off_lon": 125.0])
        let own = Event(kind: .loitering, mmsi: [mmsi(351_000_502)], start: at(0), end: at(6), position: meeting, parameters: [:], evidence: [:])
        #expect(DarkSTSDetector().detect(in: [gap, own]).isEmpty)
    }
}
