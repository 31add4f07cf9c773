import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Spoofing detector and land mask")
struct SpoofingDetectorTests {
    func checks(_ events: [Event]) -> [String] { events.compactMap { if case .string(let s)? = $0.evidence["check"] { s } else { nil } } }

    @Test func twoShipsSharingAnMMSI() throws {
        // Every 5 min, alternately at 30 N and 31 N (111.195 km apart: 720 kn between neighbours),
        // 10 positions each. A = 30 N (first), B = 31 N: 19 switches, separation 111.195 km.
        let m = mmsi(412_000_300)
        var positions: [PositionReport] = []
        for k in 0..<20 {
            positions.append(PositionReport(mmsi: m, time: at(0, 5 * k), position: GeoPoint(latitude: k % 2 == 0 ? 30 : 31, longitude: 125), sog: 10))
        }
        let events = SpoofingDetector().detect(in: buildTracks(positions))
        #expect(checks(events) == ["two_places_at_once"])
        let e = try #require(events.first)
        #expect(e.evidence["positions_a"] == 10 && e.evidence["positions_b"] == 10 && e.evidence["switches"] == 19)
        #expect(abs((e.evidence["median_separation_km"]?.doubleValue ?? 0) - 111.195) < 0.001)
        #expect(e.start == at(0, 5) && e.end == at(0, 95))
    }

    @Test func oneJumpIsAnImpossibleSpeed() throws {
        // At 30 N every 5 min; at 00:20 one position at 31 N: 111.195 km in 5 min = 720.5 kn (0.1 kn steps).
        let m = mmsi(412_000_301)
        var positions = reports(412_000_301, from: at(0), to: at(1)) { _ in GeoPoint(latitude: 30, longitude: 125) }
        positions.removeAll { $0.time == at(0, 20) }
        positions.append(PositionReport(mmsi: m, time: at(0, 20), position: GeoPoint(latitude: 31, longitude: 125)))
        let events = SpoofingDetector().detect(in: buildTracks(positions))
        #expect(checks(events) == ["impossible_speed"])
        let e = try #require(events.first)
        #expect(e.evidence["outliers"] == 1 && e.start == at(0, 20))
        #expect(e.evidence["implied_speed_kn"] == 720.5)  // 111,195 m / 1,852 × 12 = 720.49
    }

    @Test func borderlineJumpSpeed() {
        // 5 min jumps: 0.068° = 7,561 m → 48.99 kn (not flagged); 0.0709° = 7,884 m → 51.08 kn (flagged).
        func jump(_ degrees: Double) -> [Event] {
            let m = mmsi(412_000_302)
            return SpoofingDetector().detect(in: buildTracks([
                PositionReport(mmsi: m, time: at(0), position: GeoPoint(latitude: 30, longitude: 125)),
                PositionReport(mmsi: m, time: at(0, 5), position: GeoPoint(latitude: 30 + degrees, longitude: 125)),
            ]))
        }
        #expect(jump(0.068).isEmpty)
        #expect(checks(jump(0.0709)) == ["impossible_speed"])
    }

    @Test func sentinelPositions() {
        // (0, 0) between two real positions: a sentinel, and (from 30 N) an impossible jump.
        let m = mmsi(412_000_303)
        let events = SpoofingDetector().detect(in: buildTracks([
            PositionReport(mmsi: m, time: at(0), position: GeoPoint(latitude: 30, longitude: 125)),
            PositionReport(mmsi: m, time: at(0, 5), position: GeoPoint(latitude: 0, longitude: 0)),
            PositionReport(mmsi: m, time: at(0, 10), position: GeoPoint(latitude: 30, longitude: 125)),
        ]))
        #expect(checks(events).sorted() == ["impossible_speed", "sentinel_position"])
        // 0.0001° off null island is a position, not the sentinel.
        let near = SpoofingDetector().detect(in: buildTracks([PositionReport(mmsi: m, time: at(0), position: GeoPoint(latitude: 0.0001, longitude: 0))]))
        #expect(near.isEmpty)
    }

    /// A 1° square island at 30–31 N, 125–126 E with a lagoon (hole) at 30.4–30.6 N, 125.4–125.6 E.
    static let island: [[[GeoPoint]]] = [[
        [GeoPoint(latitude: 30, longitude: 125), GeoPoint(latitude: 30, longitude: 126), GeoPoint(latitude: 31, longitude: 126),
         GeoPoint(latitude: 31, longitude: 125), GeoPoint(latitude: 30, longitude: 125)],
        [GeoPoint(latitude: 30.4, longitude: 125.4), GeoPoint(latitude: 30.6, longitude: 125.4), GeoPoint(latitude: 30.6, longitude: 125.6),
         GeoPoint(latitude: 30.4, longitude: 125.6)],
    ]]

    @Test(arguments: [0.25, 0.1, 0.07])
    func landMaskPointInPolygon(cell: Double) {
        let land = LandMask(polygons: Self.island, cellDegrees: cell)
        #expect(land.contains(GeoPoint(latitude: 30.2, longitude: 125.2)))
        #expect(land.contains(GeoPoint(latitude: 30.999, longitude: 125.999)))
        #expect(!land.contains(GeoPoint(latitude: 30.5, longitude: 125.5)))  // lagoon
        #expect(!land.contains(GeoPoint(latitude: 29.999, longitude: 125.5)))
        #expect(!land.contains(GeoPoint(latitude: 30.5, longitude: 126.001)))
        #expect(!land.contains(GeoPoint(latitude: 40, longitude: 140)))  // outside the bounding box
        #expect(land.contains(GeoPoint(latitude: 30.39, longitude: 125.5)))  // 0.01° south of the lagoon
    }

    @Test func positionsOnLand() throws {
        let land = LandMask(polygons: Self.island)
        // 30.2 N is 22 km inside: on land. 30.01 N is 1.1 km inside: on land with no tolerance, not
        // with the default 2 km. Every 5 min for 30 min: one run, one event.
        func run(_ lat: Double, tolerance: Double = 2) -> [Event] {
            SpoofingDetector(parameters: SpoofingParameters(landToleranceKilometres: tolerance), land: land).detect(
                in: buildTracks(reports(412_000_304, from: at(0), to: at(0, 30), sog: 0) { _ in GeoPoint(latitude: lat, longitude: 125.5) }))
        }
        let e = try #require(run(30.2).first)
        #expect(checks(run(30.2)) == ["on_land"] && e.evidence["positions"] == 7)
        #expect(run(30.01).isEmpty)
        #expect(run(30.01, tolerance: 0).count == 1)
        #expect(run(29.9, tolerance: 0).isEmpty)
    }
}
