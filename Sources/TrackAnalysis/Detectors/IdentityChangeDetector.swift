import CapwatchCore

/// Finds identity manipulation: "manipulating AIS (false name, 7-digit IMO number, MMSI)" and
/// "false flags and flag hopping" of the US advisories (REGIME.md §5 items 1 and 6).
///
/// Checks, each emitting events with a `check` evidence field naming it:
/// - `name_change`, `call_sign_change`, `imo_change`: one MMSI presenting a new name, call sign or
///   IMO number (from the ``IdentityHistory`` versions: a field that goes from one known value to
///   another; learning a value for the first time is not a change). Names are compared after
///   upper-casing and collapsing blanks when ``IdentityParameters/normaliseNames`` is on.
///   Evidence `field`, `from`, `to`, `changed_time`; the position is the vessel's kept position
///   nearest before the change.
/// - `imo_shared`: one IMO number presented by several MMSIs (an IMO number identifies one hull for
///   life, IMO resolution A.1117(30); several MMSIs on it mean re-flagging, a cloned identity or a
///   typing error). One event whose `mmsi` lists them all; evidence `imo`, `mmsi_count`, `mmsis`,
///   `names`.
/// - `imo_check_digit`: an IMO number whose check digit fails (``IMONumber/isValid``; also numbers
///   of fewer than seven digits). Evidence `imo`.
/// - `unallocated_mid`: a ship MMSI whose MID is not allocated by the ITU
///   (``MaritimeIdentificationDigits``): no flag state issued it. Evidence `mid`.
/// - `not_a_ship_mmsi`: an MMSI that is not a ship station's by ITU-R M.585 (coast station, group,
///   SAR aircraft, aid to navigation, or no valid form: ``MMSI/kind``) sending vessel position
///   reports. Evidence `mmsi_kind`, `positions`. Auxiliary craft (98…), hand-helds (8…) and
///   distress devices (97…, e.g. AIS-SART, which legitimately send position reports) are accepted.
///
/// `start`/`end` span the observations behind each finding (the first and last time the identity
/// was seen, or the change instant for a change).
public struct IdentityChangeDetector: Sendable {
    /// The options, stored with every event.
    public var parameters: IdentityParameters

    /// - Parameter parameters: options; see ``IdentityParameters``.
    public init(parameters: IdentityParameters = IdentityParameters()) { self.parameters = parameters }

    /// Identity findings over all tracks, sorted by start time then MMSI.
    /// - Parameter tracks: tracks from ``TrackBuilder`` (one per MMSI).
    public func detect(in tracks: [Track]) -> [Event] {
        var events: [Event] = []
        var holders: [IMOHolder] = []
        for t in tracks {
            events += detect(in: t)
            holders += imoHolders(in: t)
        }
        events += sharedIMOEvents(holders)
        events.sort(by: EventOrder.startThenMMSIs)
        return events
    }

    /// The IMO numbers `track` reported, one ``IMOHolder`` per number (the first version that
    /// carried it, with the first name reported with it): the input of ``sharedIMOEvents(_:)``.
    public func imoHolders(in track: Track) -> [IMOHolder] {
        var holders: [IMOHolder] = []
        for v in track.identity.versions {
            guard let imo = v.identity.imo else { continue }
            if let i = holders.firstIndex(where: { $0.imo == imo }) {
                if holders[i].name == nil { holders[i].name = v.identity.name }
            } else {
                let position = track.keptIndex(near: v.since).map { track.position(at: $0) } ?? GeoPoint(latitude: 0, longitude: 0)
                holders.append(IMOHolder(mmsi: track.mmsi, imo: imo, name: v.identity.name, since: v.since, position: position))
            }
        }
        return holders
    }

    /// One `imo_shared` event for every IMO number reported by two MMSIs or more.
    /// - Parameter holders: ``imoHolders(in:)`` of every track, tracks in MMSI order.
    /// - Returns: the events by IMO number (``detect(in:)-([Track])`` then sorts them stably by
    ///   start and MMSIs, so two events that tie there stay in IMO order: the same bytes on every
    ///   run, which the order of a dictionary would not give).
    public func sharedIMOEvents(_ holders: [IMOHolder]) -> [Event] {
        var byIMO: [IMONumber: [IMOHolder]] = [:]
        for h in holders { byIMO[h.imo, default: []].append(h) }
        var events: [Event] = []
        let fields = parameters.eventFields
        for imo in byIMO.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let holders = byIMO[imo], holders.count >= 2 else { continue }
            let sorted = holders.sorted { $0.mmsi < $1.mmsi }
            let first = holders.min { $0.since < $1.since }!
            let last = holders.max { $0.since < $1.since }!
            let evidence: EventFields = [
                "check": "imo_shared", "imo": .integer(imo.rawValue), "mmsi_count": .integer(sorted.count),
                "mmsis": .string(sorted.map { String($0.mmsi.rawValue) }.joined(separator: " ")),
                "names": .string(sorted.map { $0.name ?? "?" }.joined(separator: " | ")),
            ]
            events.append(Event(kind: .identityChange, mmsi: sorted.map(\.mmsi), start: first.since, end: last.since, position: first.position,
                                parameters: fields, evidence: evidence))
        }
        return events
    }

    /// The findings about one vessel alone (every check except `imo_shared`), in time order.
    /// - Parameter track: one vessel's track.
    public func detect(in track: Track) -> [Event] {
        let fields = parameters.eventFields
        var events: [Event] = []
        let span = track.timeSpan
        func where_(_ time: Timestamp) -> GeoPoint {
            track.keptIndex(near: time).map { track.position(at: $0) } ?? GeoPoint(latitude: 0, longitude: 0)
        }
        // MMSI form and MID.
        let kind = track.mmsi.kind
        if let span, !track.isEmpty {
            switch kind {
            case .coastStation, .group, .sarAircraft, .aidToNavigation, .invalid:
                events.append(Event(kind: .identityChange, mmsi: [track.mmsi], start: span.first, end: span.last, position: where_(span.first),
                                    parameters: fields,
                                    evidence: ["check": "not_a_ship_mmsi", "mmsi_kind": .string(kind.rawValue), "positions": .integer(track.count)]))
            case .ship:
                if let mid = track.mmsi.mid, !MaritimeIdentificationDigits.isAllocated(mid) {
                    events.append(Event(kind: .identityChange, mmsi: [track.mmsi], start: span.first, end: span.last,
                                        position: where_(span.first), parameters: fields,
                                        evidence: ["check": "unallocated_mid", "mid": .integer(mid), "positions": .integer(track.count)]))
                }
            default: break
            }
        }
        // Changes between versions, and failed check digits.
        var name: String?
        var callSign: String?
        var imo: IMONumber?
        var badIMOs: [IMONumber: (first: Timestamp, last: Timestamp)] = [:]
        let versions = track.identity.versions
        for (k, v) in versions.enumerated() {
            let id = v.identity
            func change(_ check: String, _ field: String, _ from: String, _ to: String) {
                events.append(Event(kind: .identityChange, mmsi: [track.mmsi], start: v.since, end: v.since, position: where_(v.since),
                                    parameters: fields,
                                    evidence: ["check": .string(check), "field": .string(field), "from": .string(from), "to": .string(to),
                                               "changed_time": .time(v.since)]))
            }
            if let n = id.name {
                if let old = name, normalised(old) != normalised(n) { change("name_change", "name", old, n) }
                name = n
            }
            if let c = id.callSign {
                if let old = callSign, normalised(old) != normalised(c) { change("call_sign_change", "call_sign", old, c) }
                callSign = c
            }
            if let i = id.imo {
                if let old = imo, old != i { change("imo_change", "imo", String(old.rawValue), String(i.rawValue)) }
                imo = i
                if !i.isValid {
                    let until = k + 1 < versions.count ? versions[k + 1].since : (span?.last ?? v.since)
                    let seen = badIMOs[i]
                    badIMOs[i] = (seen?.first ?? v.since, max(seen?.last ?? until, until))
                }
            }
        }
        for (i, seen) in badIMOs.sorted(by: { $0.value.first < $1.value.first }) {
            events.append(Event(kind: .identityChange, mmsi: [track.mmsi], start: seen.first, end: seen.last, position: where_(seen.first),
                                parameters: fields, evidence: ["check": "imo_check_digit", "imo": .integer(i.rawValue)]))
        }
        events.sort { $0.start < $1.start }
        return events
    }

    private func normalised(_ s: String) -> String {
        guard parameters.normaliseNames else { return s }
        return s.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// Options of ``IdentityChangeDetector``; every event stores them.
public struct IdentityParameters: Hashable, Sendable {
    /// Compare names and call signs upper-cased with blanks collapsed, so `Nemuna` and `NEMUNA  `
    /// are one name (default true: case and padding differ between transponders and exports).
    public var normaliseNames: Bool

    /// - Parameter normaliseNames: see the property.
    public init(normaliseNames: Bool = true) { self.normaliseNames = normaliseNames }

    /// The options as stored with each event: `normalise_names`, `mid_table`.
    public var eventFields: EventFields {
        ["normalise_names": .boolean(normaliseNames), "mid_table": .string("ITU MID table, RR Appendix 43 (\(MaritimeIdentificationDigits.allocated.count) MIDs)")]
    }
}

/// An IMO number one vessel reported: the input of the `imo_shared` check, which needs every
/// vessel's numbers at once (``IdentityChangeDetector/sharedIMOEvents(_:)``).
public struct IMOHolder: Sendable {
    /// The vessel.
    public var mmsi: MMSI
    /// The IMO number it reported.
    public var imo: IMONumber
    /// The first name it reported with that number, nil when none.
    public var name: String?
    /// When it first reported the number.
    public var since: Timestamp
    /// Its kept position nearest that time; (0, 0) when the track has none.
    public var position: GeoPoint
}
