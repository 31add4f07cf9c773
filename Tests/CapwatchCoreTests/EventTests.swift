import CapwatchCore
import Foundation
import Testing

@Suite("Event")
struct EventTests {
    let start = Timestamp(iso8601: "2024-05-01T10:00:00Z")!

    @Test func jsonKeysAndOrder() throws {
        let event = Event(
            kind: .encounter, mmsi: [MMSI(445_000_002)!, MMSI(445_000_001)!], start: start, end: start.adding(seconds: 9000),
            position: GeoPoint(latitude: 38.5, longitude: 124.25),
            parameters: ["max_distance_m": 500, "min_duration_h": 2.0],
            evidence: ["duration_h": 2.5, "nearest_port": "Nampo", "seen": .time(start),
                       "at": .position(GeoPoint(latitude: 1.5, longitude: 2))])
        #expect(event.mmsi.map(\.rawValue) == [445_000_001, 445_000_002])  // sorted
        #expect(event.json == """
            {"kind":"encounter","mmsi":[445000001,445000002],"start":"2024-05-01T10:00:00Z","end":"2024-05-01T12:30:00Z",\
            "lat":38.5,"lon":124.25,"parameters":{"max_distance_m":500,"min_duration_h":2},\
            "evidence":{"duration_h":2.5,"nearest_port":"Nampo","seen":"2024-05-01T10:00:00Z","at":{"lat":1.5,"lon":2}}}
            """)
        // Codable renders the same members; decoding gives the event back.
        let data = try JSONEncoder().encode(event)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "mmsi", "start", "end", "lat", "lon", "parameters", "evidence"])
        let back = try JSONDecoder().decode(Event.self, from: data)
        #expect(back.kind == .encounter && back.start == start && back.end == event.end)
        #expect(back.evidence["duration_h"] == 2.5 && back.evidence["seen"] == .time(start))
    }

    @Test func openEventHasNullEnd() throws {
        let gap = Event(kind: .gap, mmsi: [MMSI(445_000_001)!], start: start, end: nil, position: GeoPoint(latitude: 0, longitude: 0),
                        parameters: [:], evidence: ["note": "a \"quoted\"\nline"])
        #expect(gap.json.contains("\"end\":null"))
        #expect(gap.json.contains(#""note":"a \"quoted\"\nline""#))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(gap)) as? [String: Any])
        #expect(object["end"] is NSNull)
        #expect(gap.durationSeconds == nil)
    }

    @Test func fieldsReplaceInPlace() {
        var f: EventFields = ["a": 1, "b": 2]
        f["a"] = 3
        f["c"] = "x"
        f["b"] = nil
        #expect(f.map(\.name) == ["a", "c"])
        #expect(f["a"] == 3)
    }
}
