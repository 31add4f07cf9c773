import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Draught change detector")
struct DraughtChangeDetectorTests {
    let here = GeoPoint(latitude: 30, longitude: 125)

    /// Reports 00:00–01:00 and 14:00–15:00 (a 13 h gap from 01:00 to 14:00); draught 5.0 m at
    /// 00:00 and `after` metres reported at `reportedAt`.
    func events(after: Double, reportedAt: Timestamp) -> [Event] {
        let id: UInt32 = 538_000_400
        let positions = reports(id, from: at(0), to: at(1), everyMinutes: 30) { _ in here }
            + reports(id, from: at(14), to: at(15), everyMinutes: 30) { _ in here }
        let statics = [
            StaticReport(mmsi: mmsi(id), time: at(0), name: "LOADER", draught: 5.0),
            StaticReport(mmsi: mmsi(id), time: reportedAt, name: "LOADER", draught: after),
        ]
        let tracks = buildTracks(positions, statics)
        let gaps = GapDetector().detect(in: tracks, dataEnd: nil)
        return DraughtChangeDetector().detect(in: tracks, across: gaps)
    }

    @Test func deeperAfterAGap() throws {
        // 5.0 m → 9.0 m reported at 14:30, within 6 h of the gap's end: +4.0 m, loaded.
        let e = try #require(events(after: 9.0, reportedAt: at(14, 30)).first)
        #expect(e.kind == .draughtChange && e.start == at(1) && e.end == at(14))
        #expect(e.evidence["cause"] == "gap" && e.evidence["before_m"] == 5.0 && e.evidence["after_m"] == 9.0 && e.evidence["change_m"] == 4.0)
        #expect(e.evidence["reported_time"] == .time(at(14, 30)))
        #expect(e.parameters["min_change_m"] == 0.5)
    }

    @Test func borderlineChangeAndWindow() {
        // 0.3 m: below 0.5 m. 0.5 m exactly: reported. Reported at 20:00 (end 14:00 + 6 h): counted;
        // at 20:01: outside the window.
        #expect(events(after: 5.3, reportedAt: at(14, 30)).isEmpty)
        #expect(events(after: 5.5, reportedAt: at(14, 30)).count == 1)
        #expect(events(after: 4.5, reportedAt: at(14, 30)).first?.evidence["change_m"] == -0.5)
        #expect(events(after: 9.0, reportedAt: at(20)).count == 1)
        #expect(events(after: 9.0, reportedAt: at(20, 1)).isEmpty)
    }

    @Test func acrossAnEncounterForBothVessels() {
        // An encounter 02:00–04:30 between a tanker (6.0 → 9.5 m, reported 05:00) and a receiver
        // (no draught change): one event, for the tanker, naming its counterpart.
        let a: UInt32 = 352_000_401
        let b: UInt32 = 445_000_401
        let positions = reports(a, from: at(0), to: at(6)) { _ in here } + reports(b, from: at(0), to: at(6)) { _ in here }
        let statics = [
            StaticReport(mmsi: mmsi(a), time: at(0), draught: 6.0), StaticReport(mmsi: mmsi(a), time: at(5), draught: 9.5),
            StaticReport(mmsi: mmsi(b), time: at(0), draught: 4.0),
        ]
        let encounter = Event(kind: .encounter, mmsi: [mmsi(a), mmsi(b)], start: at(2), end: at(4, 30), position: here, parameters: [:], evidence: [:])
        let out = DraughtChangeDetector().detect(in: buildTracks(positions, statics), across: [encounter])
        #expect(out.count == 1)
        #expect(out.first?.mmsi == [mmsi(a)] && out.first?.evidence["counterpart_mmsi"] == .integer(Int(b)) && out.first?.evidence["change_m"] == 3.5)
    }
}
