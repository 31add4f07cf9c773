import GRDB

extension CapwatchDatabase {
    /// The committee procedure's table: the append-only, hash-chained log (see `CommitteeOperations.swift`).
    ///
    /// Proposals and actions are not stored apart from the log: the log is the record, and the model
    /// (`CommitteeDocket`) reads them back from it. Triggers refuse UPDATE and DELETE; the hash chain
    /// still detects changes made by someone who drops them (raw SQL on the file).
    static func registerCommitteeMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("committee-v1-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE committee_log (
                        sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
                        proposal_id TEXT NOT NULL CHECK (length(proposal_id) > 0),
                        at_ms INTEGER NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('proposed', 'objected', 'hold_placed', 'hold_lifted', 'objection_withdrawn',
                            'extension_requested', 'deadline_extended', 'referred_to_council', 'secretary_notice')),
                        actor TEXT CHECK (actor IS NULL OR length(actor) = 3),
                        payload TEXT NOT NULL,
                        previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
                        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
                        CHECK (kind = 'secretary_notice' OR actor IS NOT NULL)
                    );
                    CREATE INDEX committee_log_proposal ON committee_log(proposal_id, sequence);
                    CREATE TRIGGER committee_log_no_update BEFORE UPDATE ON committee_log
                        BEGIN SELECT RAISE(ABORT, 'committee_log is append-only'); END;
                    CREATE TRIGGER committee_log_no_delete BEFORE DELETE ON committee_log
                        BEGIN SELECT RAISE(ABORT, 'committee_log is append-only'); END;
                    """)
        }
    }
}
