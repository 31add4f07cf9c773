import CapwatchCore

/// Finds draught changes across an AIS gap or an encounter: a vessel that reports a deeper or
/// shallower static draught afterwards loaded or discharged cargo meanwhile — with an encounter,
/// possibly by ship-to-ship transfer; with a gap, somewhere it did not show (REGIME.md §5 items 1
/// and 3; the Panel of Experts uses draught changes as evidence of STS deliveries).
///
/// Definition: for each closed gap or encounter event and each vessel in it, the draught in force
/// at the event's start (``IdentityHistory/identity(at:)``, the static draught of AIS type 5 or
/// of the export) is compared with the draught in force
/// ``DraughtChangeParameters/reportWindowHours`` (6 h) after the event's end (crews update the
/// static draught some time after loading). A change of at least
/// ``DraughtChangeParameters/minimumChangeMetres`` (0.5 m; the AIS field has 0.1 m resolution)
/// is reported. Open gaps and vessels without a draught on either side are skipped.
///
/// Each event: `mmsi` = the vessel, `start`/`end`/`position` = those of the gap or encounter.
/// Evidence: `cause` (`gap` or `encounter`), `before_m`, `after_m`, `change_m` (after − before:
/// positive means deeper, i.e. loaded), `reported_time` (when the new draught was first seen),
/// and for an encounter `counterpart_mmsi`.
public struct DraughtChangeDetector: Sendable {
    /// The thresholds, stored with every event.
    public var parameters: DraughtChangeParameters

    /// - Parameter parameters: thresholds; 0.5 m within 6 h by default.
    public init(parameters: DraughtChangeParameters = DraughtChangeParameters()) { self.parameters = parameters }

    /// Draught changes across the given events, sorted by start time then MMSI.
    /// - Parameters:
    ///   - tracks: tracks from ``TrackBuilder`` (their identity histories carry the draughts).
    ///   - events: gap and encounter events (other kinds are ignored).
    public func detect(in tracks: [Track], across events: [Event]) -> [Event] {
        detect(in: tracks.map(\.summary), across: events)
    }

    /// Draught changes across the given events, sorted by start time then MMSI.
    /// - Parameters:
    ///   - tracks: summaries of the tracks (their identity histories carry the draughts).
    ///   - events: gap and encounter events (other kinds are ignored), read once in order; ties in
    ///     the result keep that order.
    public func detect(in tracks: [TrackSummary], across events: some Sequence<Event>) -> [Event] {
        var index: [MMSI: Int] = [:]
        for (i, t) in tracks.enumerated() { index[t.mmsi] = i }
        let windowSeconds = parameters.reportWindowHours * 3600
        var out: [Event] = []
        for e in events where e.kind == .gap || e.kind == .encounter {
            guard let end = e.end else { continue }
            for m in e.mmsi {
                guard let ti = index[m] else { continue }
                let history = tracks[ti].identity
                let until = end.adding(seconds: windowSeconds)
                guard let before = history.identity(at: e.start)?.draught, let after = history.identity(at: until)?.draught,
                    abs(after - before) >= parameters.minimumChangeMetres - 1e-9
                else { continue }
                // When the new draught was first reported: the first version after the start carrying it.
                let reported = history.versions.first { $0.since > e.start && $0.since <= until && $0.identity.draught == after }?.since
                var evidence: EventFields = [
                    "cause": .string(e.kind.rawValue), "before_m": .number(before), "after_m": .number(after),
                    "change_m": .number(roundedTo(after - before, 2)),
                ]
                if let reported { evidence["reported_time"] = .time(reported) }
                if e.kind == .encounter, let other = e.mmsi.first(where: { $0 != m }) { evidence["counterpart_mmsi"] = .integer(Int(other.rawValue)) }
                out.append(Event(kind: .draughtChange, mmsi: [m], start: e.start, end: e.end, position: e.position,
                                 parameters: parameters.eventFields, evidence: evidence))
            }
        }
        EventOrder.sortByStartThenFirstMMSI(&out)
        return out
    }
}

/// Parameters of ``DraughtChangeDetector``; every event stores them.
public struct DraughtChangeParameters: Hashable, Sendable {
    /// Minimum absolute change of static draught, in metres (default 0.5 m).
    public var minimumChangeMetres: Double
    /// How long after the gap or encounter a new draught still counts, in hours (default 6 h).
    public var reportWindowHours: Double

    /// - Parameters: see the properties.
    public init(minimumChangeMetres: Double = 0.5, reportWindowHours: Double = 6) {
        self.minimumChangeMetres = minimumChangeMetres
        self.reportWindowHours = reportWindowHours
    }

    /// The parameters as stored with each event: `min_change_m`, `report_window_h`.
    public var eventFields: EventFields { ["min_change_m": .number(minimumChangeMetres), "report_window_h": .number(reportWindowHours)] }
}
