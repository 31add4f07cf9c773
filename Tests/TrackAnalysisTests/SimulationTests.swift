import AISDecoding
import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Simulation")
struct SimulationTests {
    @Test("Reporting intervals of ITU-R M.1371-5 Table 1")
    func reportingIntervals() {
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 0.5, status: 0) == 10)
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 14, status: 0) == 10)
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 14.1, status: 0) == 6)
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 23.5, status: 0) == 2)
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 0, status: 1) == 180)
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 0, status: 5) == 180)
        #expect(TrafficSimulator.reportingInterval(.classA, sog: 4, status: 1) == 10)  // at anchor but moving > 3 kn
        #expect(TrafficSimulator.reportingInterval(.classB, sog: 1, status: 15) == 180)
        #expect(TrafficSimulator.reportingInterval(.classB, sog: 6, status: 15) == 30)
    }

    @Test("SplitMix64 is deterministic and spreads over its range")
    func prng() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        // Vigna's splitmix64.c, seed 0: the first output is 0xE220A8397B1DCDAF.
        var z = SplitMix64(seed: 0)
        #expect(z.next() == 0xE220_A839_7B1D_CDAF)
        var r = SplitMix64(seed: 1)
        let values = Set((0..<2000).map { _ in r.int(in: 0...9) })
        #expect(values == Set(0...9))
    }

    @Test("Scenario identities: allocated MIDs (except the one planted), valid IMO check digits (except the one planted)", arguments: SimulationScenario.names)
    func identities(_ name: String) throws {
        let s = try #require(SimulationScenario.make(name, seed: 5))
        var badMIDs = 0
        var badIMOs = 0
        for v in s.vessels {
            for id in v.identities {
                let m = try #require(MMSI(rawValue: id.mmsi))
                #expect(m.kind == .ship)
                if !MaritimeIdentificationDigits.isAllocated(m.mid!) { badMIDs += 1 }
                if let imo = id.imo, !(IMONumber(rawValue: imo)?.isValid ?? false) { badIMOs += 1 }
            }
        }
        #expect(badMIDs == (name == "identity-games" ? 1 : 0))
        #expect(badIMOs == (name == "identity-games" ? 1 : 0))
        #expect(s.truth.allSatisfy { $0.start.secondsSince1970 >= Double(s.start) })
    }

    @Test("Thinning keeps one position per vessel per interval; static data every 6 minutes; dark periods silent")
    func thinningAndDark() throws {
        let id = SimulatedIdentity(since: 0, mmsi: 445_000_001, imo: 9_074_729, name: "TEST", callSign: "HMAB1", shipType: 80, length: 100,
                                   beam: 16, draught: 5, destination: "NAMPO")
        var p = PathBuilder(at: GeoPoint(latitude: 30, longitude: 124), time: 0)
        p.sail(hours: 2, heading: 0, knots: 10)
        let vessel = SimulatedVessel(label: "t", transponder: .classA, identities: [id], path: p.waypoints, dark: [3600..<5400])
        let messages = TrafficSimulator(thinSeconds: 60).messages(for: vessel, from: 0, to: 7200)
        let positions = messages.filter { if case .positionReport = $0.message { true } else { false } }
        let statics = messages.filter { if case .staticAndVoyageData = $0.message { true } else { false } }
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $1.time - $0.time >= 60 })
        #expect(positions.allSatisfy { !(3600..<5400).contains($0.time) })
        #expect(positions.count == 60 + 31)  // 0…3540 every 60 s (dark from 3600), then 5400…7200
        #expect(statics.count == 10 + 6)  // 0…3240 every 6 min; at once when the AIS is back on (5400), then every 6 min to 7200
    }

    @Test("Simulated traffic decodes back to the same vessels and positions")
    func decodesBack() throws {
        let s = try #require(SimulationScenario.make("identity-games", seed: 2))
        let messages = Array(s.messages(thinSeconds: 900).prefix(400))
        let text = NMEATrafficWriter.render(messages, source: "sim")
        let decoder = AISStreamDecoder()
        let decoded = decoder.decodeAll(text)
        #expect(decoder.statistics.totalRejections == 0)
        #expect(decoded.count == messages.count)
        for (d, m) in zip(decoded, messages) {
            #expect(d.message == m.message)
            #expect(d.receivedAt == m.time)
        }
    }
}
