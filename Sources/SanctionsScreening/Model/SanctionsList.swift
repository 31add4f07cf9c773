/// A published sanctions list that Capwatch reads.
public enum SanctionsList: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The UN Security Council Consolidated List (XML), origin scsanctions.un.org.
    case un = "UN"
    /// The US Treasury OFAC Specially Designated Nationals list (legacy CSV set).
    case ofac = "OFAC"

    public var description: String { rawValue }
}
