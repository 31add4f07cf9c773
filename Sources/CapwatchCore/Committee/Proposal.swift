/// An item put to the 1718 Committee under the no-objection procedure: what it asks, who proposes
/// and co-sponsors it, the evidence it cites, when it was circulated and when silence becomes consent.
public struct Proposal: Hashable, Sendable {
    /// What a proposal asks the Committee to do. The raw value is stored in the log.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// Determine that the year's cap has been breached (and usually order a halt): the US requests
        /// of July 2018 and June 2019 (REGIME.md §4).
        case breachDetermination = "breach_determination"
        /// Designate a vessel (asset freeze, port-entry ban, deregistration).
        case designateVessel = "designate_vessel"
        /// Designate an entity.
        case designateEntity = "designate_entity"
        /// Designate an individual.
        case designatePerson = "designate_person"
        /// Remove a designation.
        case delisting
        /// Grant an exemption (e.g. humanitarian).
        case exemption
        /// Send a notice to all Member States (e.g. to cease supplies, or enhanced vigilance).
        case noticeToAllStates = "notice_to_all_states"
    }

    /// The Committee's identifier for the item (assigned by the store: `P2019-001`).
    public var id: String
    /// What is asked.
    public var kind: Kind
    /// The text circulated.
    public var text: String
    /// The state that submits it; must sit on the Committee in the year of circulation.
    public var proposer: StateCode
    /// Co-sponsoring states; any state, member or not (June 2019: the US and 25 others).
    public var coSponsors: [StateCode]
    /// The evidence the proposal cites.
    public var evidence: ProposalEvidence
    /// When it was circulated.
    public var circulatedAt: Timestamp
    /// How the deadline was set.
    public var deadlineRule: DeadlineRule
    /// The original no-objection deadline (the Chair may extend it).
    public var deadline: Timestamp

    /// Builds a proposal, computing its deadline from `deadlineRule`.
    /// - Throws: ``CommitteeError`` `invalidDeadline` when the rule gives no deadline or one not after circulation.
    public init(id: String, kind: Kind, text: String, proposer: StateCode, coSponsors: [StateCode] = [],
                evidence: ProposalEvidence = ProposalEvidence(), circulatedAt: Timestamp, deadlineRule: DeadlineRule) throws {
        guard let deadline = deadlineRule.deadline(circulatedAt: circulatedAt), deadline > circulatedAt else {
            throw CommitteeError(.invalidDeadline, state: proposer, proposalID: id, deadline: deadlineRule.deadline(circulatedAt: circulatedAt),
                                 detail: "the deadline (\(deadlineRule)) is not after circulation at \(NewYorkTime.format(circulatedAt))")
        }
        self.id = id
        self.kind = kind
        self.text = text
        self.proposer = proposer
        var seen = Set<StateCode>([proposer])
        self.coSponsors = coSponsors.filter { seen.insert($0).inserted }
        self.evidence = evidence
        self.circulatedAt = circulatedAt
        self.deadlineRule = deadlineRule
        self.deadline = deadline
    }
}

/// What a proposal cites: detected event ids, vessels, and references to the cap ledger's status.
/// All optional; kept in the order given.
public struct ProposalEvidence: Hashable, Sendable {
    /// Event identifiers (from `capwatch analyze` output or the store).
    public var eventIDs: [String]
    /// Vessels by IMO number.
    public var imoNumbers: [IMONumber]
    /// Vessels by MMSI.
    public var mmsis: [MMSI]
    /// References to ledger status (e.g. `ledger:2019:refined:as-of:2019-05-31`).
    public var ledgerReferences: [String]

    /// - Parameters: see the properties.
    public init(eventIDs: [String] = [], imoNumbers: [IMONumber] = [], mmsis: [MMSI] = [], ledgerReferences: [String] = []) {
        self.eventIDs = eventIDs
        self.imoNumbers = imoNumbers
        self.mmsis = mmsis
        self.ledgerReferences = ledgerReferences
    }

    /// True when nothing is cited.
    public var isEmpty: Bool { eventIDs.isEmpty && imoNumbers.isEmpty && mmsis.isEmpty && ledgerReferences.isEmpty }
}
