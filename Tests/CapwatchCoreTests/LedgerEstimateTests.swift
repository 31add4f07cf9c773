import CapwatchCore
import Testing

@Suite("Illicit-volume estimate")
struct LedgerEstimateTests {
    /// The July 2018 US submission: listed tanker capacity ≈ 1,519,587 bbl gives ≈506,529 (one third),
    /// 759,793 (half, the headline) and 1,367,628 bbl (90 %). The per-ship split of the 89 port calls was
    /// not published: this fixture spreads the total over 89 deliveries.
    @Test func july2018Scenarios() throws {
        let t0 = Timestamp(iso8601: "2018-01-01T00:00:00Z")!
        let deliveries = (0..<89).map { i in
            Delivery(
                kind: .portVisit,
                event: Event(
                    kind: .encounter, mmsi: [MMSI(445_000_000 + i)!], start: t0.adding(seconds: Double(i) * 86_400),
                    end: nil, position: GeoPoint(latitude: 38.736, longitude: 125.409), parameters: [:], evidence: [:]),
                vessels: [MMSI(445_000_000 + i)!], carrier: MMSI(445_000_000 + i)!, reason: "fixture",
                capacity: CargoCapacity(barrels: Barrels(i == 0 ? 17_075 : 17_074), basis: .stated(source: "fixture")))
        }
        let estimate = DeliveryEstimate(year: 2018, deliveries: deliveries, cap: CapSchedule.securityCouncil.cap(for: .refinedProducts, year: 2018))
        #expect(estimate.totalCapacity == 1_519_587)
        #expect(abs(estimate.volume("one_third")!.value - 506_529) < 1)
        #expect(abs(estimate.volume("half")!.value - 759_793) < 1)
        #expect(abs(estimate.volume("ninety_percent")!.value - 1_367_628) < 1)
        #expect(abs(estimate.scenarios[1].timesCap! - 1.5196) < 0.001)
        #expect(estimate.scenarios[0].volume > 500_000)  // "one-third laden → above 500,000 bbl"
    }

    @Test func capacityFromRegisterAndDimensions() {
        let p = CapacityParameters.standard
        let imo = IMONumber(rawValue: 9_074_729)!
        let fromRegister = p.capacity(register: RegisteredVessel(imo: imo, deadweightTonnes: 5_000, product: .gasoline), identity: nil)
        #expect(fromRegister?.barrels == 42_500 && fromRegister?.basisName == "register_deadweight")
        let fromAIS = p.capacity(register: nil, identity: VesselIdentity(shipType: 80, length: 100, beam: 16, draught: 6))
        // 100 × 16 × 6 m × Cb 0.80 × 1.025 t/m³ × dwt/displacement 0.75 = 5,904 t, × 7.5 bbl/t (gas oil).
        #expect(abs(fromAIS!.barrels.value - 44_280) < 1e-6)
        #expect(p.capacity(register: nil, identity: VesselIdentity(length: 100)) == nil)
    }

    @Test func deliveriesFromEvents() throws {
        let dprk = MMSI(445_000_001)!
        let foreign = MMSI(353_000_001)!
        let bulk = MMSI(445_000_002)!
        let other = MMSI(477_000_001)!
        let imo = IMONumber(rawValue: 9_074_729)!
        let identities: [MMSI: VesselIdentity] = [
            dprk: VesselIdentity(shipType: 80, length: 100, beam: 16, draught: 6),
            foreign: VesselIdentity(imo: imo, shipType: 80),
            other: VesselIdentity(shipType: 70),
        ]
        let register = [imo: RegisteredVessel(imo: imo, deadweightTonnes: 5_000, product: .gasOil)]
        let t = Timestamp(iso8601: "2019-03-01T00:00:00Z")!
        let sea = GeoPoint(latitude: 29, longitude: 123.5)
        func encounter(_ a: MMSI, _ b: MMSI, _ at: Timestamp) -> Event {
            Event(kind: .encounter, mmsi: [a, b], start: at, end: at.adding(seconds: 7_200), position: sea, parameters: [:], evidence: [:])
        }
        var events = [
            encounter(dprk, foreign, t),  // STS with a DPRK tanker
            encounter(foreign, MMSI(353_000_002)!, t),  // no DPRK or listed party
            encounter(bulk, other, t),  // DPRK party, but the only known type is a cargo ship
        ]
        let estimator = DeliveryEstimator()
        var found = estimator.deliveries(in: events, identities: identities, register: register)
        #expect(found.count == 1)
        #expect(found[0].kind == .shipToShip && found[0].carrier == foreign && found[0].capacity?.barrels == 37_500)  // the smaller tank
        // Listed vessels count like DPRK-flagged ones.
        #expect(
            estimator.deliveries(
                in: [encounter(foreign, MMSI(353_000_002)!, t)], identities: identities, register: register,
                listed: [MMSI(353_000_002)!]
            ).count == 1)

        // A dark STS (one party dark, the other loitering) with the DPRK tanker counts as a transfer too.
        if let dark = Event.Kind(rawValue: "dark_sts") {
            let e = Event(kind: dark, mmsi: [dprk, foreign], start: t, end: t.adding(seconds: 7_200), position: sea, parameters: [:], evidence: [:])
            #expect(estimator.deliveries(in: [e], identities: identities, register: register).first?.kind == .shipToShip)
        }

        // A port visit of the DPRK tanker to Nampo five days later is the same cargo: counted once, as the port visit.
        guard let portVisit = Event.Kind(rawValue: "port_visit") else { return }
        events.append(
            Event(
                kind: portVisit, mmsi: [dprk], start: t.adding(seconds: 5 * 86_400), end: t.adding(seconds: 6 * 86_400),
                position: GeoPoint(latitude: 38.74, longitude: 125.40), parameters: [:], evidence: [:]))
        found = estimator.deliveries(in: events, identities: identities, register: register)
        #expect(found.count == 1)
        #expect(found[0].kind == .portVisit && found[0].port == "Nampo" && found[0].linkedTransfer?.mmsi == [foreign, dprk].sorted())
        #expect(abs(found[0].capacity!.barrels.value - 44_280) < 1e-6)
        let estimate = estimator.estimate(found, year: 2019)
        #expect(abs(estimate.volume("half")!.value - 22_140) < 1e-6 && estimate.cap?.limit == 500_000)
        #expect(estimator.deliveries(in: events, identities: identities, register: register, year: 2020).isEmpty)
    }
}
