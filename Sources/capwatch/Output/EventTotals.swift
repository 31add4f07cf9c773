import CapwatchCore
import TrackAnalysis

/// What `capwatch analyze`'s files and summary need from its events, gathered as the events are
/// read one at a time in chronological order (so that none has to stay in memory): the events of
/// each kind per vessel (vessels.csv), each vessel's ``RiskTally``, the count of each kind, the
/// ten events the summary lists, and the events the ledger estimate can use.
struct EventTotals {
    /// Each vessel's row: the index of its track.
    private let row: [MMSI: Int]
    /// Events per vessel and kind: `Event.Kind.allCases.count` counts per track, in `allCases` order.
    private(set) var counts: [Int]
    /// Each track's risk tally.
    private(set) var tallies: [RiskTally]
    /// Events of each kind, by ``Event/Kind/ordinal``.
    private(set) var byKind = [Int](repeating: 0, count: Event.Kind.allCases.count)
    /// All events.
    private(set) var total = 0
    /// The summary's top events: encounters first, then the rest, longest first; ties in
    /// chronological order. At most ``topCount``.
    private(set) var top: [Event] = []
    private var topKeys: [(Int, Double)] = []
    /// The events ``DeliveryEstimator/mayDeliver(_:listed:)`` keeps, in order.
    private(set) var deliveryCandidates: [Event] = []
    private let scorer: RiskScorer
    private let estimator: DeliveryEstimator

    /// How many events the summary lists.
    static let topCount = 10

    /// - Parameters:
    ///   - tracks: the vessels (one track per MMSI); counts and tallies follow their order.
    ///   - scorer: the risk scorer whose tallies are kept.
    ///   - estimator: the ledger's estimator, which says which events to keep.
    init(tracks: [TrackSummary], scorer: RiskScorer, estimator: DeliveryEstimator) {
        var row: [MMSI: Int] = [:]
        row.reserveCapacity(tracks.count)
        for (i, t) in tracks.enumerated() where row[t.mmsi] == nil { row[t.mmsi] = i }
        self.row = row
        counts = [Int](repeating: 0, count: tracks.count * Event.Kind.allCases.count)
        tallies = [RiskTally](repeating: RiskTally(), count: tracks.count)
        self.scorer = scorer
        self.estimator = estimator
    }

    /// The length the summary gives an event, in hours: its duration, or for an open gap its
    /// `gap_h` evidence, else 0.
    static func hours(_ e: Event) -> Double { e.durationSeconds.map { $0 / 3600 } ?? e.evidence["gap_h"]?.doubleValue ?? 0 }

    /// Counts one event; events must come in chronological order.
    mutating func add(_ e: Event) {
        let k = e.kind.ordinal
        total += 1
        byKind[k] += 1
        for m in e.mmsi {
            guard let r = row[m] else { continue }
            counts[r * Event.Kind.allCases.count + k] += 1
            scorer.add(e, of: m, to: &tallies[r])
        }
        // Kept sorted by (encounter first, longest first); a tie goes after those already kept.
        let key = (e.kind == .encounter ? 0 : 1, -Self.hours(e))
        if top.count < Self.topCount || key < topKeys[topKeys.count - 1] {
            let at = topKeys.firstIndex { key < $0 } ?? topKeys.count
            topKeys.insert(key, at: at)
            top.insert(e, at: at)
            if top.count > Self.topCount {
                topKeys.removeLast()
                top.removeLast()
            }
        }
        if estimator.mayDeliver(e) { deliveryCandidates.append(e) }
    }
}
