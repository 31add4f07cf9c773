/// A notice from the Committee Secretary to all Member States that the year's reported refined-
/// petroleum deliveries reached a threshold of the cap: the hook by which the cap ledger's threshold
/// notices enter the committee log.
///
/// Per the best reconstruction of res. 2375 para 14 / 2397 para 5 [R, REGIME.md §1], the Secretary
/// notifies all states at 75 %, 90 % and 95 % of the cap, and at 100 % tells them to cease supplies
/// for the rest of the year. These are notifications, not Committee decisions: they are recorded as
/// ``CommitteeLogEntry/Kind/secretaryNotice`` entries, outside the no-objection procedure. (A state's
/// request that the Committee *itself* send a notice is a ``Proposal`` of kind
/// ``Proposal/Kind/noticeToAllStates``.)
public struct SecretaryNotice: Hashable, Sendable {
    /// The cap year (1 January – 31 December).
    public var year: Int
    /// The threshold reached, as a fraction of the cap (0.75, 0.90, 0.95, 1.00).
    public var threshold: Double
    /// When the notice was (or would be) sent.
    public var date: Timestamp
    /// Its text.
    public var text: String
    /// A reference to the ledger status that triggered it (e.g. `ledger:2019:refined`), if any.
    public var ledgerReference: String?

    /// - Parameters: see the properties.
    public init(year: Int, threshold: Double, date: Timestamp, text: String, ledgerReference: String? = nil) {
        self.year = year
        self.threshold = threshold
        self.date = date
        self.text = text
        self.ledgerReference = ledgerReference
    }

    /// The log identifier: `N2019-075` for the 75 % notice of 2019 (one notice per year and threshold).
    public var id: String { "N\(year)-" + committeeZeroPad(Int((threshold * 100).rounded()), 3) }

    /// Whether this is the stop order (threshold ≥ 100 %).
    public var isStopOrder: Bool { threshold >= 1 }
}
