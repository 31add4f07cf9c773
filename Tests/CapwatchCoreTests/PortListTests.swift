import CapwatchCore
import Testing

@Suite("Port list")
struct PortListTests {
    let list = PortList([
        Port(name: "Nampo", country: "DPRK", position: GeoPoint(latitude: 38.7333, longitude: 125.4)),
        Port(name: "Taean", country: "DPRK", position: GeoPoint(latitude: 38.85, longitude: 125.3)),
        Port(name: "Suva", country: "Fiji", position: GeoPoint(latitude: -18.13, longitude: 178.43)),
        Port(name: "Apia", country: "Samoa", position: GeoPoint(latitude: -13.83, longitude: -171.77)),
    ])

    @Test func nearestWithinRadius() throws {
        // 0.05° of latitude south of Nampo: 0.05 × 111,195 m ≈ 5,560 m.
        let q = GeoPoint(latitude: 38.6833, longitude: 125.4)
        let hit = try #require(list.nearest(to: q, within: 10_000))
        #expect(hit.port.name == "Nampo")
        #expect(abs(hit.distanceMetres - 5_560) < 10)
        #expect(list.nearest(to: q, within: 5_000) == nil)
    }

    @Test func acrossTheAntimeridianAndUnbounded() throws {
        // From 179.9° E, Suva is 1.47° of longitude west; Apia is 8.33° east across the antimeridian.
        let q = GeoPoint(latitude: -18.13, longitude: 179.9)
        #expect(list.nearest(to: q)?.port.name == "Suva")
        let east = GeoPoint(latitude: -13.83, longitude: -171.9)  // 0.13° west of Apia, ~14 km
        #expect(list.nearest(to: east, within: 20_000)?.port.name == "Apia")
        let west = GeoPoint(latitude: -18.13, longitude: -179.95)  // 1.62° east of Suva across 180°, ~171 km
        #expect(list.nearest(to: west, within: 200_000)?.port.name == "Suva")
    }
}
