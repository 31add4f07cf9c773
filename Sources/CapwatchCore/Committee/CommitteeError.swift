/// Why the committee model refused an action or a record: a code, the state, the proposal and its
/// deadline, and a sentence. One error type for the module, as swift-nio does.
public struct CommitteeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason, stable for scripts (`after_deadline`).
    public enum Code: String, Hashable, Sendable {
        /// The acting state is not on the Committee in the year of the action.
        case notAMember = "not_a_member"
        /// The roster has no membership for the year of the action.
        case unknownYear = "unknown_year"
        /// The deadline had passed (and the action is not one still allowed after it).
        case afterDeadline = "after_deadline"
        /// The action is dated before the proposal was circulated.
        case beforeCirculation = "before_circulation"
        /// The action is dated before the latest action already recorded for the proposal.
        case outOfOrder = "out_of_order"
        /// The proposal is adopted, blocked or referred: the procedure is over.
        case procedureClosed = "procedure_closed"
        /// A Chair action by a state that does not hold the chair (or the chair is unknown).
        case notChair = "not_chair"
        /// The state has no standing objection to withdraw.
        case noStandingObjection = "no_standing_objection"
        /// The state has no standing hold to lift.
        case noStandingHold = "no_standing_hold"
        /// The state already objects.
        case alreadyObjecting = "already_objecting"
        /// The state already holds.
        case alreadyHolding = "already_holding"
        /// A new deadline that is not later than the current one and the action.
        case invalidExtension = "invalid_extension"
        /// A deadline rule that gives no deadline after circulation.
        case invalidDeadline = "invalid_deadline"
        /// No proposal has this identifier.
        case unknownProposal = "unknown_proposal"
        /// A proposal with this identifier exists.
        case duplicateProposal = "duplicate_proposal"
        /// A stored log entry cannot be read back.
        case malformedEntry = "malformed_entry"
    }

    /// The reason.
    public var code: Code
    /// The state that acted, when there is one.
    public var state: StateCode?
    /// The proposal concerned.
    public var proposalID: String?
    /// The proposal's deadline in force, when known.
    public var deadline: Timestamp?
    /// The rest of the explanation.
    public var detail: String

    /// - Parameters: see the properties.
    public init(_ code: Code, state: StateCode? = nil, proposalID: String? = nil, deadline: Timestamp? = nil, detail: String) {
        self.code = code
        self.state = state
        self.proposalID = proposalID
        self.deadline = deadline
        self.detail = detail
    }

    /// `refused [after_deadline] RUS (Russian Federation) on P2019-001 (deadline 2019-06-18T17:00:00-04:00): …`.
    public var description: String {
        var s = "refused [\(code.rawValue)]"
        if let state { s += " \(state.rawValue) (\(state.name))" }
        if let proposalID { s += " on \(proposalID)" }
        if let deadline { s += " (deadline \(NewYorkTime.format(deadline)))" }
        return s + ": " + detail
    }
}
