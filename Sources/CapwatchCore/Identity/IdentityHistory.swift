/// A vessel's identity over time: each distinct ``VesselIdentity`` it presented, with the time it
/// was first seen, oldest first.
///
/// Built by folding static reports in time order with ``VesselIdentity/updated(with:)``: a new
/// version starts whenever a report changes any field (name, call sign, IMO, ship type,
/// dimensions or draught). A vessel that goes back to an earlier name gets a new version, so
/// flip-flopping identities stay visible.
public struct IdentityHistory: Hashable, Sendable {
    /// One identity and when it was first seen.
    public struct Version: Hashable, Sendable {
        /// The first report time (UTC) at which the vessel presented this identity.
        public var since: Timestamp
        /// The identity, accumulated from all reports up to that time.
        public var identity: VesselIdentity

        /// - Parameters: see the properties.
        public init(since: Timestamp, identity: VesselIdentity) {
            self.since = since
            self.identity = identity
        }
    }

    /// The versions, oldest first; empty when the vessel sent no static data.
    public private(set) var versions: [Version]

    /// An empty history.
    public init() { versions = [] }

    /// Folds reports in time order (they are sorted here, ties kept in the given order).
    /// - Parameter reports: static reports of one vessel, any order.
    public init(reports: some Sequence<StaticReport>) {
        self.init(reports: Array(reports))
    }

    /// Folds reports in time order (they are sorted here, ties kept in the given order; reports
    /// already in time order, the common case, are taken as they are).
    /// - Parameter reports: static reports of one vessel, any order.
    public init(reports: [StaticReport]) {
        self.init()
        var inOrder = true
        for i in reports.indices.dropFirst() where reports[i].time < reports[i - 1].time {
            inOrder = false
            break
        }
        if inOrder {
            for r in reports { record(r) }
        } else {
            for i in reports.indices.sorted(by: { (reports[$0].time, $0) < (reports[$1].time, $1) }) { record(reports[i]) }
        }
    }

    /// The latest identity, or nil when nothing is known.
    public var current: VesselIdentity? { versions.last?.identity }

    /// Adds a report that is not older than the last one recorded. Starts a new version when it
    /// changes any field; an empty report changes nothing.
    /// - Parameter report: a static report of this vessel.
    public mutating func record(_ report: StaticReport) {
        let incoming = VesselIdentity(report)
        guard !incoming.isEmpty else { return }
        let merged = (current ?? VesselIdentity()).updated(with: incoming)
        if merged != current { versions.append(Version(since: report.time, identity: merged)) }
    }

    /// The identity in force at `time`: the last version first seen at or before it; nil before
    /// the first.
    public func identity(at time: Timestamp) -> VesselIdentity? {
        var lo = 0
        var hi = versions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if versions[mid].since <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : versions[lo - 1].identity
    }
}
