import CapwatchCore
import Testing
import TrackAnalysis

@testable import capwatch

/// The summary's top events, gathered one event at a time (``EventTotals``), are those the whole
/// list sorted stably by (encounter first, longest first) begins with.
@Suite("event totals")
struct EventTotalsTests {
    @Test("the top ten: encounters first, longest first, ties in the order read; counts by kind")
    func topTen() {
        let t0 = Timestamp(millisecondsSince1970: 1_600_000_000_000)
        var events: [Event] = []
        // 40 events whose lengths repeat (ties), open gaps measured by gap_h, a few encounters.
        for i in 0..<40 {
            let kind: Event.Kind = i % 9 == 0 ? .encounter : i % 2 == 0 ? .gap : .loitering
            let hours = Double((i * 7) % 5 + 1)
            let open = kind == .gap && i % 4 == 0
            events.append(Event(kind: kind, mmsi: [MMSI(211_000_000 + i)!], start: t0.adding(seconds: Double(i) * 60),
                                end: open ? nil : t0.adding(seconds: Double(i) * 60 + hours * 3600), position: GeoPoint(latitude: 0, longitude: 0),
                                parameters: [:], evidence: open ? ["gap_h": .number(hours + 0.5)] : [:]))
        }
        var totals = EventTotals(tracks: [], scorer: RiskScorer(), estimator: DeliveryEstimator())
        for e in events { totals.add(e) }
        // By hand from the rule: rank 0 for encounters, then minus the length in hours; the index breaks ties.
        func length(_ e: Event) -> Double { e.end.map { e.start.seconds(to: $0) / 3600 } ?? e.evidence["gap_h"]!.doubleValue! }
        let want = events.indices.sorted {
            (events[$0].kind == .encounter ? 0 : 1, -length(events[$0]), $0) < (events[$1].kind == .encounter ? 0 : 1, -length(events[$1]), $1)
        }.prefix(10).map { events[$0] }
        #expect(totals.top == Array(want))
        #expect(totals.total == 40)
        #expect(totals.byKind[Event.Kind.encounter.ordinal] == 5)  // i = 0, 9, 18, 27, 36
        #expect(totals.byKind[Event.Kind.gap.ordinal] + totals.byKind[Event.Kind.loitering.ordinal] == 35)
    }
}
