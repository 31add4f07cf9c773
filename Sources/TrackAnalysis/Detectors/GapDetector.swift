import CapwatchCore

/// Finds AIS gaps: a vessel silent for at least ``GapParameters/thresholdHours`` between two of its
/// kept positions, or from its last position to the end of the data (an open gap).
///
/// Definition (after Global Fishing Watch's gap detector, `pipe_gaps/core/gap_detector.py` in
/// github.com/GlobalFishingWatch/pipe-gaps, default threshold 12 hours; and Welch et al., "Hot
/// spots of unseen fishing vessels", Science Advances 8, 2022, which uses 12-hour gaps):
/// - positions are taken in time order, outliers excluded;
/// - a closed gap spans two consecutive positions whose interval is ≥ the threshold (GFW keeps
///   intervals strictly greater; the difference only matters for intervals of exactly 12 h);
/// - an open gap runs from a vessel's last position to `dataEnd` (the end of the observed
///   period, passed in by the caller, as GFW evaluates against the end of the processed day)
///   when that interval is ≥ the threshold; its `end` is nil.
///
/// Evidence (units in the names): `off_time`, `off_lat`, `off_lon` (last position before the
/// gap), `on_time`, `on_lat`, `on_lon` (first position after; absent when open), `gap_h`,
/// `distance_km` (great-circle, haversine) and `implied_speed_kn` (distance over duration; both
/// absent when open). The event's position is the last position before the gap.
///
/// A gap alone is not evidence of wrongdoing (reception is patchy far from shore); it is one
/// indicator to combine with location and behaviour.
public struct GapDetector: Sendable {
    /// The detector's parameters, stored with every event.
    public var parameters: GapParameters

    /// - Parameter parameters: thresholds; defaults to GFW's 12 hours.
    public init(parameters: GapParameters = GapParameters()) { self.parameters = parameters }

    /// Gaps of all tracks, sorted by start time then MMSI.
    /// - Parameters:
    ///   - tracks: tracks from ``TrackBuilder``.
    ///   - dataEnd: the end of the observed period (UTC); nil to report closed gaps only.
    public func detect(in tracks: [Track], dataEnd: Timestamp?) -> [Event] {
        var events: [Event] = []
        // The parameters' fields are made once, not once per track.
        let parameterFields = parameters.eventFields
        // By index: `for t in tracks` copies each track, retaining and releasing its arrays.
        for i in tracks.indices { events += detect(in: tracks[i], dataEnd: dataEnd, parameterFields: parameterFields) }
        EventOrder.sortByStartThenFirstMMSI(&events)
        return events
    }

    /// Gaps of one track, in time order.
    /// - Parameters:
    ///   - track: one vessel's track.
    ///   - dataEnd: the end of the observed period (UTC); nil to report closed gaps only.
    public func detect(in track: Track, dataEnd: Timestamp?) -> [Event] {
        detect(in: track, dataEnd: dataEnd, parameterFields: parameters.eventFields)
    }

    /// Gaps of one track, each with `parameterFields` (``GapParameters/eventFields``) as its parameters.
    private func detect(in track: Track, dataEnd: Timestamp?, parameterFields: EventFields) -> [Event] {
        let thresholdMs = Int64((parameters.thresholdHours * 3_600_000).rounded())
        var events: [Event] = []
        var previous = -1
        for i in track.indices where !track.isOutlier(at: i) {
            defer { previous = i }
            guard previous >= 0, track.times[i] - track.times[previous] >= thresholdMs else { continue }
            let off = track.position(at: previous)
            let on = track.position(at: i)
            let hours = Double(track.times[i] - track.times[previous]) / 3_600_000
            let km = off.distance(to: on) / 1000
            let evidence: EventFields = [
                "off_time": .time(Timestamp(millisecondsSince1970: track.times[previous])), "off_lat": .number(off.latitude),
                "off_lon": .number(off.longitude), "on_time": .time(Timestamp(millisecondsSince1970: track.times[i])),
                "on_lat": .number(on.latitude), "on_lon": .number(on.longitude), "gap_h": .number(hours), "distance_km": .number(km),
                "implied_speed_kn": .number(km * 1000 / metresPerNauticalMile / hours),
            ]
            events.append(Event(kind: .gap, mmsi: [track.mmsi], start: Timestamp(millisecondsSince1970: track.times[previous]),
                                end: Timestamp(millisecondsSince1970: track.times[i]), position: off, parameters: parameterFields,
                                evidence: evidence))
        }
        if let dataEnd, previous >= 0, dataEnd.millisecondsSince1970 - track.times[previous] >= thresholdMs {
            let off = track.position(at: previous)
            let evidence: EventFields = [
                "off_time": .time(Timestamp(millisecondsSince1970: track.times[previous])), "off_lat": .number(off.latitude),
                "off_lon": .number(off.longitude),
                "gap_h": .number(Double(dataEnd.millisecondsSince1970 - track.times[previous]) / 3_600_000),
            ]
            events.append(Event(kind: .gap, mmsi: [track.mmsi], start: Timestamp(millisecondsSince1970: track.times[previous]), end: nil,
                                position: off, parameters: parameterFields, evidence: evidence))
        }
        return events
    }
}

/// Parameters of ``GapDetector``.
public struct GapParameters: Hashable, Sendable {
    /// Minimum silence in hours, `> 0`. Default 12 h, Global Fishing Watch's gap threshold.
    public var thresholdHours: Double

    /// - Parameter thresholdHours: minimum silence in hours.
    public init(thresholdHours: Double = 12) { self.thresholdHours = thresholdHours }

    /// The parameters as stored with each event: `threshold_h`.
    public var eventFields: EventFields { ["threshold_h": .number(thresholdHours)] }
}
