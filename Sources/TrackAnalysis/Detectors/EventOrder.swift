import CapwatchCore

/// The orders in which the detectors return their events. Swift's `sort` is stable, so events
/// that compare equal (same start and vessels) keep the order in which they were found: a list
/// made by concatenating sorted lists of disjoint vessels and sorted again comes out the same as
/// one sorted list of all (how `capwatch analyze` joins the results of groups of vessels).
public enum EventOrder {
    /// By start time, then by the first MMSI (events of one vessel).
    public static func startThenFirstMMSI(_ l: Event, _ r: Event) -> Bool {
        (l.start, l.mmsi.first?.rawValue ?? 0) < (r.start, r.mmsi.first?.rawValue ?? 0)
    }

    /// By start time, then by the MMSIs compared in order (events of several vessels).
    public static func startThenMMSIs(_ l: Event, _ r: Event) -> Bool {
        if l.start != r.start { return l.start < r.start }
        return l.mmsi.map(\.rawValue).lexicographicallyPrecedes(r.mmsi.map(\.rawValue))
    }
}
