/// A suspected delivery of petroleum to the DPRK found in detected events, with the capacity that
/// bounds its volume.
public struct Delivery: Hashable, Sendable {
    /// How the delivery was seen.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A ship-to-ship encounter with a DPRK-flagged (MID 445) or listed party.
        case shipToShip = "sts"
        /// A tanker's visit to a DPRK port.
        case portVisit = "port_visit"
    }

    /// How it was seen.
    public var kind: Kind
    /// The event it comes from.
    public var event: Event
    /// The vessels involved.
    public var vessels: [MMSI]
    /// The vessel whose capacity bounds the volume (for an STS the smaller known tank; for a port visit the visitor).
    public var carrier: MMSI?
    /// Why the event counts ("DPRK-flagged 445123000", "listed 412000001", "port Nampo 3.2 km").
    public var reason: String
    /// The DPRK port, for a port visit.
    public var port: String?
    /// An STS encounter of the carrier that this port visit is taken to complete (the same cargo, counted once).
    public var linkedTransfer: Event?
    /// The capacity; nil when neither the register nor AIS dimensions give one.
    public var capacity: CargoCapacity?

    /// - Parameters: see the properties.
    public init(
        kind: Kind, event: Event, vessels: [MMSI], carrier: MMSI?, reason: String, port: String? = nil, linkedTransfer: Event? = nil,
        capacity: CargoCapacity?
    ) {
        self.kind = kind
        self.event = event
        self.vessels = vessels
        self.carrier = carrier
        self.reason = reason
        self.port = port
        self.linkedTransfer = linkedTransfer
        self.capacity = capacity
    }

    /// When the delivery started.
    public var start: Timestamp { event.start }
}

/// The illicit-volume estimate: deliveries, the volume in each laden scenario, and how many times the
/// cap that is.
public struct DeliveryEstimate: Sendable {
    /// One scenario's result.
    public struct ScenarioVolume: Hashable, Sendable {
        /// The scenario.
        public var scenario: LadenScenario
        /// The estimated volume: the sum of known capacities × the laden fraction.
        public var volume: Barrels
        /// `volume / cap`, e.g. 1.52 for "1.5 × the cap"; nil without a cap.
        public var timesCap: Double?
    }

    /// The calendar year, nil for all the data.
    public var year: Int?
    /// The deliveries, by start time.
    public var deliveries: [Delivery]
    /// The sum of the known capacities.
    public var totalCapacity: Barrels
    /// Deliveries whose capacity is unknown (not in the volumes: the estimate is a lower bound for them).
    public var unknownCapacity: Int
    /// One volume per scenario, in the scenarios' order.
    public var scenarios: [ScenarioVolume]
    /// The cap the volumes are compared with (refined products, res. 2397 (2017) para 5); nil when none applies.
    public var cap: PetroleumCap?

    /// Sums the deliveries' capacities and applies each scenario.
    /// - Parameters:
    ///   - year: the calendar year the deliveries belong to, or nil.
    ///   - deliveries: the deliveries.
    ///   - scenarios: the laden scenarios; the July 2018 US ones by default.
    ///   - cap: the cap to compare with; nil for none.
    public init(year: Int?, deliveries: [Delivery], scenarios: [LadenScenario] = LadenScenario.unitedStatesJuly2018, cap: PetroleumCap?) {
        self.year = year
        self.deliveries = deliveries.sorted { ($0.start, $0.vessels.first?.rawValue ?? 0) < ($1.start, $1.vessels.first?.rawValue ?? 0) }
        let total = deliveries.compactMap(\.capacity?.barrels).reduce(Barrels.zero, +)
        self.totalCapacity = total
        self.unknownCapacity = deliveries.filter { $0.capacity == nil }.count
        self.cap = cap
        self.scenarios = scenarios.map { s in
            let v = total.scaled(by: s.fraction)
            return ScenarioVolume(scenario: s, volume: v, timesCap: cap.flatMap { $0.limit.value > 0 ? v.value / $0.limit.value : nil })
        }
    }

    /// The volume of the scenario named `name`, or nil.
    public func volume(_ name: String) -> Barrels? { scenarios.first { $0.scenario.name == name }?.volume }
}
