import GRDB

extension CapwatchDatabase {
    /// The committee procedure's tables (proposals, actions, audit log). Filled in by the committee work.
    static func registerCommitteeMigrations(_ migrator: inout DatabaseMigrator) {}
}
