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

    @Test("a literal keeps its fields in the order written; a repeated name keeps its last value, in its first place")
    func literalWithRepeatedName() {
        let distinct: EventFields = ["b": .number(1), "a": .string("x"), "ab": .boolean(true)]
        #expect(distinct.map(\.name) == ["b", "a", "ab"])
        let repeated: EventFields = ["b": .number(1), "a": .string("x"), "b": .number(2), "cc": .number(3), "a": .string("y")]
        #expect(repeated.map(\.name) == ["b", "a", "cc"])
        #expect(repeated["b"] == .number(2))
        #expect(repeated["a"] == .string("y"))
    }

    @Test func everyKindStartsItsJSONWithItsNameAndKnowsItsOrdinal() throws {
        for (i, kind) in Event.Kind.allCases.enumerated() {
            #expect(kind.ordinal == i)
            let event = Event(kind: kind, mmsi: [MMSI(445_000_001)!], start: start, end: nil, position: GeoPoint(latitude: 0, longitude: 0),
                              parameters: [:], evidence: [:])
            #expect(event.json.hasPrefix("{\"kind\":\"\(kind.rawValue)\",\"mmsi\":[445000001],\"start\":"))
        }
    }

    /// `appendShortest` writes short decimals itself and must give `description`'s text for every
    /// finite number: short and long decimals, coordinates, hours, powers of ten and their neighbours.
    @Test func shortestNumberTextIsSwiftsDescription() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> UInt64 {  // SplitMix64: the same numbers on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var values: [Double] = [0.1, -0.25, 1e-4, 1e-5, 0.00012345, 123_456_789_012_345.6, 1e15 + 0.5, 99_999_999_999_999.9, -5.516667, 15.798055555555555]
        for k in -6...17 {
            var below = pow(10, Double(k)), above = below
            for _ in 0..<3 {
                below = below.nextDown
                above = above.nextUp
                values += [below, above, -below, below + 0.5]
            }
        }
        var power = 1.0
        for _ in 0..<19 {
            power *= 10
            for _ in 0..<2_000 {
                let digits = Double(random() % 1_000_000_000_000_000) / Double(1 << (random() % 50))
                values += [digits.rounded() / power, (digits / power).rounded() / 3600, -digits / power]
            }
        }
        for _ in 0..<50_000 {
            let latitude = Double(random() % 180_000_000_000) / 1e9 - 90
            values += [latitude, (latitude * 10_000_000).rounded() / 10_000_000, (latitude * 1000).rounded() / 1000,
                       Double(bitPattern: 0x3F00_0000_0000_0000 + random() % 0x0430_0000_0000_0000)]
        }
        var out: [UInt8] = []
        var mismatches: [String] = []
        for v in values where v.isFinite {
            out.removeAll(keepingCapacity: true)
            JSONText.appendShortest(v, to: &out)
            if String(decoding: out, as: UTF8.self) != v.description { mismatches.append(v.description) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
