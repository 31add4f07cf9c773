import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Risk scorer")
struct RiskScorerTests {
    let here = GeoPoint(latitude: 38.7, longitude: 125.4)

    func event(_ kind: Event.Kind, _ ids: [UInt32], evidence: EventFields = [:]) -> Event {
        Event(kind: kind, mmsi: ids.map(mmsi), start: at(0), end: at(1), position: here, parameters: [:], evidence: evidence)
    }

    @Test func everyPointHasAReason() {
        // A Panama tanker (15) with a flagged Nampo visit (40), an encounter with a DPRK ship (30),
        // an ordinary encounter (5) and 4 gaps (4 × 3 = 12, capped at 9): 15 + 40 + 30 + 5 + 9 = 99.
        let v: UInt32 = 351_000_600
        let events = [
            event(.portVisit, [v], evidence: ["port": "Nampo", "flagged": .boolean(true)]),
            event(.encounter, [v, 445_000_600]), event(.encounter, [v, 412_000_600]),
        ] + (0..<4).map { _ in event(.gap, [v]) }
        let s = RiskScorer().score(mmsi: mmsi(v), isTanker: true, events: events, listed: false)
        #expect(s.score == 99)
        #expect(s.reasons.map(\.rule) == ["dprk_port_visit", "dprk_encounter", "tanker", "gap", "encounter"])
        #expect(s.reasons.reduce(0) { $0 + $1.points } == 99)
        #expect(s.topReasons(1) == ["+40 dprk_port_visit: Nampo 2024-05-01T00:00:00Z"])
        var joined: [UInt8] = []
        s.appendTopReasons(3, separator: "; ", to: &joined)
        #expect(String(decoding: joined, as: UTF8.self) == s.topReasons(3).joined(separator: "; "))
    }

    @Test func flagListingAndCap() {
        // A DPRK-flagged (30) tanker (15), listed (50): 95. A second flagged visit (+40) caps at 100.
        let v: UInt32 = 445_000_601
        let quiet = RiskScorer().score(mmsi: mmsi(v), isTanker: true, events: [], listed: true)
        #expect(quiet.score == 95)
        let visit = event(.portVisit, [v], evidence: ["port": "Nampo", "flagged": .boolean(true)])
        #expect(RiskScorer().score(mmsi: mmsi(v), isTanker: true, events: [visit], listed: true).score == 100)
        // An unflagged visit and no indicators: 0, no reasons.
        let clean = RiskScorer().score(mmsi: mmsi(211_000_601), isTanker: false, events: [event(.portVisit, [211_000_601], evidence: ["flagged": .boolean(false)])], listed: false)
        #expect(clean.score == 0 && clean.reasons.isEmpty)
        // Flags of convenience are a parameter (REGIME.md lists none).
        var weights = RiskWeights()
        weights.flagOfConvenienceMIDs = [351]
        #expect(RiskScorer(weights: weights).score(mmsi: mmsi(351_000_601), isTanker: false, events: [], listed: false).score == 10)
    }

    @Test func scoresTracksFromTheirEvents() {
        let tracks = buildTracks(reports(445_000_602, from: at(0), to: at(1)) { _ in here } + reports(412_000_602, from: at(0), to: at(1)) { _ in here },
                                 [StaticReport(mmsi: mmsi(412_000_602), time: at(0), shipType: 80)])
        let scores = RiskScorer().score(tracks, events: [event(.encounter, [445_000_602, 412_000_602])])
        // 412…: tanker 15 + encounter with a DPRK ship 30 = 45. 445…: DPRK flag 30 + encounter 5 = 35.
        #expect(scores.map(\.score) == [45, 35])
        #expect(scores.map(\.mmsi) == [mmsi(412_000_602), mmsi(445_000_602)])
        // Each track is scored from the events that name it, as one vessel at a time would be.
        let events = [event(.gap, [412_000_602]), event(.encounter, [445_000_602, 412_000_602]), event(.loitering, [445_000_602]),
                      event(.gap, [999_000_602]), event(.darkSTS, [412_000_602, 445_000_602])]
        let together = RiskScorer().score(tracks, events: events)
        for (track, score) in zip(tracks, together) {
            let alone = RiskScorer().score(mmsi: track.mmsi, isTanker: track.summary.isTanker, events: events.filter { $0.mmsi.contains(track.mmsi) }, listed: false)
            #expect(score == alone)
        }
    }
}
