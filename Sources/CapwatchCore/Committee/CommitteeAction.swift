/// Something a Committee member (or the Chair) does to a pending proposal. Silence is consent, so
/// there is no "agree" action.
public struct CommitteeAction: Hashable, Sendable {
    /// The kinds of action. The raw value is the log entry kind.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Object before the deadline: one standing objection blocks the proposal (consensus).
        case object = "objected"
        /// Place a hold before the deadline: the proposal waits (REGIME.md §3: Russia, 19 Jul 2018).
        case placeHold = "hold_placed"
        /// Lift one's own hold (also after the deadline, while the proposal is on hold).
        case liftHold = "hold_lifted"
        /// Withdraw one's own objection before the deadline.
        case withdrawObjection = "objection_withdrawn"
        /// Ask the Chair for more time; recorded, changes nothing by itself.
        case requestExtension = "extension_requested"
        /// The Chair sets a later deadline (before the current one passes).
        case extendDeadline = "deadline_extended"
        /// The Chair takes the matter to the Security Council (1718 guidelines: when consensus cannot
        /// be reached; REGIME.md §3 [C]). Ends the procedure in the Committee.
        case referToCouncil = "referred_to_council"

        /// Whether only the Chair may take this action.
        public var isChairAction: Bool { self == .extendDeadline || self == .referToCouncil }

        /// Human wording for errors and tables: "object", "place a hold", ….
        public var verb: String {
            switch self {
            case .object: "object"
            case .placeHold: "place a hold"
            case .liftHold: "lift a hold"
            case .withdrawObjection: "withdraw an objection"
            case .requestExtension: "request an extension"
            case .extendDeadline: "extend the deadline"
            case .referToCouncil: "refer the matter to the Council"
            }
        }
    }

    /// What is done.
    public var kind: Kind
    /// The acting state (the Chair's state for Chair actions).
    public var state: StateCode
    /// When (the instant the Committee secretariat received it).
    public var at: Timestamp
    /// The stated reason, if any.
    public var reason: String?
    /// The new deadline, for ``Kind/extendDeadline`` only.
    public var newDeadline: Timestamp?

    /// - Parameters: see the properties.
    public init(_ kind: Kind, by state: StateCode, at: Timestamp, reason: String? = nil, newDeadline: Timestamp? = nil) {
        self.kind = kind
        self.state = state
        self.at = at
        self.reason = reason
        self.newDeadline = newDeadline
    }
}
