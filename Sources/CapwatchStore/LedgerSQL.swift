import CapwatchCore

/// SQL literals shared by the ledger's migrations.
enum PetroleumProductSQL {
    /// `'gasoline', 'gas_oil', …`: the raw values of ``PetroleumProduct``, frozen as of migration `ledger-v1`
    /// (a new product needs a new migration, not an edit of this list).
    static let list = ["gasoline", "gas_oil", "kerosene", "fuel_oil", "lpg", "crude", "unspecified"].map { "'\($0)'" }.joined(separator: ", ")
}
