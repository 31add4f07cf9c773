import CapwatchCore
import Testing
import TrackAnalysis

/// Scenarios in the Yellow Sea west of Nampo, far from the test ports unless a test adds one.
/// P = 38.0° N 124.0° E; Q = 0.0018° of latitude north of P = 0.0018 × 111,195 m = 200 m away.
@Suite("Encounter detector")
struct EncounterDetectorTests {
    let tanker: UInt32 = 445_000_001
    let receiver: UInt32 = 636_000_002
    let p = GeoPoint(latitude: 38.0, longitude: 124.0)
    let q = GeoPoint(latitude: 38.0018, longitude: 124.0)

    /// The tanker waits at P from 00:00 to 12:00, reporting every 5 min at 0.3 kn.
    var waitingTanker: [PositionReport] { reports(tanker, from: at(0), to: at(12)) { _ in p } }

    @Test func passAtSpeedIsNoEncounter() {
        // Two ships steaming east together 200 m apart for 3 h at 12 kn: close long enough, but
        // the median SOG 12 kn is not < 2 kn. 12 kn = 22,224 m/h; at 38° N one degree of longitude
        // is 111,195 × cos 38° = 87,623 m, so they move 0.2536° of longitude per hour.
        let east = { (t: Timestamp) in 0.2536 * at(0).seconds(to: t) / 3600 }
        let a = reports(tanker, from: at(0), to: at(3), sog: 12) { t in GeoPoint(latitude: 38.0, longitude: 124.0 + east(t)) }
        let b = reports(receiver, from: at(0), to: at(3), sog: 12) { t in GeoPoint(latitude: 38.0018, longitude: 124.0 + east(t)) }
        // A third ship crosses the tanker head-on at 12 kn: within 500 m for about 5 minutes.
        let c = reports(636_000_003, from: at(0), to: at(3), sog: 12) { t in GeoPoint(latitude: 38.001, longitude: 124.76 - east(t)) }
        #expect(EncounterDetector().detect(in: buildTracks(a + b + c)).isEmpty)
    }

    @Test("an encounter across midnight UTC (the detector resamples one day at a time) is found whole")
    func encounterAcrossMidnight() throws {
        // Both lie 200 m apart from 22:47 to 01:43 the next day, reporting every 7 min (off the
        // grid, so one step straddles midnight and is interpolated in both days): close slices
        // 22:50 … 01:40 = 18 slices, from first to last 2 h 50 min ≥ 2 h; SOG 0.3 kn < 2 kn.
        let a = reports(tanker, from: at(22, 47), to: at(25, 43), everyMinutes: 7) { _ in p }
        let b = reports(receiver, from: at(22, 47), to: at(25, 43), everyMinutes: 7) { _ in q }
        let events = EncounterDetector().detect(in: buildTracks(a + b))
        let e = try #require(events.first)
        #expect(events.count == 1)
        #expect(e.start == at(22, 50) && e.end == at(25, 40))
        #expect(e.evidence["slices"] == .integer(18))
    }

    @Test("a sweep fed each track's own samples, day by day, finds what detect(in:) finds")
    func sweepOverPerTrackSamples() throws {
        // The midnight encounter above (22:50 … 01:40, 18 slices) and a second pair meeting on the
        // next day 06:00–09:00 (3 h, 19 slices), with the tracks in the order of MMSI.
        let a = reports(tanker, from: at(22, 47), to: at(25, 43), everyMinutes: 7) { _ in p }
        let b = reports(receiver, from: at(22, 47), to: at(25, 43), everyMinutes: 7) { _ in q }
        let c = reports(636_000_007, from: at(30), to: at(33)) { _ in p }
        let d = reports(636_000_008, from: at(30), to: at(33)) { _ in q }
        let tracks = buildTracks(a + b + c + d)
        let detector = EncounterDetector()
        let expected = detector.detect(in: tracks)
        #expect(expected.map(\.start) == [at(22, 50), at(30)])

        var sweep = EncounterSweep(detector: detector, mmsis: tracks.map(\.mmsi))
        var all = EncounterSamples()
        for (i, t) in tracks.enumerated() { all.append(contentsOf: detector.samples(of: t, vessel: Int32(i))) }
        let bySlice = all.sortedBySlice()
        #expect(bySlice.slices == bySlice.slices.sorted())
        var start = 0
        while start < bySlice.count {
            let window = sweep.window(ofSlice: bySlice.slices[start])
            var day = EncounterSamples()
            while start < bySlice.count, sweep.window(ofSlice: bySlice.slices[start]) == window {
                day.append(bySlice.slices[start], bySlice.vessels[start], bySlice.latitudes[start], bySlice.longitudes[start], bySlice.speeds[start])
                start += 1
            }
            sweep.add(window: window, samples: day.sortedByVessel())
        }
        let found = sweep.finish()
        #expect(found == expected)
        #expect(found.first?.evidence["slices"] == .integer(18))
    }

    @Test("samplesBySlice(of:vessels:) makes each track's samples, counted by hand, in slice then vessel order")
    func samplesBySliceByHand() throws {
        let detector = EncounterDetector()
        // 22:47 … 01:43 every 7 min: slices 22:50 … 01:40 = 18 (the first report is off the grid).
        let a = reports(tanker, from: at(22, 47), to: at(25, 43), everyMinutes: 7) { _ in p }
        // 00:03 … 02:03 every 20 min: slices 00:10 … 02:00 = 12. Then silent for 1 h 57 min,
        // longer than the 1 h interpolated: 04:00 is on the grid (1), 04:30 adds 04:10, 04:20,
        // 04:30 (3) and 05:00 adds 04:40, 04:50, 05:00 (3): 12 + 7 = 19.
        let b = reports(receiver, from: at(0, 3), to: at(2, 3), everyMinutes: 20) { _ in q }
            + reports(receiver, from: at(4), to: at(5), everyMinutes: 30) { _ in q }
        // A coast station (MMSI 00MIDxxxx) has no samples.
        let c = reports(2_440_001, from: at(0), to: at(1)) { _ in p }
        let tracks = buildTracks(a + b + c)
        let counts = Dictionary(uniqueKeysWithValues: tracks.enumerated().map { ($1.mmsi.rawValue, detector.samples(of: $1, vessel: Int32($0)).count) })
        #expect(counts == [tanker: 18, receiver: 19, 2_440_001: 0])
        // Vessel numbers in the reverse of the track order, so that the vessel order is not the tracks'.
        let vessels = tracks.indices.map { Int32(tracks.count - $0) }
        var all = EncounterSamples()
        for (i, t) in tracks.enumerated() { all.append(contentsOf: detector.samples(of: t, vessel: vessels[i])) }
        let expected = all.sortedBySlice()
        let bySlice = detector.samplesBySlice(of: tracks, vessels: vessels)
        #expect(bySlice.count == 37)
        #expect(bySlice.slices == expected.slices && bySlice.vessels == expected.vessels && bySlice.speeds.map(\.bitPattern) == expected.speeds.map(\.bitPattern))
        #expect(bySlice.latitudes == expected.latitudes && bySlice.longitudes == expected.longitudes)

        // Slices 36 years apart (more than 2^20 slices for 38 samples): appended and sorted instead.
        let old = try #require(Timestamp(year: 1990, month: 1, day: 1))
        let d = reports(636_000_009, from: old, to: old.adding(seconds: 3600)) { _ in q }
        let spread = buildTracks(a + d)
        let spreadVessels: [Int32] = [1, 0]
        var appended = EncounterSamples()
        for (i, t) in spread.enumerated() { appended.append(contentsOf: detector.samples(of: t, vessel: spreadVessels[i])) }
        let sorted = appended.sortedBySlice()
        let spreadBySlice = detector.samplesBySlice(of: spread, vessels: spreadVessels)
        // 1990 00:00 … 01:00 every 5 min: slices 00:00 … 01:00 = 7, then the tanker's 18.
        #expect(spreadBySlice.count == 25)
        #expect(spreadBySlice.slices == sorted.slices && spreadBySlice.vessels == sorted.vessels && spreadBySlice.latitudes == sorted.latitudes)
    }

    @Test func ninetyMinuteMeetingIsTooShort() {
        // The receiver lies at Q from 01:00 to 02:30: slices 01:00 … 02:30 = 10 slices spanning 1.5 h < 2 h.
        let b = reports(receiver, from: at(1), to: at(2, 30)) { _ in q }
        #expect(EncounterDetector().detect(in: buildTracks(waitingTanker + b)).isEmpty)
    }

    @Test func twoAndAHalfHourMeetingIsAnEncounter() throws {
        // The receiver reports at Q from 01:02 to 03:27 every 5 min (off the slice grid, so its
        // slices are interpolated): slices 01:10 … 03:20 = 14 slices spanning 2 h 10 min ≥ 2 h;
        // both median SOGs 0.3 kn < 2 kn; distance 200 m ≤ 500 m.
        let b = reports(receiver, from: at(1, 2), to: at(3, 27)) { _ in q }
        let events = EncounterDetector().detect(in: buildTracks(waitingTanker + b))
        #expect(events.count == 1)
        let e = try #require(events.first)
        #expect(e.kind == .encounter && e.mmsi == [mmsi(tanker), mmsi(receiver)])
        // Start and end within one 10-minute slice of the true meeting (01:02 – 03:27).
        #expect(abs(e.start.seconds(to: at(1, 2))) <= 600)
        #expect(abs(try #require(e.end).seconds(to: at(3, 27))) <= 600)
        #expect(e.evidence["slices"] == 14)
        #expect(abs((e.evidence["median_distance_m"]?.doubleValue ?? 0) - 200.15) < 0.5)
        #expect(abs((e.evidence["vessel_1_median_sog_kn"]?.doubleValue ?? 0) - 0.3) < 1e-6)
        #expect(abs((e.evidence["duration_h"]?.doubleValue ?? 0) - 13.0 / 6) < 1e-9)
        // The position is the midpoint, 0.0009° north of P.
        #expect(abs(e.position.latitude - 38.0009) < 1e-6 && abs(e.position.longitude - 124.0) < 1e-9)
        #expect(e.parameters["max_distance_m"] == 500.0 && e.parameters["min_duration_h"] == 2.0)
        #expect(e.evidence["nearest_port_km"] == nil)  // no port list
    }

    @Test func meetingInsideAPortRadiusIsExcluded() throws {
        let b = reports(receiver, from: at(1), to: at(3, 30)) { _ in q }
        let tracks = buildTracks(waitingTanker + b)
        // A port 0.045° north of the meeting: 0.0441° × 111,195 m ≈ 4.9 km from the midpoint < 10 km.
        let near = PortList([Port(name: "Anchorage", country: "KP", position: GeoPoint(latitude: 38.045, longitude: 124.0))])
        #expect(EncounterDetector(ports: near).detect(in: tracks).isEmpty)
        // The same port 0.135° north: 0.1341° × 111,195 m ≈ 14.9 km ≥ 10 km, so the encounter stands and names it.
        let far = PortList([Port(name: "Anchorage", country: "KP", position: GeoPoint(latitude: 38.135, longitude: 124.0))])
        let e = try #require(EncounterDetector(ports: far).detect(in: tracks).first)
        #expect(e.evidence["nearest_port"] == "Anchorage")
        #expect(abs((e.evidence["nearest_port_km"]?.doubleValue ?? 0) - 14.91) < 0.01)
    }

    @Test func meetingsThreeHoursApartAreMerged() throws {
        // Meeting 1: 01:00–03:30 (2.5 h). The receiver is silent 3 h (longer than the 1 h
        // interpolation limit, so no slices), then meeting 2: 06:30–09:00 (2.5 h).
        // 06:30 − 03:30 = 3 h < 4 h → one encounter 01:00–09:00 with 16 + 16 = 32 close slices.
        let b = reports(receiver, from: at(1), to: at(3, 30)) { _ in q } + reports(receiver, from: at(6, 30), to: at(9)) { _ in q }
        let events = EncounterDetector().detect(in: buildTracks(waitingTanker + b))
        #expect(events.count == 1)
        let e = try #require(events.first)
        #expect(e.start == at(1) && e.end == at(9))
        #expect(e.evidence["slices"] == 32 && e.evidence["duration_h"] == 8.0)
        // Five hours apart (03:30 → 08:30) they stay two encounters.
        let later = reports(receiver, from: at(1), to: at(3, 30)) { _ in q } + reports(receiver, from: at(8, 30), to: at(11)) { _ in q }
        let two = EncounterDetector().detect(in: buildTracks(waitingTanker + later))
        #expect(two.map(\.start) == [at(1), at(8, 30)])
    }

    @Test func manyVesselsScaleWithoutPairs() {
        // 2,000 vessels on a 45 × 45 grid 0.1° apart (≈ 9–11 km), 6 h at 0.3 kn: no two are within
        // 500 m, so nothing is found; the spatial hash never compares distant vessels.
        var positions: [PositionReport] = []
        for i in 0..<2000 {
            let spot = GeoPoint(latitude: 36 + Double(i / 45) * 0.1, longitude: 122 + Double(i % 45) * 0.1)
            positions += reports(412_000_000 + UInt32(i), from: at(0), to: at(6), everyMinutes: 10) { _ in spot }
        }
        #expect(EncounterDetector().detect(in: buildTracks(positions)).isEmpty)
    }
}
