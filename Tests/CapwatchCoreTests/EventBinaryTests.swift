import Testing

@testable import CapwatchCore

/// The binary record of an event (`Event+Binary.swift`): what is read back is the event written,
/// equal field by field (numbers compared by their bits), and cut or damaged records are refused.
struct EventBinaryTests {
    private func events() -> [Event] {
        let a = MMSI(445_123_456)!, b = MMSI(211_000_001)!, c = MMSI(999_999_999)!
        let t0 = Timestamp(millisecondsSince1970: 1_528_000_000_123)
        return [
            Event(kind: .encounter, mmsi: [b, a], start: t0, end: t0.adding(seconds: 7_200), position: GeoPoint(latitude: 38.9, longitude: 124.1),
                  parameters: ["max_distance_m": .number(500), "min_duration_h": .number(2)],
                  evidence: ["median_distance_m": .number(123.456_789), "samples": .integer(-42), "name": .string("KUM UN SAN 3 — 금운산"),
                             "off_time": .time(Timestamp(millisecondsSince1970: -86_400_001)), "at": .position(GeoPoint(latitude: -0.0, longitude: 180)),
                             "flagged": .boolean(true), "no": .boolean(false)]),
            // Open, no fields, no MMSI; numbers that only their bits tell apart.
            Event(kind: .gap, mmsi: [], start: Timestamp(millisecondsSince1970: Int64.min), end: nil, position: GeoPoint(latitude: .nan, longitude: -.infinity),
                  parameters: [:], evidence: ["tiny": .number(.leastNonzeroMagnitude), "big": .integer(Int.max), "empty": .string("")]),
            Event(kind: .darkSTS, mmsi: [a, b, c], start: t0, end: t0, position: GeoPoint(latitude: 90, longitude: -180),
                  parameters: ["min_overlap_h": .number(1)], evidence: ["note": .string("line\nbreak \"quoted\" \u{0}")]),
            // One IMO number on 70,000 MMSIs: more than a 16-bit count holds (a newcomer's check
            // found that such an event stopped the spill).
            Event(kind: .identityChange, mmsi: (0..<70_000).map { MMSI(200_000_000 + $0)! }, start: t0, end: nil,
                  position: GeoPoint(latitude: 0, longitude: 0), parameters: [:],
                  evidence: EventFields(dictionaryLiteral: ("finding", .string("imo_shared")))),
        ]
    }

    /// Equal as the written event, with Double fields compared by their bits (NaN ≠ NaN otherwise).
    private func same(_ x: Event, _ y: Event) -> Bool {
        func bits(_ f: EventFields) -> [String] {
            f.map { field in
                switch field.value {
                case .number(let v): "\(field.name)=n\(v.bitPattern)"
                case .position(let p): "\(field.name)=p\(p.latitude.bitPattern),\(p.longitude.bitPattern)"
                default: "\(field.name)=\(field.value)"
                }
            }
        }
        return x.kind == y.kind && x.mmsi == y.mmsi && x.start == y.start && x.end == y.end
            && x.position.latitude.bitPattern == y.position.latitude.bitPattern && x.position.longitude.bitPattern == y.position.longitude.bitPattern
            && bits(x.parameters) == bits(y.parameters) && bits(x.evidence) == bits(y.evidence)
    }

    @Test func everyEventReadsBackAsWritten() throws {
        let written = events()
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for e in written {
            starts.append(bytes.count)
            e.appendBinary(to: &bytes)
        }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            for (i, e) in written.enumerated() {
                #expect(offset == starts[i])
                #expect(Event.binaryRecordLength(raw, at: offset) == (i + 1 < starts.count ? starts[i + 1] : bytes.count) - starts[i])
                let read = try Event(binary: raw, offset: &offset)
                #expect(same(read, e), "event \(i)")
            }
            #expect(offset == bytes.count)
            #expect(Event.binaryRecordLength(raw, at: offset) == nil)
        }
    }

    /// One reader over many records of the same kind reuses the last record's parameters and names
    /// only where the bytes are the same: changed names, values, parameters and field counts
    /// all read back as written.
    @Test func aReaderOverRecordsOfOneKindReadsEachAsWritten() throws {
        let t = Timestamp(millisecondsSince1970: 1_600_000_000_000)
        func draught(_ evidence: EventFields, _ parameters: EventFields = ["min_change_m": .number(0.5), "report_window_h": .number(6)]) -> Event {
            Event(kind: .draughtChange, mmsi: [MMSI(412_000_001)!], start: t, end: t, position: GeoPoint(latitude: 30, longitude: 122),
                  parameters: parameters, evidence: evidence)
        }
        let written = [
            draught(["cause": .string("gap"), "before_m": .number(5.1), "after_m": .number(9.8), "reported_time": .time(t)]),
            draught(["cause": .string("gap"), "before_m": .number(5.1), "after_m": .number(9.8)]),
            draught(["cause": .string("encounter"), "before_m": .number(7), "change_m": .number(2), "counterpart_mmsi": .integer(445_000_001)]),
            draught(["cause": .string("gap"), "before_m": .number(5.1), "after_m": .number(9.8), "reported_time": .time(t)],
                    ["min_change_m": .number(0.25), "report_window_h": .number(6)]),
            draught([:], [:]),
            draught(["cause": .string("gap"), "before_m": .number(5.1), "after_m": .number(9.8), "reported_time": .time(t)]),
        ]
        var bytes: [UInt8] = []
        for e in written { e.appendBinary(to: &bytes) }
        var reader = EventBinaryReader()
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            for (i, e) in written.enumerated() {
                let read = try reader.read(raw, offset: &offset)
                #expect(read == e, "record \(i)")
            }
            #expect(offset == raw.count)
        }
    }

    @Test func aCutOrDamagedRecordIsRefusedAndTheOffsetStays() {
        var bytes: [UInt8] = []
        events()[0].appendBinary(to: &bytes)
        for cut in [2, 4, 20, bytes.count - 1] {
            let part = Array(bytes[0..<cut])
            part.withUnsafeBytes { raw in
                var offset = 0
                #expect(throws: EventBinaryError.truncated(at: 0)) { _ = try Event(binary: raw, offset: &offset) }
                #expect(offset == 0)
            }
        }
        // Kind 9 does not exist (8 kinds).
        var badKind = bytes
        badKind[4] = 9
        badKind.withUnsafeBytes { raw in
            var offset = 0
            #expect(throws: EventBinaryError.malformed(at: 0, "kind 9")) { _ = try Event(binary: raw, offset: &offset) }
        }
        // A length prefix that claims less than the record holds: the fields run past it.
        var short = bytes
        short[0] = UInt8(truncatingIfNeeded: bytes.count - 4 - 10)
        short[1] = UInt8(truncatingIfNeeded: (bytes.count - 4 - 10) >> 8)
        short.withUnsafeBytes { raw in
            var offset = 0
            #expect(throws: EventBinaryError.self) { _ = try Event(binary: raw, offset: &offset) }
            #expect(offset == 0)
        }
    }
}
