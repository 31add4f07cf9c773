/// The 1718 Committee's no-objection procedure as a pure state machine: it validates each action
/// against the membership of the action's year and the proposal's deadline, and computes the
/// outcome at any instant.
///
/// Rules (REGIME.md §3; [C] unless marked):
/// - the Committee decides by consensus: one standing objection from any of the fifteen members
///   blocks the item; no vote is taken;
/// - silence is consent: at the deadline, with no standing objection and no standing hold, the item
///   is adopted;
/// - a member may place a hold instead of objecting (Russia, 19 Jul 2018); with a hold standing at
///   the deadline and no objection, the item is on hold, and it is adopted when every hold is lifted.
///   How long a hold may last and what happens when it lapses are **unconfirmed** [U]:
///   ``Settings/holdLapse`` is off by default; when set, a hold is treated as lifted that long after
///   it was placed;
/// - the Chair may take the matter to the Council when there is no consensus (1718 guidelines,
///   20 Jun 2007); here the Chair may also refer a pending or held item;
/// - an objection or hold at or after the deadline, or by a state that is not a member in the year
///   of the action, is refused. After the deadline a holder may still lift its hold.
/// Modelling choices (not sourced): the deadline passes at its instant (an action must be strictly
/// earlier); the Chair may extend only before the deadline; a member who holds and objects is
/// counted as objecting; whether a blocked item may be resubmitted is [U] — a new proposal is
/// simply a new item.
public struct NoObjectionProcedure: Sendable {
    /// Parameters of the procedure that are not confirmed rules.
    public struct Settings: Hashable, Sendable {
        /// When set, a hold lapses (counts as lifted) this many seconds after it was placed.
        /// **Unconfirmed rule**: nil (no lapse) by default.
        public var holdLapse: Double?

        /// - Parameter holdLapse: seconds after placement at which a hold lapses; nil for never.
        public init(holdLapse: Double? = nil) { self.holdLapse = holdLapse }

        /// No hold lapse.
        public static let `default` = Settings()
    }

    /// Who sits on the Committee, by year.
    public var roster: CommitteeRoster
    /// The unconfirmed parameters.
    public var settings: Settings

    /// - Parameters:
    ///   - roster: membership by year (``CommitteeRoster/shipped`` for 2018–2019).
    ///   - settings: the unconfirmed parameters (default: holds never lapse).
    public init(roster: CommitteeRoster = .shipped, settings: Settings = .default) {
        self.roster = roster
        self.settings = settings
    }

    /// Checks that `proposal` may be circulated: its proposer sits on the Committee in the year of
    /// circulation (non-members may co-sponsor).
    /// - Throws: ``CommitteeError`` `unknownYear` or `notAMember`.
    public func validate(_ proposal: Proposal) throws {
        let year = NewYorkTime.date(of: proposal.circulatedAt).year
        guard let membership = roster.membership(year: year) else {
            throw CommitteeError(.unknownYear, state: proposal.proposer, proposalID: proposal.id, deadline: proposal.deadline,
                                 detail: "no Committee membership is known for \(year); add it to the roster")
        }
        guard membership.isMember(proposal.proposer) else {
            throw CommitteeError(.notAMember, state: proposal.proposer, proposalID: proposal.id, deadline: proposal.deadline,
                                 detail: "\(proposal.proposer.name) is not a member of the 1718 Committee in \(year) and cannot propose; "
                                    + "it may co-sponsor")
        }
    }

    /// Replays `actions` (in order) on `proposal`, checking each.
    /// - Returns: the state after the last action.
    /// - Throws: ``CommitteeError`` for the first action that is refused.
    public func replay(_ proposal: Proposal, actions: [CommitteeAction]) throws -> ProposalState {
        var state = ProposalState(proposal: proposal, settings: settings)
        for action in actions { try state.apply(action, roster: roster) }
        return state
    }

    /// Checks `action` against the proposal as it stands after `actions`.
    /// - Throws: ``CommitteeError`` explaining the refusal.
    public func validate(_ action: CommitteeAction, on proposal: Proposal, after actions: [CommitteeAction]) throws {
        var state = try replay(proposal, actions: actions)
        try state.apply(action, roster: roster)
    }

    /// The outcome of `proposal` at `instant`, from the actions recorded up to then.
    /// - Throws: ``CommitteeError`` when a recorded action is itself refused (a log that did not go
    ///   through this procedure).
    public func status(of proposal: Proposal, actions: [CommitteeAction], at instant: Timestamp) throws -> ProposalStatus {
        var state = try replay(proposal, actions: actions.filter { $0.at <= instant })
        state.advance(to: instant)
        return state.status(at: instant)
    }
}
