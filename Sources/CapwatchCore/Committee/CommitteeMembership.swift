/// The 1718 Committee in one calendar year: its members (the fifteen members of the Security
/// Council that year) and its Chair.
///
/// The Committee consists of all fifteen Council members and takes decisions by consensus; the
/// Chair is appointed by the Council each year (REGIME.md §3, [C] from a copy of the UN Committee
/// page). Terms run from 1 January to 31 December; the year of an action is its New York date.
public struct CommitteeMembership: Hashable, Sendable {
    /// The calendar year.
    public var year: Int
    /// The fifteen member states.
    public var members: Set<StateCode>
    /// The state whose representative chairs the Committee, or nil when not known.
    public var chair: StateCode?
    /// Whether ``chair`` was confirmed in a source (false: reconstructed or unknown).
    public var chairConfirmed: Bool
    /// Where the data come from, with the confidence of each part.
    public var source: String

    /// - Parameters: see the properties.
    public init(year: Int, members: Set<StateCode>, chair: StateCode?, chairConfirmed: Bool, source: String) {
        self.year = year
        self.members = members
        self.chair = chair
        self.chairConfirmed = chairConfirmed
        self.source = source
    }

    /// Whether `state` sits on the Committee this year.
    public func isMember(_ state: StateCode) -> Bool { members.contains(state) }
}
