import AISDecoding
import Foundation
import Testing

/// The decoder against libais's test data (scaled, float32 values: compared with tolerance).
@Suite("libais conformance")
struct LibaisConformanceTests {
    /// libais's six-bit table differs from ITU-R M.1371 Table 47 at two codes: 31 is `-` (not
    /// `_`) and 39 is `` ` `` (not `'`). Our text mapped to libais's.
    static func libaisText(_ s: String) -> String {
        String(s.map { $0 == "_" ? "-" : ($0 == "'" ? "`" : $0) })
    }

    @Test("typeexamples.nmea vs typeexamples.json, supported types")
    func typeExamples() throws {
        let expected = try Corpus.jsonLines(Corpus.fixture("libais/typeexamples.json"))
        let (ours, decoder) = Corpus.decode(try Corpus.bytes(Corpus.fixture("libais/typeexamples.nmea")))
        #expect(ours.count == expected.count)
        #expect(decoder.statistics.totalRejections == 0)
        var compared = 0
        for (u, e) in zip(ours, expected) {
            let type = e["type"] as? Int ?? -1
            #expect(u.message.messageType == type)
            #expect(Int(u.message.mmsi) == e["mmsi"] as? Int)
            guard Corpus.supportedTypes.contains(type) else { continue }
            compared += 1
            func near(_ key: String, _ value: Double, tolerance: Double = 0.000_1) {
                guard let x = (e[key] as? NSNumber)?.doubleValue else { return }
                #expect(abs(x - value) <= tolerance, "type \(type) \(key): libais \(x), ours \(value)")
            }
            // Positions from the raw wire values (libais prints out-of-range values as they are).
            switch u.message {
            case .positionReport(let p):
                near("lat", Double(p.rawLatitude) / 600_000); near("lon", Double(p.rawLongitude) / 600_000)
                near("speed", Double(p.rawSOG) / 10); near("course", Double(p.rawCOG) / 10); near("heading", Double(p.rawHeading))
                if e["turn"] is NSNumber {
                    // libais: ROT = (indicator / 4.733)², signed.
                    near("turn", p.rateOfTurn ?? .nan, tolerance: 0.001)
                } else {
                    #expect(p.rawRateOfTurn == -128)
                }
                #expect(Int(p.navigationalStatus) == e["status"] as? Int)
            case .baseStationReport(let b):
                near("lat", Double(b.rawLatitude) / 600_000); near("lon", Double(b.rawLongitude) / 600_000)
            case .staticAndVoyageData(let s):
                #expect(Self.libaisText(s.shipName.string) == e["shipname"] as? String)
                #expect(Self.libaisText(s.callSign.string) == e["callsign"] as? String)
                #expect(Self.libaisText(s.destination.string) == e["destination"] as? String)
                #expect(String(s.imoNumber) == e["imo"] as? String)
                near("draught", Double(s.rawDraught) / 10)
                #expect(Int(s.shipType) == e["shiptype"] as? Int)
                #expect(Int(s.toBow) == e["to_bow"] as? Int && Int(s.toStern) == e["to_stern"] as? Int)
            case .sarAircraftPositionReport(let s):
                near("lat", Double(s.rawLatitude) / 600_000); near("lon", Double(s.rawLongitude) / 600_000)
                near("speed", Double(s.rawSOG) / 10); near("course", Double(s.rawCOG) / 10)
            case .classBPositionReport(let b):
                near("lat", Double(b.rawLatitude) / 600_000); near("lon", Double(b.rawLongitude) / 600_000)
                near("speed", Double(b.rawSOG) / 10); near("course", Double(b.rawCOG) / 10); near("heading", Double(b.rawHeading))
            case .aidToNavigationReport(let a):
                near("lat", Double(a.rawLatitude) / 600_000); near("lon", Double(a.rawLongitude) / 600_000)
                #expect(Self.libaisText(a.name.rawString) == e["name"] as? String)
            case .staticDataReport(let s):
                if case .a(let name) = s.part { #expect(Self.libaisText(name.string) == e["shipname"] as? String) }
            case .longRangeBroadcast(let l):
                near("lat", Double(l.rawLatitude) / 600); near("lon", Double(l.rawLongitude) / 600)
                near("speed", Double(l.rawSOG)); near("course", Double(l.rawCOG))
            default: break
            }
        }
        // Supported types in the file: 1, 2, 3, 4, 5, 9, 11, 18, 21, 24, 27 (no 19).
        #expect(compared == 11)
    }

    @Test("tagblock.nmea: receive time and source parsed, group joined")
    func tagBlocks() throws {
        let expected = try Corpus.jsonLines(Corpus.fixture("libais/tagblock.json"))
        let decoder = AISStreamDecoder()
        var ours: [AISDecodedMessage] = []
        let bytes = try Corpus.bytes(Corpus.fixture("libais/tagblock.nmea"))
        bytes.withUnsafeBytes { raw in decoder.decode(chunk: raw) { ours.append($0) } }
        decoder.finish { ours.append($0) }
        #expect(ours.count == 4)
        #expect(decoder.statistics.totalRejections == 0)
        // libais's `tagblock_timestamp` is the `c:` time: 2014-12-10T00:41:53Z = 1418172113 (checked
        // against the `c:` field in the input by hand).
        let times: [Int64] = [1_418_172_113, 1_418_169_601, 1_418_171_722, 1_418_171_561]
        for (i, (u, e)) in zip(ours, expected).enumerated() {
            #expect(u.message.messageType == e["type"] as? Int)
            #expect(Int(u.message.mmsi) == e["mmsi"] as? Int)
            #expect(u.receivedAt == times[i])
            #expect(decoder.sourceName(u.sourceID) == e["tagblock_station"] as? String)
        }
        // The type 5 comes from the two sentences of group 1604.
        #expect(ours[1].fragmentCount == 2)
        if case .staticAndVoyageData(let s) = ours[1].message { #expect(s.shipName.string == "ROSINANTE") } else { Issue.record("not a type 5") }
    }

    @Test("test.aivdm (USCG trailing fields): only short type 27s rejected")
    func uscg() throws {
        let (ours, decoder) = Corpus.decode(try Corpus.bytes(Corpus.fixture("libais/test.aivdm")))
        #expect(ours.count == 253)
        #expect(decoder.statistics.aisSentences == 263)
        // The only rejections: 8 type 27 payloads shorter than the standard's 96 bits (48–88
        // bits, e.g. `KpiGSwcw`); gpsd (96 or 168 bits only) and libais reject them too.
        #expect(decoder.statistics.totalRejections == 8)
        #expect(decoder.statistics[.shortPayload] == 8)
    }
}
