import GRDB

/// The database façade: owns the connection and the migrations, and exposes named operations
/// that keep the invariants (a stored notification is never silently changed; proposals move
/// only through the committee procedure's states).
///
/// SQLite through GRDB by default (`capwatch.db`, or an in-memory database for tests). Schema
/// constraints (NOT NULL, CHECK, foreign keys) are the last line of defence; each concern
/// registers its migrations in its own file (`CapwatchDatabase+Ledger.swift`,
/// `CapwatchDatabase+Committee.swift`, …).
public final class CapwatchDatabase: Sendable {
    /// The GRDB writer (a `DatabaseQueue` for a file or memory).
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and runs the migrations.
    /// - Parameter path: a file path.
    /// - Throws: GRDB's `DatabaseError` when the file cannot be opened or a migration fails.
    public convenience init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        try self.init(writer: DatabaseQueue(path: path, configuration: configuration))
    }

    /// An empty in-memory database with the migrations run (tests).
    /// - Throws: GRDB's `DatabaseError` when a migration fails.
    public static func inMemory() throws -> CapwatchDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try CapwatchDatabase(writer: DatabaseQueue(configuration: configuration))
    }

    /// Wraps an open writer and runs the migrations.
    /// - Throws: GRDB's `DatabaseError` when a migration fails.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try CapwatchDatabase.migrator.migrate(writer)
    }

    /// All migrations, in order. Each concern appends its own in its own file; a migration once
    /// shipped is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerLedgerMigrations(&migrator)
        registerCommitteeMigrations(&migrator)
        return migrator
    }
}
