import GRDB

extension CapwatchDatabase {
    /// The cap ledger's tables (notifications, conversions, vessels, events). Filled in by the ledger work.
    static func registerLedgerMigrations(_ migrator: inout DatabaseMigrator) {}
}
