import CapwatchCore
import Testing

@Suite("Identity history")
struct IdentityHistoryTests {
    let mmsi = MMSI(445_000_001)!
    func t(_ hours: Int64) -> Timestamp { Timestamp(secondsSince1970: 1_700_000_000 + hours * 3600) }

    @Test func partialReportsMergeAndChangesAreVersioned() {
        let reports = [
            StaticReport(mmsi: mmsi, time: t(5), name: "NEW NAME"),
            StaticReport(mmsi: mmsi, time: t(0), name: "OLD NAME", imo: IMONumber(rawValue: 9_074_729)),
            StaticReport(mmsi: mmsi, time: t(1), callSign: "HMXX"),  // Class B part B: adds the call sign
            StaticReport(mmsi: mmsi, time: t(2), name: "OLD NAME"),  // no change
            StaticReport(mmsi: mmsi, time: t(7), draught: 9.5),
        ]
        let h = IdentityHistory(reports: reports)
        #expect(h.versions.map(\.since) == [t(0), t(1), t(5), t(7)])
        #expect(h.current == VesselIdentity(name: "NEW NAME", callSign: "HMXX", imo: IMONumber(rawValue: 9_074_729), draught: 9.5))
        #expect(h.identity(at: t(3))?.name == "OLD NAME")
        #expect(h.identity(at: t(-1)) == nil)
    }
}
