/// The committee's record: the log, and the proposals and actions it contains. Pure — a store loads
/// the entries, calls an operation, and appends the entry it returns in the same transaction.
///
/// The log is the only record: proposals and actions are read back from the entries' payloads, so
/// what is verified by the hash chain is exactly what the procedure evaluates.
public struct CommitteeDocket: Sendable {
    /// A proposal and the actions recorded on it, in log order.
    public struct Item: Sendable {
        /// The proposal as circulated.
        public var proposal: Proposal
        /// The actions, in the order recorded (which is time order).
        public var actions: [CommitteeAction]
        /// The log entries of this item.
        public var entries: [CommitteeLogEntry]
    }

    /// The procedure that validates and evaluates.
    public var procedure: NoObjectionProcedure
    /// The whole log, in sequence order.
    public private(set) var entries: [CommitteeLogEntry]
    /// Proposals by identifier.
    public private(set) var items: [String: Item] = [:]
    /// Proposal identifiers in circulation order (log order).
    public private(set) var order: [String] = []
    /// Secretary notices recorded, by identifier.
    public private(set) var notices: [String: CommitteeLogEntry] = [:]

    /// Reads `entries` back. The chain is not verified here (see ``CommitteeAuditLog``).
    /// - Throws: ``CommitteeError`` `malformedEntry` when an entry cannot be read.
    public init(entries: [CommitteeLogEntry], procedure: NoObjectionProcedure = NoObjectionProcedure()) throws {
        self.procedure = procedure
        self.entries = []
        for entry in entries { try ingest(entry) }
    }

    /// The next free identifier for a proposal circulated in `year`: `P2019-001`, `P2019-002`, ….
    public func nextProposalID(year: Int) -> String {
        let prefix = "P\(year)-"
        let used = order.filter { $0.hasPrefix(prefix) }.compactMap { Int($0.dropFirst(prefix.count)) }
        return prefix + committeeZeroPad((used.max() ?? 0) + 1, 3)
    }

    /// Records the circulation of `proposal`.
    /// - Returns: the new log entry (already part of ``entries``).
    /// - Throws: ``CommitteeError`` `duplicateProposal`, `notAMember`, `unknownYear`.
    @discardableResult
    public mutating func propose(_ proposal: Proposal) throws -> CommitteeLogEntry {
        guard items[proposal.id] == nil, notices[proposal.id] == nil else {
            throw CommitteeError(.duplicateProposal, state: proposal.proposer, proposalID: proposal.id, deadline: proposal.deadline,
                                 detail: "a proposal with this identifier is already recorded")
        }
        try procedure.validate(proposal)
        let entry = makeEntry(proposalID: proposal.id, at: proposal.circulatedAt, kind: .proposed, actor: proposal.proposer,
                              payload: CommitteeDocket.payload(of: proposal))
        try ingest(entry)
        return entry
    }

    /// Records `action` on proposal `proposalID` after checking it under the procedure.
    /// - Returns: the new log entry.
    /// - Throws: ``CommitteeError``: `unknownProposal`, or why the procedure refuses the action.
    @discardableResult
    public mutating func record(_ action: CommitteeAction, on proposalID: String) throws -> CommitteeLogEntry {
        guard let item = items[proposalID] else {
            throw CommitteeError(.unknownProposal, state: action.state, proposalID: proposalID, detail: "no proposal \(proposalID) is recorded")
        }
        try procedure.validate(action, on: item.proposal, after: item.actions)
        var payload = LogPayload()
        if let reason = action.reason { payload.append("reason", reason) }
        if let newDeadline = action.newDeadline { payload.append("new_deadline", String(newDeadline.millisecondsSince1970)) }
        let entry = makeEntry(proposalID: proposalID, at: action.at, kind: CommitteeLogEntry.Kind(rawValue: action.kind.rawValue)!,
                              actor: action.state, payload: payload.text)
        try ingest(entry)
        return entry
    }

    /// Records a Secretary's threshold notice to all states (the cap ledger's hook).
    /// - Returns: the new entry, or nil when a notice for that year and threshold is already recorded.
    @discardableResult
    public mutating func recordNotice(_ notice: SecretaryNotice) throws -> CommitteeLogEntry? {
        guard notices[notice.id] == nil else { return nil }
        var payload = LogPayload()
        payload.append("year", String(notice.year))
        payload.append("threshold", String(notice.threshold))
        payload.append("text", notice.text)
        if let reference = notice.ledgerReference { payload.append("ledger_ref", reference) }
        let entry = makeEntry(proposalID: notice.id, at: notice.date, kind: .secretaryNotice, actor: nil, payload: payload.text)
        try ingest(entry)
        return entry
    }

    /// The status of `proposalID` at `instant`.
    /// - Throws: ``CommitteeError`` `unknownProposal`.
    public func status(of proposalID: String, at instant: Timestamp) throws -> ProposalStatus {
        guard let item = items[proposalID] else {
            throw CommitteeError(.unknownProposal, proposalID: proposalID, detail: "no proposal \(proposalID) is recorded")
        }
        return try procedure.status(of: item.proposal, actions: item.actions, at: instant)
    }

    private func makeEntry(proposalID: String, at: Timestamp, kind: CommitteeLogEntry.Kind, actor: StateCode?, payload: String) -> CommitteeLogEntry {
        CommitteeLogEntry(sequence: entries.count + 1, proposalID: proposalID, at: at, kind: kind, actor: actor, payload: payload,
                          previousHash: entries.last?.hash ?? CommitteeLogEntry.genesisHash)
    }

    private mutating func ingest(_ entry: CommitteeLogEntry) throws {
        func malformed(_ detail: String) -> CommitteeError {
            CommitteeError(.malformedEntry, state: entry.actor, proposalID: entry.proposalID, detail: "log entry \(entry.sequence): \(detail)")
        }
        guard let payload = LogPayload(text: entry.payload) else { throw malformed("the payload is not key=value lines") }
        switch entry.kind {
        case .proposed:
            guard let proposal = CommitteeDocket.proposal(id: entry.proposalID, at: entry.at, actor: entry.actor, payload: payload) else {
                throw malformed("the proposal cannot be read")
            }
            items[proposal.id] = Item(proposal: proposal, actions: [], entries: [entry])
            order.append(proposal.id)
        case .secretaryNotice:
            notices[entry.proposalID] = entry
        default:
            guard let kind = entry.kind.action, let actor = entry.actor, items[entry.proposalID] != nil else {
                throw malformed("an action without an actor or a proposal")
            }
            let newDeadline = payload.value("new_deadline").flatMap(Int64.init).map(Timestamp.init(millisecondsSince1970:))
            let action = CommitteeAction(kind, by: actor, at: entry.at, reason: payload.value("reason"), newDeadline: newDeadline)
            items[entry.proposalID]!.actions.append(action)
            items[entry.proposalID]!.entries.append(entry)
        }
        entries.append(entry)
    }

    /// The payload of a `proposed` entry.
    static func payload(of p: Proposal) -> String {
        var payload = LogPayload()
        payload.append("kind", p.kind.rawValue)
        payload.append("text", p.text)
        for s in p.coSponsors { payload.append("co_sponsor", s.rawValue) }
        for e in p.evidence.eventIDs { payload.append("event", e) }
        for i in p.evidence.imoNumbers { payload.append("imo", String(i.rawValue)) }
        for m in p.evidence.mmsis { payload.append("mmsi", String(m.rawValue)) }
        for r in p.evidence.ledgerReferences { payload.append("ledger_ref", r) }
        payload.append("deadline", String(p.deadline.millisecondsSince1970))
        switch p.deadlineRule {
        case .explicit:
            payload.append("deadline_rule", "explicit")
        case .workingDays(let count, let time, let holidays):
            payload.append("deadline_rule", "working_days")
            payload.append("working_days", String(count))
            payload.append("deadline_time", time.description)
            for h in holidays { payload.append("holiday", h.description) }
        }
        payload.append("deadline_rule_text", p.deadlineRule.description)
        return payload.text
    }

    static func proposal(id: String, at: Timestamp, actor: StateCode?, payload: LogPayload) -> Proposal? {
        guard let proposer = actor, let kind = payload.value("kind").flatMap(Proposal.Kind.init(rawValue:)), let text = payload.value("text"),
            let deadlineMs = payload.value("deadline").flatMap(Int64.init)
        else { return nil }
        let deadline = Timestamp(millisecondsSince1970: deadlineMs)
        let rule: DeadlineRule
        switch payload.value("deadline_rule") {
        case "explicit":
            rule = .explicit(deadline)
        case "working_days":
            guard let count = payload.value("working_days").flatMap(Int.init), let time = payload.value("deadline_time").flatMap(TimeOfDay.init(parsing:))
            else { return nil }
            let holidays = payload.values("holiday").compactMap(CalendarDate.init(parsing:))
            rule = .workingDays(count: count, time: time, holidays: holidays)
        default:
            return nil
        }
        let evidence = ProposalEvidence(
            eventIDs: payload.values("event"), imoNumbers: payload.values("imo").compactMap { Int($0).flatMap(IMONumber.init(rawValue:)) },
            mmsis: payload.values("mmsi").compactMap { UInt32($0).flatMap(MMSI.init(rawValue:)) }, ledgerReferences: payload.values("ledger_ref"))
        guard var proposal = try? Proposal(id: id, kind: kind, text: text, proposer: proposer, coSponsors: payload.values("co_sponsor").compactMap(StateCode.init(rawValue:)),
                                           evidence: evidence, circulatedAt: at, deadlineRule: rule)
        else { return nil }
        // The stored deadline is authoritative (a rule recomputed under different code must not move it).
        proposal.deadline = deadline
        return proposal
    }
}
