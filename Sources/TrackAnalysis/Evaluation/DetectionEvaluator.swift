import CapwatchCore

/// Scores detections (`events.json`) against planted truth (`truth.json`): precision, recall and
/// F1 per event kind, with the misses and false alarms listed.
///
/// Matching rules (a detection and a truth entry must have the same ``Event/Kind``):
/// - **Pair kinds** (`encounter`, `dark_sts`): the same two vessels, and time ranges that overlap
///   by at least ``pairOverlapFraction`` (one half) of the shorter of the two.
/// - **Single-vessel kinds** (`gap`, `loitering`, `port_visit`, `draught_change`, `spoofing`):
///   the truth's vessel among the detection's, and time ranges that overlap once each is widened by
///   ``timeToleranceSeconds`` (15 min) on both sides.
/// - **`identity_change`**: any vessel in common (a detection may name one MMSI of a pair, or every
///   MMSI sharing an IMO number), and overlapping times as for single-vessel kinds.
///
/// An open range (`end` null) runs to the end of the data (``dataEnd``; without it, to the start).
///
/// Counting: a truth entry is **found** when at least one detection matches it, **missed**
/// otherwise (recall = found / entries). A detection is **correct** when it matches a truth entry
/// that is not `must_not_detect`; one that matches only near misses (`must_not_detect: true`), or
/// nothing, is a **false alarm** (precision = correct / detections). Several detections of one
/// planted behaviour (a name change and a call-sign change of one renaming) are all correct; the
/// report counts them as duplicates. F1 = 2PR / (P + R); undefined (nil) when a kind has no truth
/// entries and no detections, and P or R undefined when its denominator is zero.
public struct DetectionEvaluator: Sendable {
    /// Fraction of the shorter range that pair kinds must overlap (default 0.5).
    public var pairOverlapFraction: Double
    /// Widening of each range for single-vessel kinds and identity changes, seconds (default 900).
    public var timeToleranceSeconds: Double
    /// The end of the data, for open ranges; nil treats an open range as ending at its start.
    public var dataEnd: Timestamp?

    /// - Parameters: see the properties.
    public init(pairOverlapFraction: Double = 0.5, timeToleranceSeconds: Double = 900, dataEnd: Timestamp? = nil) {
        self.pairOverlapFraction = pairOverlapFraction
        self.timeToleranceSeconds = timeToleranceSeconds
        self.dataEnd = dataEnd
    }

    /// The scores of one kind.
    public struct KindScore: Hashable, Sendable {
        /// The kind.
        public var kind: Event.Kind
        /// Truth entries that should be detected (`must_not_detect` false).
        public var truthCount: Int
        /// Near misses planted (`must_not_detect` true).
        public var nearMissCount: Int
        /// Detections of this kind.
        public var detectionCount: Int
        /// Truth entries found.
        public var found: Int
        /// Detections matching a truth entry.
        public var correct: Int
        /// Correct detections beyond the first for the same truth entry.
        public var duplicates: Int
        /// Detections matching no truth entry or only a near miss.
        public var falseAlarms: Int

        /// correct / detections; nil without detections.
        public var precision: Double? { detectionCount == 0 ? nil : Double(correct) / Double(detectionCount) }
        /// found / truth entries; nil without truth entries.
        public var recall: Double? { truthCount == 0 ? nil : Double(found) / Double(truthCount) }
        /// Harmonic mean of precision and recall. With truth entries but no detections it is 0;
        /// with detections but no truth entries, 0; with neither, nil.
        public var f1: Double? {
            switch (precision, recall) {
            case (nil, nil): return nil
            case (let p?, let r?): return p + r == 0 ? 0 : 2 * p * r / (p + r)
            default: return 0
            }
        }
    }

    /// A truth entry no detection matched.
    public struct Miss: Hashable, Sendable {
        /// The entry.
        public var truth: TruthEvent
    }

    /// A detection that matched no truth entry, or only a near miss.
    public struct FalseAlarm: Hashable, Sendable {
        /// The detection.
        public var event: Event
        /// The near miss it matched, if any.
        public var nearMiss: TruthEvent?
    }

    /// The result of ``evaluate(truth:detections:)``.
    public struct Result: Hashable, Sendable {
        /// One score per kind that has truth entries, near misses or detections, in ``Event/Kind`` order.
        public var scores: [KindScore]
        /// Truth entries not found, in time order.
        public var misses: [Miss]
        /// False alarms, in time order.
        public var falseAlarms: [FalseAlarm]

        /// The score of one kind, if present.
        public func score(_ kind: Event.Kind) -> KindScore? { scores.first { $0.kind == kind } }
    }

    /// Scores `detections` against `truth`.
    public func evaluate(truth: [TruthEvent], detections: [Event]) -> Result {
        var scores: [KindScore] = []
        var misses: [Miss] = []
        var falseAlarms: [FalseAlarm] = []
        for kind in Event.Kind.allCases {
            let t = truth.filter { $0.kind == kind }
            let d = detections.filter { $0.kind == kind }
            guard !t.isEmpty || !d.isEmpty else { continue }
            var score = KindScore(kind: kind, truthCount: t.filter { !$0.mustNotDetect }.count, nearMissCount: t.filter(\.mustNotDetect).count,
                                  detectionCount: d.count, found: 0, correct: 0, duplicates: 0, falseAlarms: 0)
            var hits = [Int](repeating: 0, count: t.count)
            for e in d {
                let matched = t.indices.filter { matches(e, t[$0]) }
                let real = matched.filter { !t[$0].mustNotDetect }
                if real.isEmpty {
                    score.falseAlarms += 1
                    falseAlarms.append(FalseAlarm(event: e, nearMiss: matched.first.map { t[$0] }))
                } else {
                    score.correct += 1
                    if real.allSatisfy({ hits[$0] > 0 }) { score.duplicates += 1 }
                    for i in real { hits[i] += 1 }
                }
            }
            for (i, entry) in t.enumerated() where !entry.mustNotDetect {
                if hits[i] > 0 { score.found += 1 } else { misses.append(Miss(truth: entry)) }
            }
            scores.append(score)
        }
        misses.sort { $0.truth.start < $1.truth.start }
        falseAlarms.sort { $0.event.start < $1.event.start }
        return Result(scores: scores, misses: misses, falseAlarms: falseAlarms)
    }

    /// True when `event` matches `truth` by the rules of the type's documentation.
    public func matches(_ event: Event, _ truth: TruthEvent) -> Bool {
        guard event.kind == truth.kind else { return false }
        let e = range(event.start, event.end)
        let t = range(truth.start, truth.end)
        switch truth.kind {
        case .encounter, .darkSTS:
            guard Set(event.mmsi) == Set(truth.vessels) else { return false }
            let overlap = min(e.upperBound, t.upperBound) - max(e.lowerBound, t.lowerBound)
            let shorter = min(e.upperBound - e.lowerBound, t.upperBound - t.lowerBound)
            return overlap >= 0 && overlap >= pairOverlapFraction * shorter
        case .identityChange:
            guard !Set(event.mmsi).isDisjoint(with: truth.vessels) else { return false }
            return overlaps(e, t)
        case .gap, .loitering, .portVisit, .draughtChange, .spoofing:
            guard truth.vessels.allSatisfy(event.mmsi.contains) else { return false }
            return overlaps(e, t)
        }
    }

    private func range(_ start: Timestamp, _ end: Timestamp?) -> ClosedRange<Double> {
        let s = start.secondsSince1970
        let e = (end ?? dataEnd).map(\.secondsSince1970) ?? s
        return s...max(s, e)
    }

    private func overlaps(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> Bool {
        a.lowerBound - timeToleranceSeconds <= b.upperBound + timeToleranceSeconds
            && b.lowerBound - timeToleranceSeconds <= a.upperBound + timeToleranceSeconds
    }
}
