import CapwatchCore

/// One reason behind a risk score: the points it adds and why, in words an analyst can read out.
public struct RiskReason: Hashable, Sendable {
    /// Points added, `> 0`.
    public var points: Double
    /// Short snake-case code of the rule (`dprk_flag`, `dprk_port_visit` …).
    public var rule: String
    /// Why, with the specifics (port, counterpart, counts).
    public var detail: String

    /// - Parameters: see the properties.
    public init(points: Double, rule: String, detail: String) {
        self.points = points
        self.rule = rule
        self.detail = detail
    }
}

/// A vessel's risk score with every reason, and the weights that produced it.
public struct RiskScore: Hashable, Sendable {
    /// The vessel.
    public var mmsi: MMSI
    /// The score: the sum of the reasons' points, capped at ``RiskWeights/maximumScore`` (100).
    public var score: Double
    /// The reasons, most points first.
    public var reasons: [RiskReason]
    /// The weights used (see ``RiskWeights/fields``).
    public var weights: RiskWeights

    /// The reasons with the most points, as `"+40 dprk_port_visit: Nampo …"`, for a one-line summary.
    /// - Parameter count: how many, ≥ 0.
    public func topReasons(_ count: Int) -> [String] {
        reasons.prefix(count).map { reason in
            var text: [UInt8] = []
            reason.appendSummary(to: &text)
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Appends ``topReasons(_:)`` joined by `separator`, as UTF-8 (no string per reason).
    /// - Parameters:
    ///   - count: how many reasons, ≥ 0.
    ///   - separator: written between two reasons.
    ///   - out: the buffer; nothing is removed from it.
    public func appendTopReasons(_ count: Int, separator: StaticString, to out: inout [UInt8]) {
        for (i, reason) in reasons.prefix(count).enumerated() {
            if i > 0 { JSONText.append(separator, to: &out) }
            reason.appendSummary(to: &out)
        }
    }
}

extension RiskReason {
    /// Appends `+points rule: detail` as UTF-8: points as an integer when whole (`+40`), else in
    /// Swift's shortest form (`+2.5`).
    /// - Parameter out: the buffer; nothing is removed from it.
    public func appendSummary(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "+"))
        if points == points.rounded() {
            JSONText.appendInteger(Int64(Int(points)), to: &out)
        } else {
            JSONText.appendShortest(points, to: &out)
        }
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: rule.utf8)
        JSONText.append(": ", to: &out)
        out.append(contentsOf: detail.utf8)
    }
}

/// How many points each indicator adds to a vessel's risk score: documented data, stored with each
/// score so that a score can be explained and recomputed.
///
/// The weights are Capwatch's judgement, ordered by the regime's own priorities (REGIME.md §5):
/// the DPRK flag (MID 445) and DPRK port calls weigh most because resolution 2397 para 9 and 2375
/// para 11 target exactly those; then STS indicators (encounters with DPRK vessels, dark STS),
/// then deceptive practices (identity manipulation, spoofing, AIS gaps, loitering). Tankers weigh
/// more than other ship types because the cap concerns refined petroleum. Repeated indicators are
/// capped so that one noisy track cannot dominate.
public struct RiskWeights: Hashable, Sendable {
    /// The vessel's MID is 445 (DPRK).
    public var dprkFlag = 30.0
    /// The vessel's MID is in ``flagOfConvenienceMIDs``.
    public var flagOfConvenience = 10.0
    /// MIDs counted as flags of convenience. REGIME.md lists none (it names "false flags and flag
    /// hopping" as a practice, not registries), so the default is empty; set it from a cited list.
    public var flagOfConvenienceMIDs: Set<Int> = []
    /// The vessel reported a tanker ship type (80–89) at some time.
    public var tanker = 15.0
    /// Each flagged visit to a DPRK port (see ``PortVisitDetector``).
    public var dprkPortVisit = 40.0
    /// Each encounter with a vessel whose MID is 445.
    public var dprkEncounter = 30.0
    /// Each encounter (any counterpart), capped at ``encounterCap``.
    public var encounter = 5.0
    /// Cap on the points from ``encounter``.
    public var encounterCap = 15.0
    /// Each possible dark STS (either party).
    public var darkSTS = 20.0
    /// Each draught change across a gap or encounter, capped at ``draughtChangeCap``.
    public var draughtChange = 10.0
    /// Cap on the points from ``draughtChange``.
    public var draughtChangeCap = 20.0
    /// Each identity finding, capped at ``identityChangeCap``.
    public var identityChange = 10.0
    /// Cap on the points from ``identityChange``.
    public var identityChangeCap = 30.0
    /// Each spoofing finding, capped at ``spoofingCap``.
    public var spoofing = 10.0
    /// Cap on the points from ``spoofing``.
    public var spoofingCap = 20.0
    /// Each AIS gap, capped at ``gapCap``.
    public var gap = 3.0
    /// Cap on the points from ``gap``.
    public var gapCap = 9.0
    /// Each loitering event, capped at ``loiteringCap``.
    public var loitering = 3.0
    /// Cap on the points from ``loitering``.
    public var loiteringCap = 9.0
    /// The vessel is on a sanctions list (the screening module's verdict, passed in).
    public var listed = 50.0
    /// The highest score.
    public var maximumScore = 100.0

    /// Capwatch's default weights.
    public init() {}

    /// The weights as named values (for storage beside a score).
    public var fields: EventFields {
        [
            "dprk_flag": .number(dprkFlag), "flag_of_convenience": .number(flagOfConvenience),
            "flag_of_convenience_mids": .string(flagOfConvenienceMIDs.sorted().map(String.init).joined(separator: " ")),
            "tanker": .number(tanker), "dprk_port_visit": .number(dprkPortVisit), "dprk_encounter": .number(dprkEncounter),
            "encounter": .number(encounter), "encounter_cap": .number(encounterCap), "dark_sts": .number(darkSTS),
            "draught_change": .number(draughtChange), "draught_change_cap": .number(draughtChangeCap),
            "identity_change": .number(identityChange), "identity_change_cap": .number(identityChangeCap), "spoofing": .number(spoofing),
            "spoofing_cap": .number(spoofingCap), "gap": .number(gap), "gap_cap": .number(gapCap), "loitering": .number(loitering),
            "loitering_cap": .number(loiteringCap), "listed": .number(listed), "maximum_score": .number(maximumScore),
        ]
    }
}

/// Scores each vessel from its flag, ship type, events and listing, every point with its reason.
///
/// Rules (points from ``RiskWeights``):
/// - flag: MID 445 → `dprk_flag`; MID in the flag-of-convenience set → `flag_of_convenience`;
/// - ship type: a tanker (80–89) in any identity version → `tanker`;
/// - each port visit with `flagged: true` → `dprk_port_visit`;
/// - each encounter: with a MID-445 counterpart → `dprk_encounter`, otherwise `encounter` (capped);
/// - each dark STS → `dark_sts`; each draught change, identity finding, spoofing finding, gap,
///   loitering → the matching weight, each capped;
/// - on a sanctions list → `listed` (the hook for the screening module: pass the MMSIs it matched).
///
/// The score is the sum, capped at ``RiskWeights/maximumScore``.
public struct RiskScorer: Sendable {
    /// The weights, stored with every score.
    public var weights: RiskWeights

    /// - Parameter weights: the points per indicator.
    public init(weights: RiskWeights = RiskWeights()) { self.weights = weights }

    /// Scores every track.
    /// - Parameters:
    ///   - tracks: the vessels.
    ///   - events: all events (any kinds; each is counted for every vessel it names).
    ///   - listed: whether a vessel is on a sanctions list (default: none is).
    /// - Returns: one score per track, in the tracks' order.
    public func score(_ tracks: [Track], events: [Event], listed: (MMSI) -> Bool = { _ in false }) -> [RiskScore] {
        score(tracks.map(\.summary), events: events, listed: listed)
    }

    /// Scores every vessel (above 1,000 vessels, in two halves on both cores; `listed` is asked
    /// on the calling thread first).
    /// - Parameters:
    ///   - tracks: summaries of the vessels' tracks.
    ///   - events: all events (any kinds; each is counted for every vessel it names).
    ///   - listed: whether a vessel is on a sanctions list (default: none is).
    /// - Returns: one score per vessel, in the given order.
    public func score(_ tracks: [TrackSummary], events: [Event], listed: (MMSI) -> Bool = { _ in false }) -> [RiskScore] {
        // The events of each vessel as one run of indices in a shared array (a counting sort: no
        // array per vessel, no event copied). Tracks of the same MMSI share its first track's run.
        // Each MMSI's first track, found through an open-addressing table (no SipHash per lookup).
        var slots = MMSISlotTable()
        var firstTrack: [Int] = []
        firstTrack.reserveCapacity(tracks.count)
        var group = [Int](repeating: 0, count: tracks.count)
        for (i, t) in tracks.enumerated() {
            let (slot, inserted) = slots.slot(inserting: t.mmsi.rawValue)
            if inserted { firstTrack.append(i) }
            group[i] = firstTrack[slot]
        }
        var runEnd = [Int](repeating: 0, count: tracks.count + 1)
        var pairs: [(group: Int, event: Int)] = []  // each event with each vessel it names that has a track, in event order
        pairs.reserveCapacity(events.count)
        for e in events.indices {
            for m in events[e].mmsi {
                guard let slot = slots.slot(of: m.rawValue) else { continue }
                let g = firstTrack[slot]
                pairs.append((g, e))
                runEnd[g + 1] += 1
            }
        }
        for g in tracks.indices { runEnd[g + 1] += runEnd[g] }
        var next = runEnd
        var members = [Int](repeating: 0, count: pairs.count)
        for p in pairs {
            members[next[p.group]] = p.event
            next[p.group] += 1
        }
        let isListed = tracks.map { listed($0.mmsi) }
        // The vessels in two halves, one on each core, each writing its own part of the result
        // (no second array to join); each vessel's score depends on its events only.
        let pieces = tracks.count > 1_000 ? 2 : 1
        let half = pieces == 1 ? tracks.count : (tracks.count + 1) / 2
        return [RiskScore](unsafeUninitializedCapacity: tracks.count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress
            _ = Parallel.map(pieces) { h in
                for i in h == 0 ? 0..<half : half..<tracks.count {
                    let g = group[i]
                    (base! + i).initialize(to: score(mmsi: tracks[i].mmsi, isTanker: tracks[i].isTanker, events: events,
                                                     indices: members[runEnd[g]..<runEnd[g + 1]], listed: isListed[i]))
                }
            }
            initialized = tracks.count
        }
    }

    /// Scores one vessel.
    /// - Parameters:
    ///   - mmsi: the vessel.
    ///   - isTanker: whether it reported a tanker ship type.
    ///   - events: the events that name it.
    ///   - listed: whether it is on a sanctions list.
    public func score(mmsi: MMSI, isTanker: Bool, events: [Event], listed: Bool) -> RiskScore {
        score(mmsi: mmsi, isTanker: isTanker, events: events, indices: events.indices, listed: listed)
    }

    /// Scores one vessel from `events[i]` for each `i` in `indices`, in that order (the events are
    /// read in place, not copied).
    private func score(mmsi: MMSI, isTanker: Bool, events: [Event], indices: some Sequence<Int>, listed: Bool) -> RiskScore {
        var tally = RiskTally()
        for i in indices { add(events[i], of: mmsi, to: &tally) }
        return score(mmsi: mmsi, isTanker: isTanker, tally: tally, listed: listed)
    }

    /// Counts `event` for vessel `mmsi` (one it names) in `tally`; add a vessel's events in
    /// chronological order, as ``score(_:events:listed:)`` reads them, for the same reasons in
    /// the same order.
    public func add(_ event: Event, of mmsi: MMSI, to tally: inout RiskTally) {
        let w = weights
        switch event.kind {
        case .portVisit:
            if event.evidence["flagged"] == .boolean(true), w.dprkPortVisit > 0 {
                let port = event.evidence["port"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "?"
                tally.reasons.append(RiskReason(points: w.dprkPortVisit, rule: "dprk_port_visit", detail: "\(port) \(event.start.iso8601)"))
            }
        case .encounter:
            if let other = event.mmsi.first(where: { $0 != mmsi }), other.mid == MaritimeIdentificationDigits.dprk {
                if w.dprkEncounter > 0 {
                    tally.reasons.append(RiskReason(points: w.dprkEncounter, rule: "dprk_encounter", detail: "with \(other) \(event.start.iso8601)"))
                }
            } else {
                tally.encounters += 1
            }
        case .darkSTS: tally.darkSTS += 1
        case .draughtChange: tally.draughtChanges += 1
        case .identityChange: tally.identityChanges += 1
        case .spoofing: tally.spoofing += 1
        case .gap: tally.gaps += 1
        case .loitering: tally.loitering += 1
        }
    }

    /// Scores one vessel from the tally of its events.
    /// - Parameters:
    ///   - mmsi: the vessel.
    ///   - isTanker: whether it reported a tanker ship type.
    ///   - tally: its events, added by ``add(_:of:to:)``.
    ///   - listed: whether it is on a sanctions list.
    public func score(mmsi: MMSI, isTanker: Bool, tally: RiskTally, listed: Bool) -> RiskScore {
        let w = weights
        var reasons: [RiskReason] = []
        func add(_ points: Double, _ rule: String, _ detail: String) { if points > 0 { reasons.append(RiskReason(points: points, rule: rule, detail: detail)) } }
        if listed { add(w.listed, "listed", "on a sanctions list") }
        if let mid = mmsi.mid {
            if mid == MaritimeIdentificationDigits.dprk { add(w.dprkFlag, "dprk_flag", "MID 445, DPRK flag") }
            if w.flagOfConvenienceMIDs.contains(mid) { add(w.flagOfConvenience, "flag_of_convenience", "MID \(mid)") }
        }
        if isTanker { add(w.tanker, "tanker", "ship type 80-89") }
        reasons += tally.reasons
        func capped(_ n: Int, _ each: Double, _ cap: Double, _ rule: String, _ what: String) {
            guard n > 0 else { return }
            add(min(Double(n) * each, cap), rule, "\(n) \(what)")
        }
        capped(tally.encounters, w.encounter, w.encounterCap, "encounter", "encounter(s)")
        capped(tally.darkSTS, w.darkSTS, .infinity, "dark_sts", "possible dark STS")
        capped(tally.draughtChanges, w.draughtChange, w.draughtChangeCap, "draught_change", "draught change(s) across gap/encounter")
        capped(tally.identityChanges, w.identityChange, w.identityChangeCap, "identity_change", "identity finding(s)")
        capped(tally.spoofing, w.spoofing, w.spoofingCap, "spoofing", "spoofing finding(s)")
        capped(tally.gaps, w.gap, w.gapCap, "gap", "AIS gap(s)")
        capped(tally.loitering, w.loitering, w.loiteringCap, "loitering", "loitering event(s)")
        reasons.sort { ($0.points, $1.rule) > ($1.points, $0.rule) }
        let total = min(w.maximumScore, reasons.reduce(0) { $0 + $1.points })
        return RiskScore(mmsi: mmsi, score: total, reasons: reasons, weights: w)
    }
}

/// One vessel's events as ``RiskScorer`` counts them: how many of each kind, and a reason for each
/// flagged port visit and each encounter with a DPRK-flagged vessel (in the order added). Lets a
/// caller that reads events one at a time (`capwatch analyze`) score without keeping them.
public struct RiskTally: Sendable {
    /// Encounters with vessels not DPRK-flagged.
    public var encounters = 0
    /// Possible dark STS transfers.
    public var darkSTS = 0
    /// Draught changes across a gap or an encounter.
    public var draughtChanges = 0
    /// Identity findings.
    public var identityChanges = 0
    /// Spoofing findings.
    public var spoofing = 0
    /// AIS gaps.
    public var gaps = 0
    /// Loitering events.
    public var loitering = 0
    /// The reasons of single events (`dprk_port_visit`, `dprk_encounter`), in the order added.
    public var reasons: [RiskReason] = []

    /// An empty tally.
    public init() {}

}
