import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Identity change detector")
struct IdentityChangeDetectorTests {
    let here = GeoPoint(latitude: 30, longitude: 125)

    func checks(_ events: [Event]) -> [String] { events.compactMap { if case .string(let s)? = $0.evidence["check"] { s } else { nil } } }

    @Test func nameCallSignAndIMOChanges() throws {
        // 9074729 is valid (the IMO's own example: 139 → 9); 9417115 too (125 → 5).
        let id: UInt32 = 351_000_200
        let statics = [
            StaticReport(mmsi: mmsi(id), time: at(0), name: "KOTI", callSign: "3FSB8", imo: IMONumber(rawValue: 9_074_729)),
            StaticReport(mmsi: mmsi(id), time: at(1), name: "Koti"),  // same name up to case: no change
            StaticReport(mmsi: mmsi(id), time: at(2), name: "YU JONG 2", callSign: "HMZF", imo: IMONumber(rawValue: 9_417_115)),
        ]
        let positions = reports(id, from: at(0), to: at(3), everyMinutes: 30) { t in
            GeoPoint(latitude: 30 + day0.seconds(to: t) / 3600 * 0.01, longitude: 125)
        }
        let events = IdentityChangeDetector().detect(in: buildTracks(positions, statics))
        #expect(checks(events).sorted() == ["call_sign_change", "imo_change", "name_change"])
        let name = try #require(events.first { $0.evidence["check"] == "name_change" })
        // "from" is the last name seen: "Koti" (the same name up to case, so not itself a change).
        #expect(name.evidence["from"] == "Koti" && name.evidence["to"] == "YU JONG 2" && name.evidence["changed_time"] == .time(at(2)))
        // Where: the kept position at 02:00 is 30.02 N.
        #expect(abs(name.position.latitude - 30.02) < 1e-9)
        let imo = try #require(events.first { $0.evidence["check"] == "imo_change" })
        #expect(imo.evidence["from"] == "9074729" && imo.evidence["to"] == "9417115")
        // Without normalisation, the case change counts too.
        let strict = IdentityChangeDetector(parameters: IdentityParameters(normaliseNames: false))
        #expect(checks(strict.detect(in: buildTracks(positions, statics))).filter { $0 == "name_change" }.count == 2)
    }

    @Test func firstKnowledgeIsNotAChange() {
        let id: UInt32 = 351_000_201
        let statics = [
            StaticReport(mmsi: mmsi(id), time: at(0), name: "ONE"),
            StaticReport(mmsi: mmsi(id), time: at(1), callSign: "ABCD", imo: IMONumber(rawValue: 9_074_729)),
        ]
        #expect(IdentityChangeDetector().detect(in: buildTracks(reports(id, from: at(0), to: at(1)) { _ in here }, statics)).isEmpty)
    }

    /// Two vessels report the same 40 IMO numbers, one in the order the other reverses: number k
    /// is first seen at hour min(k, 39 − k), so numbers k and 39 − k give `imo_shared` events with
    /// the same start and MMSIs. Those ties come in IMO order, the same on every run (the order
    /// of a dictionary changes from process to process: a newcomer's check saw events.json differ
    /// between two runs of one input). Without that rule all 20 pairs would come in IMO order by
    /// chance about once in a million runs.
    @Test func sharedIMOEventsThatTieComeInIMOOrder() throws {
        // A valid check digit: the first six digits weighted 7 to 2, the last digit of the sum.
        func imo(_ six: Int) -> IMONumber {
            let digits = String(six).compactMap(\.wholeNumberValue)
            let sum = zip(digits, [7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
            return IMONumber(rawValue: six * 10 + sum % 10)!
        }
        let numbers = (0..<40).map { imo(907_000 + 37 * $0) }
        var statics: [StaticReport] = []
        for (k, n) in numbers.enumerated() {
            statics.append(StaticReport(mmsi: mmsi(351_000_303), time: at(k), name: "A", imo: n))
            statics.append(StaticReport(mmsi: mmsi(445_000_303), time: at(39 - k), name: "B", imo: n))
        }
        let positions = [351_000_303, 445_000_303].flatMap { id in reports(UInt32(id), from: at(0), to: at(42), everyMinutes: 60) { _ in here } }
        let events = IdentityChangeDetector().detect(in: buildTracks(positions, statics)).filter { $0.evidence["check"] == "imo_shared" }
        let imos = events.compactMap { e -> Int? in if case .integer(let v)? = e.evidence["imo"] { v } else { nil } }
        // By start hour 0 to 19, each hour's two numbers (k and 39 − k) in IMO order.
        let want = (0..<20).flatMap { k in [numbers[k].rawValue, numbers[39 - k].rawValue].sorted() }
        #expect(imos == want)
    }

    @Test func sharedIMOAndCheckDigit() throws {
        // Two MMSIs present 9074729; a third presents 9074728, whose check digit (9) fails.
        let statics = [
            StaticReport(mmsi: mmsi(351_000_202), time: at(0), name: "KOTI", imo: IMONumber(rawValue: 9_074_729)),
            StaticReport(mmsi: mmsi(445_000_202), time: at(5), name: "RYE SONG GANG 1", imo: IMONumber(rawValue: 9_074_729)),
            StaticReport(mmsi: mmsi(352_000_202), time: at(1), name: "BAD", imo: IMONumber(rawValue: 9_074_728)),
        ]
        let positions = [351_000_202, 445_000_202, 352_000_202].flatMap { id in reports(UInt32(id), from: at(0), to: at(6), everyMinutes: 60) { _ in here } }
        let events = IdentityChangeDetector().detect(in: buildTracks(positions, statics))
        #expect(checks(events).sorted() == ["imo_check_digit", "imo_shared"])
        let shared = try #require(events.first { $0.evidence["check"] == "imo_shared" })
        #expect(shared.mmsi == [mmsi(351_000_202), mmsi(445_000_202)] && shared.start == at(0) && shared.end == at(5))
        #expect(shared.evidence["names"] == "KOTI | RYE SONG GANG 1" && shared.evidence["mmsi_count"] == 2)
        let bad = try #require(events.first { $0.evidence["check"] == "imo_check_digit" })
        #expect(bad.mmsi == [mmsi(352_000_202)] && bad.evidence["imo"] == 9_074_728)
    }

    @Test func mmsiFormAndMID() throws {
        // MID 200 is not allocated (Europe starts at 201); 201 (Albania) is.
        // 002470000 is a coast station, 992351000 an aid to navigation, 970012345 an AIS-SART (accepted).
        let ids: [UInt32] = [200_000_001, 201_000_001, 2_470_000, 992_351_000, 970_012_345, 123]
        let positions = ids.flatMap { id in reports(id, from: at(0), to: at(1), everyMinutes: 30) { _ in here } }
        let events = IdentityChangeDetector().detect(in: buildTracks(positions))
        let found = Dictionary(uniqueKeysWithValues: events.map { ($0.mmsi[0].rawValue, $0.evidence["check"]!) })
        #expect(found == [200_000_001: "unallocated_mid", 2_470_000: "not_a_ship_mmsi", 992_351_000: "not_a_ship_mmsi", 123: "not_a_ship_mmsi"])
        #expect(events.first { $0.mmsi == [mmsi(2_470_000)] }?.evidence["mmsi_kind"] == "coastStation")
        #expect(MaritimeIdentificationDigits.isAllocated(445) && MaritimeIdentificationDigits.isAllocated(352) && !MaritimeIdentificationDigits.isAllocated(600))
    }
}
