/// Where a proposal stands at an instant.
public struct ProposalStatus: Hashable, Sendable {
    /// The procedure's phases.
    public enum Outcome: String, Hashable, Sendable {
        /// Circulated, deadline not yet passed.
        case pending
        /// Adopted: the deadline passed with no objection and no hold, or every hold was then lifted.
        case adopted
        /// Blocked: an objection stood at the deadline.
        case blocked
        /// A hold stood at the deadline (and no objection); waiting for it to be lifted.
        case onHold = "on_hold"
        /// The Chair took the matter to the Security Council.
        case referredToCouncil = "referred_to_council"

        /// Whether the procedure is over.
        public var isFinal: Bool { self == .adopted || self == .blocked || self == .referredToCouncil }
    }

    /// The phase.
    public var outcome: Outcome
    /// The deadline in force (the original, or the Chair's latest extension).
    public var deadline: Timestamp
    /// When the phase began: the deadline for adopted/blocked/on hold at the deadline, the last lift
    /// for an adoption after a hold, the referral; nil while pending.
    public var since: Timestamp?
    /// Standing objections, in the order made.
    public var objections: [CommitteeAction]
    /// Standing holds, in the order placed.
    public var holds: [CommitteeAction]
    /// Extension requests recorded.
    public var extensionRequests: [CommitteeAction]
    /// Holds that lapsed under the unconfirmed ``NoObjectionProcedure/Settings/holdLapse`` setting.
    public var lapsedHolds: [CommitteeAction]
}

/// The running state of one proposal under the procedure (used by ``NoObjectionProcedure``).
public struct ProposalState: Sendable {
    /// The proposal.
    public let proposal: Proposal
    let settings: NoObjectionProcedure.Settings
    /// The deadline in force.
    public private(set) var deadline: Timestamp
    /// The phase.
    public private(set) var outcome: ProposalStatus.Outcome = .pending
    /// When the phase began (nil while pending).
    public private(set) var since: Timestamp?
    private(set) var objections: [CommitteeAction] = []
    private(set) var holds: [CommitteeAction] = []
    private(set) var extensionRequests: [CommitteeAction] = []
    private(set) var lapsedHolds: [CommitteeAction] = []
    /// The instant of the last applied action.
    public private(set) var lastActionAt: Timestamp?

    init(proposal: Proposal, settings: NoObjectionProcedure.Settings) {
        self.proposal = proposal
        self.settings = settings
        self.deadline = proposal.deadline
    }

    /// The status at `instant` (after ``advance(to:)``).
    func status(at instant: Timestamp) -> ProposalStatus {
        ProposalStatus(outcome: outcome, deadline: deadline, since: since, objections: objections, holds: holds,
                       extensionRequests: extensionRequests, lapsedHolds: lapsedHolds)
    }

    /// Moves time forward to `instant`: lapses holds (when the setting is on), passes the deadline,
    /// and adopts a held item whose last hold lapses.
    mutating func advance(to instant: Timestamp) {
        while true {
            let nextLapse = settings.holdLapse.flatMap { lapse in holds.map { $0.at.adding(seconds: lapse) }.min() }
            let nextDeadline: Timestamp? = outcome == .pending ? deadline : nil
            let next = [nextLapse, nextDeadline].compactMap { $0 }.min()
            guard let next, next <= instant, outcome == .pending || outcome == .onHold else { return }
            if let nextDeadline, next == nextDeadline, nextLapse.map({ $0 > nextDeadline }) ?? true {
                passDeadline()
            } else if let lapse = settings.holdLapse {
                let lapsing = holds.filter { $0.at.adding(seconds: lapse) <= next }
                holds.removeAll { $0.at.adding(seconds: lapse) <= next }
                lapsedHolds += lapsing
                if outcome == .onHold, holds.isEmpty {
                    outcome = .adopted
                    since = next
                }
            } else {
                return
            }
        }
    }

    private mutating func passDeadline() {
        since = deadline
        if !objections.isEmpty {
            outcome = .blocked
        } else if !holds.isEmpty {
            outcome = .onHold
        } else {
            outcome = .adopted
        }
    }

    /// Applies `action` at its instant.
    /// - Throws: ``CommitteeError`` when the action is refused; the state is then unchanged.
    mutating func apply(_ action: CommitteeAction, roster: CommitteeRoster) throws {
        func refuse(_ code: CommitteeError.Code, _ detail: String) -> CommitteeError {
            CommitteeError(code, state: action.state, proposalID: proposal.id, deadline: deadline,
                           detail: "\(action.state.name) cannot \(action.kind.verb) at \(NewYorkTime.format(action.at)): " + detail)
        }
        let year = NewYorkTime.date(of: action.at).year
        guard let membership = roster.membership(year: year) else {
            throw refuse(.unknownYear, "no Committee membership is known for \(year)")
        }
        guard membership.isMember(action.state) else {
            throw refuse(.notAMember, "\(action.state.name) is not a member of the 1718 Committee in \(year)")
        }
        if action.kind.isChairAction, membership.chair != action.state {
            let chair = membership.chair.map { "\($0.name) chairs the Committee in \(year)" } ?? "the Chair in \(year) is not known"
            throw refuse(.notChair, chair)
        }
        if action.at < proposal.circulatedAt {
            throw refuse(.beforeCirculation, "the proposal was circulated at \(NewYorkTime.format(proposal.circulatedAt))")
        }
        if let lastActionAt, action.at < lastActionAt {
            throw refuse(.outOfOrder, "an action dated \(NewYorkTime.format(lastActionAt)) is already recorded; actions are recorded in time order")
        }
        var next = self
        next.advance(to: action.at)
        let open = next.outcome == .pending
        func requireOpen() throws {
            guard open else {
                if next.outcome.isFinal { throw refuse(.procedureClosed, "the proposal is already \(next.outcome.rawValue)") }
                throw refuse(.afterDeadline, "the deadline passed; the proposal is \(next.outcome.rawValue)")
            }
        }
        let holdsNow = next.holds.contains { $0.state == action.state }
        let objectsNow = next.objections.contains { $0.state == action.state }
        switch action.kind {
        case .object:
            try requireOpen()
            if objectsNow { throw refuse(.alreadyObjecting, "its objection already stands") }
            next.objections.append(action)
        case .placeHold:
            try requireOpen()
            if holdsNow { throw refuse(.alreadyHolding, "its hold already stands") }
            next.holds.append(action)
        case .liftHold:
            guard open || next.outcome == .onHold else { throw refuse(.procedureClosed, "the proposal is already \(next.outcome.rawValue)") }
            if !holdsNow { throw refuse(.noStandingHold, "it has no standing hold") }
            next.holds.removeAll { $0.state == action.state }
            if next.outcome == .onHold, next.holds.isEmpty {
                next.outcome = .adopted
                next.since = action.at
            }
        case .withdrawObjection:
            try requireOpen()
            if !objectsNow { throw refuse(.noStandingObjection, "it has no standing objection") }
            next.objections.removeAll { $0.state == action.state }
        case .requestExtension:
            try requireOpen()
            next.extensionRequests.append(action)
        case .extendDeadline:
            try requireOpen()
            guard let newDeadline = action.newDeadline, newDeadline > next.deadline, newDeadline > action.at else {
                throw refuse(.invalidExtension, "the new deadline must be later than the current one")
            }
            next.deadline = newDeadline
        case .referToCouncil:
            guard next.outcome != .adopted, next.outcome != .referredToCouncil else {
                throw refuse(.procedureClosed, "the proposal is already \(next.outcome.rawValue)")
            }
            next.outcome = .referredToCouncil
            next.since = action.at
        }
        next.lastActionAt = action.at
        self = next
    }
}
