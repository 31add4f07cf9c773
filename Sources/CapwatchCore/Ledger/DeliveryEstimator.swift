/// Finds suspected deliveries of petroleum to the DPRK in detected events and estimates their volume.
///
/// Definition (REGIME.md §4–§6):
/// 1. **Ship-to-ship.** An `encounter` or `dark_sts` event (``transferKinds``) counts when at least one party is DPRK-flagged (MMSI
///    MID 445, ``DeliveryParameters/dprkMID``) or listed (sanctions screening), and at least one party is
///    a tanker (AIS ship type 80–89 or a vessel register row) or no party's type is known. STS transfers
///    with DPRK-flagged vessels are banned by res. 2375 (2017) para 11 [R]. The volume is bounded by the
///    smaller known tank of the pair (a transfer cannot exceed what either vessel holds).
/// 2. **Port visit.** A `port_visit` event (matched by its raw kind string, so the estimator works
///    before and after that kind is added to ``Event/Kind``) counts when the vessel is a tanker and the
///    port is in the DPRK: an evidence field whose name contains `country` reads `KP`, `PRK`, `DPRK` or
///    `North Korea`, or the event lies within ``DeliveryParameters/portRadiusMetres`` of a port in
///    ``DeliveryParameters/dprkPorts``. This is how the US counted 89 port calls in January–May 2018.
/// 3. **Once per cargo.** A port visit by a vessel that had a counted STS encounter ending at most
///    ``DeliveryParameters/linkWindowDays`` before it is the same cargo: the port visit is the delivery
///    and the encounter is attached to it (``Delivery/linkedTransfer``), not counted again.
/// 4. **Volume.** Capacity from ``CapacityParameters`` (register deadweight, else AIS dimensions),
///    times each ``LadenScenario``; deliveries without a capacity are listed and counted apart.
///
/// Pure: events, identities, the register and the listed vessels arrive as parameters.
public struct DeliveryEstimator: Sendable {
    /// The detection parameters.
    public var parameters: DeliveryParameters
    /// The capacity assumptions.
    public var capacity: CapacityParameters

    /// - Parameters: see the properties.
    public init(parameters: DeliveryParameters = .standard, capacity: CapacityParameters = .standard) {
        self.parameters = parameters
        self.capacity = capacity
    }

    /// The raw kind of port-visit events.
    public static let portVisitKind = "port_visit"

    /// The raw kinds of events that are ship-to-ship transfers: `encounter` (both vessels on AIS) and
    /// `dark_sts` (one vessel dark, the other loitering nearby).
    public static let transferKinds: Set<String> = ["encounter", "dark_sts"]

    /// Whether ``deliveries(in:identities:register:listed:year:)`` can make a delivery of `event`
    /// (a transfer naming a DPRK-flagged or listed vessel, or a port visit at a DPRK port): the
    /// events it says no to can be left out of that call without changing its result. Lets a
    /// caller that reads events one at a time keep only these.
    public func mayDeliver(_ event: Event, listed: Set<MMSI> = []) -> Bool {
        if Self.transferKinds.contains(event.kind.rawValue) {
            return event.mmsi.contains { $0.mid == parameters.dprkMID || listed.contains($0) }
        }
        return event.kind.rawValue == Self.portVisitKind && !event.mmsi.isEmpty && dprkPort(of: event) != nil
    }

    /// The deliveries in `events`, by start time.
    /// - Parameters:
    ///   - events: detected events (any kinds; gaps and others are ignored).
    ///   - identities: the latest AIS identity of each vessel (ship type, dimensions, draught, IMO).
    ///   - register: vessel register rows by IMO number.
    ///   - listed: vessels on a sanctions list, by MMSI.
    ///   - year: keep deliveries starting in this calendar year (UTC); nil for all.
    public func deliveries(
        in events: [Event], identities: [MMSI: VesselIdentity] = [:], register: [IMONumber: RegisteredVessel] = [:],
        listed: Set<MMSI> = [], year: Int? = nil
    ) -> [Delivery] {
        func registered(_ m: MMSI) -> RegisteredVessel? { identities[m]?.imo.flatMap { register[$0] } }
        func tanker(_ m: MMSI) -> Bool? {
            if registered(m) != nil { return true }
            guard let type = identities[m]?.shipType else { return nil }
            return parameters.tankerShipTypes.contains(type)
        }
        func cap(_ m: MMSI) -> CargoCapacity? { capacity.capacity(register: registered(m), identity: identities[m]) }

        var transfers: [Delivery] = []
        var visits: [Delivery] = []
        for e in events {
            if Self.transferKinds.contains(e.kind.rawValue) {
                let suspects = e.mmsi.filter { $0.mid == parameters.dprkMID || listed.contains($0) }
                guard !suspects.isEmpty else { continue }
                let types = e.mmsi.map(tanker)
                guard types.contains(true) || types.allSatisfy({ $0 == nil }) else { continue }
                let known = e.mmsi.compactMap { m in cap(m).map { (m, $0) } }.min { $0.1.barrels < $1.1.barrels }
                let reason = suspects.map { $0.mid == parameters.dprkMID ? "DPRK-flagged \($0)" : "listed \($0)" }.joined(separator: ", ")
                transfers.append(
                    Delivery(
                        kind: .shipToShip, event: e, vessels: e.mmsi, carrier: known?.0 ?? suspects.first, reason: reason,
                        capacity: known?.1))
            } else if e.kind.rawValue == Self.portVisitKind, let vessel = e.mmsi.first {
                guard tanker(vessel) == true, let port = dprkPort(of: e) else { continue }
                visits.append(
                    Delivery(
                        kind: .portVisit, event: e, vessels: e.mmsi, carrier: vessel, reason: "tanker at DPRK port \(port)", port: port,
                        capacity: cap(vessel)))
            }
        }
        // Once per cargo: a port visit absorbs the carrier's latest STS encounter within the window before it.
        var consumed = Set<Int>()
        let window = parameters.linkWindowDays * 86_400
        for i in visits.indices.sorted(by: { visits[$0].start < visits[$1].start }) {
            let v = visits[i]
            let candidates = transfers.indices.filter { j in
                guard !consumed.contains(j), let vessel = v.carrier, transfers[j].vessels.contains(vessel) else { return false }
                let end = transfers[j].event.end ?? transfers[j].start
                return end <= v.start && end.seconds(to: v.start) <= window
            }
            if let j = candidates.max(by: { transfers[$0].start < transfers[$1].start }) {
                consumed.insert(j)
                visits[i].linkedTransfer = transfers[j].event
            }
        }
        let all = visits + transfers.indices.filter { !consumed.contains($0) }.map { transfers[$0] }
        return all.filter { year == nil || $0.start.components.year == year }.sorted { $0.start < $1.start }
    }

    /// The estimate for `deliveries` against the refined-products cap in force in `year` (or, without
    /// a year, in the year of the first delivery).
    /// - Parameters:
    ///   - deliveries: from ``deliveries(in:identities:register:listed:year:)``.
    ///   - year: the calendar year, or nil.
    ///   - schedule: the caps.
    public func estimate(_ deliveries: [Delivery], year: Int?, schedule: CapSchedule = .securityCouncil) -> DeliveryEstimate {
        let capYear = year ?? deliveries.map(\.start).min()?.components.year
        return DeliveryEstimate(
            year: year, deliveries: deliveries, scenarios: parameters.scenarios,
            cap: capYear.flatMap { schedule.cap(for: .refinedProducts, year: $0) })
    }

    /// The DPRK port a port-visit event is at, by its evidence or its position; nil when it is not in the DPRK.
    func dprkPort(of e: Event) -> String? {
        let name = e.evidence.first { $0.name == "port" || $0.name == "port_name" || $0.name == "nearest_port" }.flatMap { f -> String? in
            if case .string(let s) = f.value { return s }
            return nil
        }
        for f in e.evidence where f.name.contains("country") {
            if case .string(let s) = f.value, DPRKPorts.isDPRK(country: s) { return name ?? "(DPRK)" }
        }
        let nearest = parameters.dprkPorts.map { ($0, $0.position.distance(to: e.position)) }.min { $0.1 < $1.1 }
        guard let (port, d) = nearest, d <= parameters.portRadiusMetres else { return nil }
        return port.name
    }
}

/// The parameters of ``DeliveryEstimator``.
public struct DeliveryParameters: Hashable, Sendable {
    /// The Maritime Identification Digits of the DPRK (ITU): 445.
    public var dprkMID: Int
    /// AIS ship types counted as tankers (ITU-R M.1371-5 Table 53: 80–89).
    public var tankerShipTypes: ClosedRange<Int>
    /// DPRK ports (REGIME.md §6, city/port level).
    public var dprkPorts: [Port]
    /// How far from a listed DPRK port a port visit may lie, metres.
    public var portRadiusMetres: Double
    /// How long before a port visit an STS encounter of the same vessel is taken to be the same cargo, days.
    public var linkWindowDays: Double
    /// The laden scenarios.
    public var scenarios: [LadenScenario]

    /// - Parameters: see the properties.
    public init(
        dprkMID: Int = 445, tankerShipTypes: ClosedRange<Int> = 80...89, dprkPorts: [Port] = DPRKPorts.ports,
        portRadiusMetres: Double = 15_000, linkWindowDays: Double = 30, scenarios: [LadenScenario] = LadenScenario.unitedStatesJuly2018
    ) {
        self.dprkMID = dprkMID
        self.tankerShipTypes = tankerShipTypes
        self.dprkPorts = dprkPorts
        self.portRadiusMetres = portRadiusMetres
        self.linkWindowDays = linkWindowDays
        self.scenarios = scenarios
    }

    /// The defaults.
    public static let standard = DeliveryParameters()

}
