/// A notification as recorded in the ledger: the figure as notified, its barrels and how they were
/// obtained, who recorded it and when, and the entry it corrects.
///
/// Entries are never changed once recorded: a correction is a new entry whose ``supersedes`` names
/// the entry it replaces (with who, when and why). ``effective(_:)`` keeps the entries no other
/// entry supersedes, which are the ones the totals count.
public struct LedgerEntry: Hashable, Sendable, Identifiable {
    /// The ledger's identifier for the entry (assigned by the store, increasing).
    public var id: Int64
    /// The notification as notified.
    public var notification: SupplyNotification
    /// Its barrels and the conversion that produced them.
    public var converted: ConvertedQuantity
    /// When the entry was recorded (UTC).
    public var recordedAt: Timestamp
    /// Who recorded it (a user name).
    public var recordedBy: String
    /// The entry this one corrects, or nil for an original notification.
    public var supersedes: Int64?
    /// Why the correction was made; nil for an original.
    public var reason: String?

    /// - Parameters: see the properties.
    public init(
        id: Int64, notification: SupplyNotification, converted: ConvertedQuantity, recordedAt: Timestamp, recordedBy: String,
        supersedes: Int64? = nil, reason: String? = nil
    ) {
        self.id = id
        self.notification = notification
        self.converted = converted
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.reason = reason
    }

    /// The barrels this entry counts for.
    public var barrels: Barrels { converted.barrels }

    /// The entries that no other entry in `entries` supersedes, in the order given.
    public static func effective(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        let superseded = Set(entries.compactMap(\.supersedes))
        return entries.filter { !superseded.contains($0.id) }
    }
}
