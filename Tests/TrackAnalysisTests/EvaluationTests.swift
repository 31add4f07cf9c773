import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Detection evaluation")
struct EvaluationTests {
    let here = GeoPoint(latitude: 29, longitude: 123)

    func event(_ kind: Event.Kind, _ ids: [UInt32], _ from: Int, _ to: Int?) -> Event {
        Event(kind: kind, mmsi: ids.map(mmsi), start: at(from), end: to.map { at($0) }, position: here, parameters: [:], evidence: [:])
    }

    func truth(_ kind: Event.Kind, _ ids: [UInt32], _ from: Int, _ to: Int?, near: Bool = false) -> TruthEvent {
        TruthEvent(kind: kind, vessels: ids.map(mmsi), start: at(from), end: to.map { at($0) }, position: here, mustNotDetect: near, note: "t")
    }

    @Test("Encounters: same pair and overlap of at least half the shorter range")
    func encounterRule() {
        let e = DetectionEvaluator()
        let t = truth(.encounter, [1, 2], 8, 14)
        #expect(e.matches(event(.encounter, [2, 1], 8, 14), t))
        #expect(e.matches(event(.encounter, [1, 2], 11, 20), t))  // overlap 3 h of the shorter 6 h
        #expect(!e.matches(event(.encounter, [1, 2], 12, 20), t))  // overlap 2 h < 3 h
        #expect(!e.matches(event(.encounter, [1, 3], 8, 14), t))
        #expect(!e.matches(event(.loitering, [1], 8, 14), t))
    }

    @Test("Single-vessel kinds: the vessel and overlapping times within 15 minutes; open ranges run to the data end")
    func singleVesselRule() {
        let e = DetectionEvaluator(dataEnd: at(30))
        #expect(e.matches(event(.gap, [1], 2, 10), truth(.gap, [1], 9, 12)))
        #expect(e.matches(event(.portVisit, [1], 3, nil), truth(.portVisit, [1], 20, nil)))
        #expect(e.matches(event(.identityChange, [1], 8, 8), truth(.identityChange, [1], 8, 8)))
        #expect(e.matches(event(.identityChange, [1, 2], 0, 11), truth(.identityChange, [2, 3], 10, 11)))  // any vessel in common
        #expect(!e.matches(event(.gap, [1], 2, 10), truth(.gap, [2], 2, 10)))
        #expect(!e.matches(event(.gap, [1], 2, 10), truth(.gap, [1], 11, 12)))
    }

    @Test("Counts: precision, recall, F1, duplicates, near misses as false alarms")
    func counts() throws {
        let truths = [
            truth(.encounter, [1, 2], 8, 14), truth(.encounter, [3, 4], 1, 2), truth(.encounter, [5, 6], 0, 20, near: true),
            truth(.identityChange, [7], 5, 5),
        ]
        let detections = [
            event(.encounter, [1, 2], 8, 14), event(.encounter, [5, 6], 0, 20), event(.identityChange, [7], 5, 5),
            event(.identityChange, [7], 5, 5), event(.loitering, [9], 1, 5),
        ]
        let r = DetectionEvaluator().evaluate(truth: truths, detections: detections)
        let enc = try #require(r.score(.encounter))
        #expect(enc.truthCount == 2 && enc.nearMissCount == 1 && enc.detectionCount == 2)
        #expect(enc.found == 1 && enc.correct == 1 && enc.falseAlarms == 1)
        #expect(enc.precision == 0.5 && enc.recall == 0.5 && enc.f1 == 0.5)
        let id = try #require(r.score(.identityChange))
        #expect(id.correct == 2 && id.duplicates == 1 && id.f1 == 1)
        let loiter = try #require(r.score(.loitering))
        #expect(loiter.f1 == 0 && loiter.recall == nil)
        #expect(r.misses.map(\.truth.vessels) == [[mmsi(3), mmsi(4)]])
        #expect(r.falseAlarms.count == 2 && r.falseAlarms.contains { $0.nearMiss != nil })
        #expect(EvaluationReport.text(r).contains("encounter"))
        #expect(EvaluationReport.json(r).contains("\"f1\":0.5000"))
    }
}
