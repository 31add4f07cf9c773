import CapwatchCore

/// A simulated sea area: vessels with plausible identities and planned paths, the behaviours
/// planted among them (``truth``), and the ports that frame them. Pure and deterministic: the
/// same name and seed give the same scenario.
///
/// Scenarios (``names``):
/// - `east-china-sea` (52 h from 2019-03-01 00:00 UTC): the high seas south-east of Shanghai where
///   Japan's MOFA reported the 2018–2019 transfers (REGIME.md §6, box 27.5–31° N, 122–125° E).
///   Planted: a visible STS (a Togo-flagged tanker and a DPRK tanker side by side under 1 kn for
///   6 h, draughts changing after); a DPRK tanker going dark before a transfer and reappearing off
///   Nampo 44 h later with a deeper draught; a DPRK tanker dark for 14 h around a transfer close
///   to where it went dark; a lone loiterer; ships at anchor at Ningbo and one arriving; and the
///   near misses: two tankers moored side by side at Yangshan, a 1.5 h meeting of two fishing
///   boats, a close pass at speed. Background: container and bulk ships on lanes (one at 24.5 kn),
///   Class A and B fishing boats.
/// - `identity-games` (30 h from 2019-06-10 00:00 UTC, Korea Bay): a tanker that goes dark and
///   comes back under a new MMSI and name with the same IMO number; a renamed ship; an IMO number
///   with a wrong check digit; an unallocated MID; a spoofed position jump; a DPRK tanker cloning a
///   Liberian tanker's MMSI and identity far away; a foreign ship at Nampo; and near misses: a
///   30 kn ferry, a ship updating only its draught and destination, two ships sharing a name.
public struct SimulationScenario: Sendable {
    /// The scenario's name.
    public var name: String
    /// The seed it was built with.
    public var seed: UInt64
    /// Start and end of the simulated period, seconds since 1970 UTC.
    public var start: Int64
    /// End of the simulated period.
    public var end: Int64
    /// The vessels.
    public var vessels: [SimulatedVessel]
    /// The planted behaviours and near misses.
    public var truth: [TruthEvent]
    /// Ports of the area (not the built-in DPRK ports), for `analyze --ports`.
    public var ports: [Port]

    /// The scenario names ``make(_:seed:)`` knows.
    public static let names = ["east-china-sea", "identity-games"]

    /// Builds a scenario.
    /// - Parameters:
    ///   - name: one of ``names``.
    ///   - seed: the random seed (identities, fishing patterns, drifts, report phases).
    /// - Returns: the scenario, or nil for an unknown name.
    public static func make(_ name: String, seed: UInt64) -> SimulationScenario? {
        switch name {
        case "east-china-sea": return eastChinaSea(seed: seed)
        case "identity-games": return identityGames(seed: seed)
        default: return nil
        }
    }

    /// The messages of the whole scenario, in time order.
    /// - Parameter thinSeconds: see ``TrafficSimulator/thinSeconds``.
    public func messages(thinSeconds: Int64) -> [SimulatedMessage] {
        TrafficSimulator(thinSeconds: thinSeconds).messages(for: vessels, from: start, to: end)
    }

    // MARK: - East China Sea

    static let yangshan = Port(name: "Yangshan (Shanghai)", country: "China", position: GeoPoint(latitude: 30.62, longitude: 122.07))
    static let ningbo = Port(name: "Ningbo", country: "China", position: GeoPoint(latitude: 29.94, longitude: 121.88))
    static let dalian = Port(name: "Dalian", country: "China", position: GeoPoint(latitude: 38.93, longitude: 121.65))
    static let nampo = DPRKPorts.ports[0].position

    static func eastChinaSea(seed: UInt64) -> SimulationScenario {
        var b = ScenarioBuilder(seed: seed, start: 1_551_398_400)  // 2019-03-01T00:00:00Z
        let end = b.at(52)

        // 1. Visible STS at M1: P1 (Togo) waits, K1 (DPRK) comes alongside 60 m away, 6 h under 1 kn.
        let m1 = GeoPoint(latitude: 29.20, longitude: 123.60)
        var p1ID = b.identity(mid: 671, style: .international, shipType: 80, length: 120, beam: 20, draught: 7.8, destination: "AT SEA")
        var p1 = b.approach(m1, arriveAt: b.at(5), from: 210, knots: 10, start: b.t0)
        p1.drift(until: b.at(14), knots: 0.4, heading: 90, rng: &b.rng)
        let p1Drift = SimulatedVessel(label: "", transponder: .classA, identities: [p1ID], path: p1.waypoints)
        p1.sail(hours: 38, heading: 200, knots: 11)
        let p1After = p1ID.changed(at: b.at(14.5), draught: 5.1, destination: "KAOHSIUNG")
        var k1ID = b.identity(mid: 445, style: .korean, shipType: 80, length: 105, beam: 16, draught: 4.4, destination: "NAMPO")
        var k1 = b.approach(m1.offset(north: 0, east: 60), arriveAt: b.at(8), from: 20, knots: 11, start: b.t0)
        k1.keepStation(beside: p1Drift, until: b.at(14), north: 0, east: 60)
        k1.sail(hours: 38, heading: 5, knots: 11)
        let k1After = k1ID.changed(at: b.at(15), draught: 6.9)
        b.add("P1 Togo tanker, visible STS supplier", .classA, [p1ID, p1After], p1)
        b.add("K1 DPRK tanker, visible STS receiver", .classA, [k1ID, k1After], k1)
        b.plant(.encounter, [p1ID.mmsi, k1ID.mmsi], from: b.at(8), to: b.at(14), at: m1, "visible STS: side by side 60 m apart under 1 kn for 6 h")
        b.plant(.loitering, [p1ID.mmsi], from: b.at(5), to: b.at(14), at: m1, "P1 drifting 0.4 kn waiting for and during the STS")
        b.plant(.loitering, [k1ID.mmsi], from: b.at(8), to: b.at(14), at: m1, "K1 drifting alongside P1")
        b.plant(.draughtChange, [p1ID.mmsi], from: b.at(8), to: b.at(14), at: m1, "P1 discharged: 7.8 m to 5.1 m, reported 0.5 h after")
        b.plant(.draughtChange, [k1ID.mmsi], from: b.at(8), to: b.at(14), at: m1, "K1 loaded: 4.4 m to 6.9 m, reported 1 h after")
        p1ID = p1After
        k1ID = k1After

        // 2. Dark STS, far: K2 (DPRK) goes dark 4 h before meeting P2 (Sierra Leone) at M2 and
        //    reappears off Nampo 44 h later with a deeper draught, then anchors at Nampo.
        let m2 = GeoPoint(latitude: 30.90, longitude: 124.70)
        let p2ID = b.identity(mid: 667, style: .chinese, shipType: 80, length: 125, beam: 21, draught: 8.2, destination: "AT SEA")
        var p2 = b.approach(m2, arriveAt: b.at(5), from: 135, knots: 10, start: b.t0)
        p2.drift(until: b.at(11.5), knots: 0.5, heading: 30, rng: &b.rng)
        let p2Drift = SimulatedVessel(label: "", transponder: .classA, identities: [p2ID], path: p2.waypoints)
        p2.sail(hours: 41, heading: 150, knots: 11)
        let p2After = p2ID.changed(at: b.at(12), draught: 5.0)
        let k2ID = b.identity(mid: 445, style: .korean, shipType: 80, length: 98, beam: 15, draught: 4.2, destination: "DALIAN")
        var k2 = b.approach(m2.offset(north: 0, east: -55), arriveAt: b.at(6), from: 350, knots: 11, start: b.t0)
        k2.keepStation(beside: p2Drift, until: b.at(11), north: 0, east: -55)
        let nampoApproach = nampo.offset(north: -20_000, east: -6_000)
        k2.sail(to: nampoApproach, knots: 13)
        let k2Back = k2.time
        let nampoAnchorage = nampo.offset(north: -1_200, east: -800)
        k2.sail(to: nampoAnchorage, knots: 8)
        let k2Anchored = k2.time
        k2.stay(until: end, status: 1)
        let k2After = k2ID.changed(at: b.at(20), draught: 7.0, destination: "NAMPO")
        b.add("P2 Sierra Leone tanker, supplier to a dark DPRK tanker", .classA, [p2ID, p2After], p2)
        b.add("K2 DPRK tanker, dark from 4 h before the STS until off Nampo", .classA, [k2ID, k2After], k2, dark: [b.at(2)..<k2Back])
        b.plant(.darkSTS, [p2ID.mmsi, k2ID.mmsi], from: b.at(6), to: b.at(11), at: m2, "K2 dark alongside P2 for 5 h; K2 reappears 880 km away off Nampo")
        b.plant(.loitering, [p2ID.mmsi], from: b.at(5), to: b.at(11.5), at: m2, "P2 drifting 0.5 kn during the dark STS")
        b.plant(.draughtChange, [p2ID.mmsi], from: b.at(6), to: b.at(11), at: m2, "P2 discharged: 8.2 m to 5.0 m, reported at 12 h (no gap or encounter of its own)")
        b.plant(.gap, [k2ID.mmsi], from: b.at(2), to: k2Back, at: m2, "K2 AIS off from 4 h before the STS until 20 km off Nampo")
        b.plant(.draughtChange, [k2ID.mmsi], from: b.at(2), to: k2Back, at: nampoApproach, "K2 loaded while dark: 4.2 m to 7.0 m, reported on reappearance")
        b.plant(.portVisit, [k2ID.mmsi], from: k2Anchored - 1200, to: nil, at: nampo, "K2 at anchor at Nampo (DPRK tanker, flagged)")

        // 3. Dark STS, near: K3 (DPRK) goes dark 5 km from M3, transfers from P3 (Panama), and
        //    reappears 11 km away 14.5 h later. P3 does not update its draught (often observed).
        let m3 = GeoPoint(latitude: 28.30, longitude: 122.80)
        let p3ID = b.identity(mid: 355, style: .international, shipType: 80, length: 130, beam: 22, draught: 8.6, destination: "AT SEA")
        var p3 = b.approach(m3, arriveAt: b.at(20), from: 180, knots: 10, start: b.t0)
        p3.drift(until: b.at(32), knots: 0.4, heading: 300, rng: &b.rng)
        let p3Drift = SimulatedVessel(label: "", transponder: .classA, identities: [p3ID], path: p3.waypoints)
        p3.sail(hours: 20, heading: 170, knots: 11)
        let k3ID = b.identity(mid: 445, style: .korean, shipType: 80, length: 102, beam: 16, draught: 4.0, destination: "NINGBO")
        var k3 = b.approach(m3.offset(north: 5_000, east: 0), arriveAt: b.at(18), from: 5, knots: 10, start: b.t0)
        k3.drift(until: b.at(22.5), knots: 0.3, heading: 90, legMinutes: 60, rng: &b.rng)
        k3.sail(to: p3Drift.state(at: b.at(23))!.position.offset(north: 0, east: 60), knots: 5)
        k3.stay(until: b.at(23), status: 0)
        k3.keepStation(beside: p3Drift, until: b.at(31), north: 0, east: 60)
        k3.sail(hours: 1.5, heading: 0, knots: 4)
        let k3Back = b.at(32.5)
        k3.sail(hours: 19.5, heading: 10, knots: 10)
        let k3After = k3ID.changed(at: b.at(28), draught: 6.6, destination: "NAMPO")
        b.add("P3 Panama tanker, supplier to a dark DPRK tanker", .classA, [p3ID], p3)
        b.add("K3 DPRK tanker, dark 14.5 h around an STS", .classA, [k3ID, k3After], k3, dark: [b.at(18)..<k3Back])
        b.plant(.darkSTS, [p3ID.mmsi, k3ID.mmsi], from: b.at(23), to: b.at(31), at: m3, "K3 dark alongside P3 for 8 h, off and on within 11 km")
        b.plant(.loitering, [p3ID.mmsi], from: b.at(20), to: b.at(32), at: m3, "P3 drifting 0.4 kn during the dark STS")
        b.plant(.gap, [k3ID.mmsi], from: b.at(18), to: k3Back, at: m3, "K3 AIS off for 14.5 h around the STS")
        b.plant(.draughtChange, [k3ID.mmsi], from: b.at(18), to: k3Back, at: m3, "K3 loaded while dark: 4.0 m to 6.6 m")

        // 4. A lone loiterer (Liberia) drifting 8 h.
        let wSpot = GeoPoint(latitude: 27.90, longitude: 124.40)
        let wID = b.identity(mid: 636, style: .international, shipType: 80, length: 180, beam: 32, draught: 11.0, destination: "ORDERS")
        var w = b.approach(wSpot, arriveAt: b.at(10), from: 90, knots: 12, start: b.t0)
        w.drift(until: b.at(18), knots: 0.5, heading: 200, rng: &b.rng)
        w.sail(hours: 34, heading: 250, knots: 12)
        b.add("W Liberia tanker waiting for orders", .classA, [wID], w)
        b.plant(.loitering, [wID.mmsi], from: b.at(10), to: b.at(18), at: wSpot, "W drifting 0.5 kn for 8 h, 300 km from port")

        // 5. Port traffic: three ships at anchor at Ningbo, one arriving; two tankers moored side by side at Yangshan.
        for (i, mid) in [413, 351, 511].enumerated() {
            let id = b.identity(mid: mid, style: i == 0 ? .chinese : .international, shipType: 70, length: 180 + 20 * i, beam: 30, draught: 9.5, destination: "NINGBO")
            var a = PathBuilder(at: ningbo.position.offset(north: Double(i - 1) * 900, east: 700), time: b.t0, status: 1)
            a.stay(until: end, status: 1)
            b.add("Cargo ship at anchor at Ningbo", .classA, [id], a)
            b.plant(.portVisit, [id.mmsi], from: b.t0, to: nil, at: ningbo.position, "at anchor at Ningbo throughout")
        }
        let c3ID = b.identity(mid: 370, style: .international, shipType: 70, length: 190, beam: 32, draught: 10.1, destination: "NINGBO")
        var c3 = b.approach(ningbo.position.offset(north: -1_500, east: -300), arriveAt: b.at(20), from: 88, knots: 12, start: b.at(14))
        c3.stay(until: end, status: 1)
        b.add("C3 Panama cargo ship arriving at Ningbo", .classA, [c3ID], c3)
        b.plant(.portVisit, [c3ID.mmsi], from: b.at(19.9), to: nil, at: ningbo.position, "C3 arrives at 20 h and anchors")
        let y1ID = b.identity(mid: 412, style: .chinese, shipType: 80, length: 110, beam: 18, draught: 6.0, destination: "SHANGHAI")
        let y2ID = b.identity(mid: 373, style: .international, shipType: 80, length: 115, beam: 18, draught: 6.5, destination: "SHANGHAI")
        var y1 = PathBuilder(at: yangshan.position.offset(north: 500, east: -400), time: b.t0, status: 5)
        y1.stay(until: end, status: 5)
        var y2 = PathBuilder(at: yangshan.position.offset(north: 500, east: -360), time: b.t0, status: 5)
        y2.stay(until: end, status: 5)
        b.add("Y1 tanker moored at Yangshan", .classA, [y1ID], y1)
        b.add("Y2 tanker moored alongside Y1", .classA, [y2ID], y2)
        b.plant(.portVisit, [y1ID.mmsi], from: b.t0, to: nil, at: yangshan.position, "moored at Yangshan throughout")
        b.plant(.portVisit, [y2ID.mmsi], from: b.t0, to: nil, at: yangshan.position, "moored at Yangshan throughout")
        b.plant(.encounter, [y1ID.mmsi, y2ID.mmsi], from: b.t0, to: end, at: yangshan.position, mustNotDetect: true,
                "near miss: tankers moored side by side 40 m apart in port")

        // 6. Near miss: two fishing boats meet side by side for 1.5 h.
        let m4 = GeoPoint(latitude: 28.90, longitude: 124.20)
        let f1ID = b.identity(mid: 412, style: .fishing, shipType: 30, length: 45, beam: 8, draught: 3.2, destination: "", imo: false)
        let f2ID = b.identity(mid: 413, style: .fishing, shipType: 30, length: 42, beam: 8, draught: 3.0, destination: "", imo: false)
        let f1Ground = m4.offset(north: 15_000, east: -15_000)
        var f1 = b.fishing(around: f1Ground, radiusMetres: 6_000, from: b.t0, until: b.at(2))
        f1.sail(to: m4, arriveAt: b.at(3.33))
        f1.drift(until: b.at(4.83), knots: 0.5, heading: 45, rng: &b.rng)
        let f1Meet = SimulatedVessel(label: "", transponder: .classA, identities: [f1ID], path: f1.waypoints)
        f1.sail(to: f1Ground, knots: 6)
        b.fish(&f1, around: f1Ground, radiusMetres: 6_000, until: end)
        var f2 = b.approach(m4.offset(north: 50, east: 0), arriveAt: b.at(3.33), from: 150, knots: 8, start: b.at(0.5))
        f2.keepStation(beside: f1Meet, until: b.at(4.83), north: 50, east: 0)
        f2.sail(hours: 47, heading: 140, knots: 8)
        b.add("F1 fishing boat, 1.5 h meeting", .classA, [f1ID], f1)
        b.add("F2 fishing boat, 1.5 h meeting", .classA, [f2ID], f2)
        b.plant(.encounter, [f1ID.mmsi, f2ID.mmsi], from: b.at(3.33), to: b.at(4.83), at: m4, mustNotDetect: true,
                "near miss: side by side 50 m apart under 1 kn for only 1.5 h")

        // 7. Near miss: close pass at speed, 250 m apart.
        let x = GeoPoint(latitude: 28.50, longitude: 123.80)
        let c1ID = b.identity(mid: 357, style: .international, shipType: 70, length: 200, beam: 32, draught: 11.2, destination: "BUSAN")
        let c2ID = b.identity(mid: 636, style: .international, shipType: 70, length: 225, beam: 32, draught: 12.0, destination: "OSAKA")
        var c1 = b.approach(x, arriveAt: b.at(16), from: 190, knots: 14, start: b.at(6))
        c1.sail(hours: 40, heading: 10, knots: 14)
        var c2 = b.approach(x.offset(north: -250, east: 0), arriveAt: b.at(16), from: 270, knots: 12, start: b.at(8))
        c2.sail(hours: 40, heading: 90, knots: 12)
        b.add("C1 cargo ship northbound 14 kn", .classA, [c1ID], c1)
        b.add("C2 cargo ship eastbound 12 kn", .classA, [c2ID], c2)
        b.plant(.encounter, [c1ID.mmsi, c2ID.mmsi], from: b.at(15.9), to: b.at(16.1), at: x, mustNotDetect: true,
                "near miss: crossing 250 m apart at 14 and 12 kn")

        // 8. Background: lanes and fishing.
        let laneSouth = (GeoPoint(latitude: 31.0, longitude: 123.2), GeoPoint(latitude: 26.0, longitude: 121.2))
        let laneEast = (GeoPoint(latitude: 30.3, longitude: 123.0), GeoPoint(latitude: 33.3, longitude: 128.5))
        for (i, (lane, speed)) in [(laneSouth, 18.0), (laneSouth, 24.5), (laneSouth, 12.0), (laneEast, 16.0), (laneEast, 13.0)].enumerated() {
            let id = b.identity(mid: b.rng.pick([412, 413, 352, 353, 636, 273]), style: .international, shipType: 70 + i % 2, length: 200 + 30 * i,
                                beam: 32, draught: 10 + Double(i), destination: "SHANGHAI")
            let east = Double(i) * 400 - 800  // lanes a few hundred metres apart, so overtaking ships do not sail through each other
            let path = b.shuttle(lane.0.offset(north: 0, east: east), lane.1.offset(north: 0, east: east), knots: speed, from: b.t0, until: end, offset: 0.15 + 0.17 * Double(i))
            b.add("Lane traffic \(speed) kn", .classA, [id], path)
        }
        for i in 0..<4 {
            let centre = GeoPoint(latitude: 29.7 + 0.25 * Double(i % 2), longitude: 122.75 + 0.3 * Double(i / 2))
            let id = b.identity(mid: i % 2 == 0 ? 412 : 413, style: .fishing, shipType: 30, length: 24, beam: 6, draught: 2, destination: "", imo: false)
            let path = b.fishing(around: centre, radiusMetres: 8_000, from: b.t0, until: end)
            b.add("Class B fishing boat", .classB, [id], path)
        }
        return SimulationScenario(name: "east-china-sea", seed: seed, start: b.t0, end: end, vessels: b.vessels, truth: b.truth,
                                  ports: [yangshan, ningbo])
    }
}

extension SimulationScenario {
    // MARK: - Identity games

    static func identityGames(seed: UInt64) -> SimulationScenario {
        var b = ScenarioBuilder(seed: seed, start: 1_560_124_800)  // 2019-06-10T00:00:00Z
        let end = b.at(30)

        // a. Same IMO, new MMSI and name: A (Sierra Leone) goes dark at 10 h, B (Togo) appears at 10.67 h.
        let aID = b.identity(mid: 667, style: .chinese, shipType: 80, length: 110, beam: 17, draught: 5.5, destination: "DALIAN")
        let bMMSI = b.mmsi(mid: 671)
        let bID = aID.changed(at: b.at(10.67), mmsi: bMMSI, name: b.name(.international), callSign: b.callSign(mid: 671))
        var v1 = PathBuilder(at: GeoPoint(latitude: 37.60, longitude: 122.60), time: b.t0)
        v1.sail(hours: 10, heading: 80, knots: 8)
        let switchPoint = v1.position
        v1.sail(hours: 20, heading: 190, knots: 8)
        b.add("V1 tanker changing MMSI and name, same IMO", .classA, [aID, bID], v1, dark: [b.at(10)..<b.at(10.67)])
        b.plant(.identityChange, [aID.mmsi, bMMSI], from: b.at(10), to: b.at(10.67), at: switchPoint,
                "same IMO \(aID.imo!): MMSI \(aID.mmsi) '\(aID.name)' becomes \(bMMSI) '\(bID.name)' after 40 min dark")
        b.plant(.gap, [aID.mmsi], from: b.at(10), to: nil, at: switchPoint, "MMSI \(aID.mmsi) falls silent for good (the hull now transmits as \(bMMSI))")

        // b. Renamed ship (same MMSI and IMO, new name and call sign) at 8 h.
        let v2ID = b.identity(mid: 511, style: .international, shipType: 70, length: 150, beam: 25, draught: 8.0, destination: "NAMPO")
        let v2After = v2ID.changed(at: b.at(8), name: b.name(.korean), callSign: b.callSign(mid: 511))
        let v2 = b.shuttle(GeoPoint(latitude: 37.90, longitude: 123.00), GeoPoint(latitude: 38.30, longitude: 124.60), knots: 11, from: b.t0,
                           until: end, offset: 0.2)
        b.add("V2 cargo ship renamed at sea", .classA, [v2ID, v2After], v2)
        b.plant(.identityChange, [v2ID.mmsi], from: b.at(8), to: b.at(8.1), at: v2.waypoints[0].position,
                "'\(v2ID.name)' renamed '\(v2After.name)' with a new call sign")

        // c. IMO number with a wrong check digit.
        var v3ID = b.identity(mid: 352, style: .international, shipType: 80, length: 140, beam: 23, draught: 7.5, destination: "LONGKOU")
        v3ID.imo = v3ID.imo! / 10 * 10 + (v3ID.imo! % 10 + 3) % 10
        let v3 = b.shuttle(GeoPoint(latitude: 37.70, longitude: 123.40), GeoPoint(latitude: 37.20, longitude: 122.20), knots: 10, from: b.t0,
                           until: end, offset: 0.5)
        b.add("V3 tanker with a false IMO number", .classA, [v3ID], v3)
        b.plant(.identityChange, [v3ID.mmsi], from: b.t0, to: end, at: v3.waypoints[0].position, "IMO \(v3ID.imo!) fails its check digit")

        // d. An MMSI with an unallocated MID (400).
        let v4ID = b.identity(mid: 400, style: .korean, shipType: 70, length: 90, beam: 14, draught: 5.0, destination: "NAMPO")
        let v4 = b.shuttle(GeoPoint(latitude: 38.40, longitude: 123.60), GeoPoint(latitude: 37.90, longitude: 124.70), knots: 9, from: b.t0,
                           until: end, offset: 0.1)
        b.add("V4 cargo ship with an unallocated MID", .classA, [v4ID], v4)
        b.plant(.identityChange, [v4ID.mmsi], from: b.t0, to: end, at: v4.waypoints[0].position, "MID 400 is not allocated by the ITU")

        // e. Position spoofing: 1.5 h of positions 120 km north of the truth.
        let v5ID = b.identity(mid: 354, style: .international, shipType: 80, length: 160, beam: 27, draught: 9.0, destination: "TIANJIN")
        var v5 = PathBuilder(at: GeoPoint(latitude: 37.00, longitude: 124.20), time: b.t0)
        v5.sail(hours: 30, heading: 300, knots: 6)
        let v5Vessel = SimulatedVessel(label: "", transponder: .classA, identities: [v5ID], path: v5.waypoints)
        b.add("V5 tanker spoofing its position", .classA, [v5ID], v5,
              spoofed: [.init(period: b.at(12)..<b.at(13.5), north: 120_000, east: 0)])
        b.plant(.spoofing, [v5ID.mmsi], from: b.at(12), to: b.at(13.5), at: v5Vessel.state(at: b.at(12))!.position.offset(north: 120_000, east: 0),
                "positions 120 km north of the true track for 1.5 h")

        // f. A DPRK tanker transmits a Liberian tanker's MMSI and identity 150 km away (6 h to 20 h).
        let v6ID = b.identity(mid: 636, style: .international, shipType: 80, length: 180, beam: 32, draught: 10.5, destination: "QINGDAO")
        let v6a = b.shuttle(GeoPoint(latitude: 36.60, longitude: 122.90), GeoPoint(latitude: 36.30, longitude: 124.50), knots: 7, from: b.t0,
                            until: end, offset: 0.3)
        var v6b = PathBuilder(at: GeoPoint(latitude: 38.10, longitude: 124.10), time: b.at(6))
        v6b.sail(hours: 14, heading: 280, knots: 7)
        b.add("V6a Liberian tanker, true owner of the MMSI", .classA, [v6ID], v6a)
        b.add("V6b DPRK tanker cloning V6a's MMSI and identity", .classA, [v6ID.changed(at: b.at(6))], v6b)
        b.plant(.spoofing, [v6ID.mmsi], from: b.at(6), to: b.at(20), at: GeoPoint(latitude: 38.10, longitude: 124.10),
                "two ships on MMSI \(v6ID.mmsi), 150 km apart, 6 h to 20 h")

        // g. A Palau cargo ship arrives at Nampo at 5 h and anchors (flagged visit).
        let v9ID = b.identity(mid: 511, style: .international, shipType: 70, length: 120, beam: 20, draught: 6.0, destination: "NAMPO")
        var v9 = b.approach(nampo.offset(north: -1_000, east: -1_000), arriveAt: b.at(5), from: 225, knots: 10, start: b.t0)
        v9.stay(until: end, status: 1)
        b.add("V9 Palau cargo ship at Nampo", .classA, [v9ID], v9)
        b.plant(.portVisit, [v9ID.mmsi], from: b.at(4.85), to: nil, at: nampo, "foreign ship at anchor at Nampo")

        // Near misses. A 30 kn ferry (fast, not spoofing).
        let ferryID = b.identity(mid: 413, style: .chinese, shipType: 60, length: 130, beam: 22, draught: 5.0, destination: "YANTAI")
        let ferry = b.shuttle(GeoPoint(latitude: 38.80, longitude: 121.85), GeoPoint(latitude: 37.65, longitude: 121.50), knots: 30, from: b.t0,
                              until: end, offset: 0.3)
        b.add("Fast ferry 30 kn", .classA, [ferryID], ferry)
        b.plant(.spoofing, [ferryID.mmsi], from: b.t0, to: end, at: ferry.waypoints[0].position, mustNotDetect: true,
                "near miss: a 30 kn ferry (2 s reports) is fast, not spoofed")
        // A ship that updates only its draught and destination.
        let v7ID = b.identity(mid: 273, style: .international, shipType: 70, length: 140, beam: 22, draught: 6.5, destination: "DALIAN")
        let v7After = v7ID.changed(at: b.at(15), draught: 8.1, destination: "VLADIVOSTOK")
        let v7 = b.shuttle(GeoPoint(latitude: 38.50, longitude: 122.40), GeoPoint(latitude: 37.40, longitude: 123.80), knots: 12, from: b.t0,
                           until: end, offset: 0.6)
        b.add("V7 cargo ship updating draught and destination", .classA, [v7ID, v7After], v7)
        b.plant(.identityChange, [v7ID.mmsi], from: b.at(15), to: b.at(15.1), at: v7.waypoints[0].position, mustNotDetect: true,
                "near miss: draught and destination updated, identity unchanged")
        // Two different ships with the same name.
        let sameName = b.name(.chinese)
        var v8aID = b.identity(mid: 412, style: .chinese, shipType: 70, length: 100, beam: 16, draught: 6.0, destination: "DALIAN")
        var v8bID = b.identity(mid: 413, style: .chinese, shipType: 70, length: 120, beam: 18, draught: 7.0, destination: "WEIHAI")
        v8aID.name = sameName
        v8bID.name = sameName
        let v8a = b.shuttle(GeoPoint(latitude: 38.60, longitude: 122.10), GeoPoint(latitude: 38.00, longitude: 122.90), knots: 10, from: b.t0,
                            until: end, offset: 0.0)
        let v8b = b.shuttle(GeoPoint(latitude: 37.30, longitude: 123.00), GeoPoint(latitude: 36.80, longitude: 124.00), knots: 11, from: b.t0,
                            until: end, offset: 0.5)
        b.add("V8a ship sharing a name", .classA, [v8aID], v8a)
        b.add("V8b ship sharing a name", .classA, [v8bID], v8b)
        b.plant(.identityChange, [v8aID.mmsi, v8bID.mmsi], from: b.t0, to: end, at: v8a.waypoints[0].position, mustNotDetect: true,
                "near miss: two ships named '\(sameName)' with their own MMSIs and IMO numbers")

        // Background fishing.
        for i in 0..<3 {
            let centre = GeoPoint(latitude: 38.0 + 0.2 * Double(i), longitude: 122.6 + 0.25 * Double(i))
            let id = b.identity(mid: i % 2 == 0 ? 412 : 413, style: .fishing, shipType: 30, length: 24, beam: 6, draught: 2, destination: "", imo: false)
            let path = b.fishing(around: centre, radiusMetres: 8_000, from: b.t0, until: end)
            b.add("Class B fishing boat", .classB, [id], path)
        }
        return SimulationScenario(name: "identity-games", seed: seed, start: b.t0, end: end, vessels: b.vessels, truth: b.truth, ports: [dalian])
    }
}
