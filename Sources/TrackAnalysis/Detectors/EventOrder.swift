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

    /// Sorts `events` into the order of ``startThenFirstMMSI(_:_:)``, keeping the order in which
    /// equal events were found, exactly as `events.sort(by: startThenFirstMMSI)`. The keys (start,
    /// first MMSI, place in the list) are taken once and sorted, and the events are then moved once
    /// each, instead of being copied, with their reference counts, at every step of the sort.
    /// - Parameter events: any events; sorted in place.
    public static func sortByStartThenFirstMMSI(_ events: inout [Event]) { sortByKeys(&events, secondMMSI: false) }

    /// Sorts encounters (two MMSIs each) by start, first MMSI, then second MMSI, keeping the order
    /// in which equal ones were found; as ``sortByStartThenFirstMMSI(_:)`` does, by keys.
    /// - Parameter events: events of two vessels each; sorted in place.
    static func sortByStartThenBothMMSIs(_ events: inout [Event]) { sortByKeys(&events, secondMMSI: true) }

    private static func sortByKeys(_ events: inout [Event], secondMMSI: Bool) {
        guard events.count > 1 else { return }
        var keys = [(start: Int64, first: UInt32, second: UInt32, index: Int32)]()
        keys.reserveCapacity(events.count)
        var sorted = true
        for (i, e) in events.enumerated() {
            let key = (start: e.start.millisecondsSince1970, first: e.mmsi.first?.rawValue ?? 0,
                       second: secondMMSI && e.mmsi.count > 1 ? e.mmsi[1].rawValue : 0, index: Int32(i))
            if let last = keys.last, (key.start, key.first, key.second) < (last.start, last.first, last.second) { sorted = false }
            keys.append(key)
        }
        guard !sorted else { return }
        keys.sort { ($0.start, $0.first, $0.second, $0.index) < ($1.start, $1.first, $1.second, $1.index) }
        events = events.gathered(at: keys.map(\.index))
    }

    /// By start time, then by the MMSIs compared in order (events of several vessels).
    public static func startThenMMSIs(_ l: Event, _ r: Event) -> Bool {
        if l.start != r.start { return l.start < r.start }
        return l.mmsi.map(\.rawValue).lexicographicallyPrecedes(r.mmsi.map(\.rawValue))
    }
}
