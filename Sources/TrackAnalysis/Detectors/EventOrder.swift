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
    public static func sortByStartThenFirstMMSI(_ events: inout [Event]) {
        guard events.count > 1 else { return }
        var keys = [(start: Int64, mmsi: UInt32, index: Int32)]()
        keys.reserveCapacity(events.count)
        var sorted = true
        for (i, e) in events.enumerated() {
            let key = (start: e.start.millisecondsSince1970, mmsi: e.mmsi.first?.rawValue ?? 0, index: Int32(i))
            if let last = keys.last, (key.start, key.mmsi) < (last.start, last.mmsi) { sorted = false }
            keys.append(key)
        }
        guard !sorted else { return }
        keys.sort { ($0.start, $0.mmsi, $0.index) < ($1.start, $1.mmsi, $1.index) }
        events = events.gathered(at: keys.map(\.index))
    }

    /// By start time, then by the MMSIs compared in order (events of several vessels).
    public static func startThenMMSIs(_ l: Event, _ r: Event) -> Bool {
        if l.start != r.start { return l.start < r.start }
        return l.mmsi.map(\.rawValue).lexicographicallyPrecedes(r.mmsi.map(\.rawValue))
    }
}
