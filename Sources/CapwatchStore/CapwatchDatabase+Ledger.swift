import GRDB

extension CapwatchDatabase {
    /// The cap ledger's tables: `notification` (append-only: corrections are new rows that supersede),
    /// `vessel` (the register: deadweight and product by IMO number) and `event` (detected events).
    ///
    /// Invariants kept by the schema, the last line of defence behind the pure model:
    /// - every column that must have a value is NOT NULL; products, units and dates are CHECKed;
    /// - a figure notified in barrels is stored as notified (`barrels = quantity`, table `as-notified`);
    /// - a notification row can be neither updated nor deleted (triggers raise an error);
    /// - a correction names the row it supersedes (foreign key), with a reason; each row is superseded at most once.
    static func registerLedgerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("ledger-v1") { db in
            let products = PetroleumProductSQL.list
            try db.execute(
                sql: """
                    CREATE TABLE notification (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        state TEXT NOT NULL CHECK (length(trim(state)) > 0),
                        period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12'),
                        product TEXT NOT NULL CHECK (product IN (\(products))),
                        quantity REAL NOT NULL CHECK (quantity >= 0),
                        unit TEXT NOT NULL CHECK (unit IN ('bbl', 't', 'kl')),
                        received TEXT NOT NULL CHECK (received GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND received >= period || '-01'),
                        conditions_met INTEGER NOT NULL CHECK (conditions_met IN (0, 1)),
                        parties TEXT NOT NULL DEFAULT '[]',
                        notes TEXT NOT NULL DEFAULT '',
                        source TEXT NOT NULL DEFAULT '',
                        barrels REAL NOT NULL CHECK (barrels >= 0),
                        conversion_table TEXT NOT NULL CHECK (length(conversion_table) > 0),
                        conversion_factor REAL CHECK (conversion_factor IS NULL OR conversion_factor > 0),
                        assumed_product TEXT CHECK (assumed_product IS NULL OR assumed_product IN (\(products))),
                        recorded_at TEXT NOT NULL,
                        recorded_by TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
                        supersedes_id INTEGER UNIQUE REFERENCES notification(id) ON DELETE RESTRICT,
                        reason TEXT,
                        CHECK ((unit = 'bbl') = (conversion_table = 'as-notified')),
                        CHECK (unit <> 'bbl' OR (barrels = quantity AND conversion_factor IS NULL)),
                        CHECK (unit = 'bbl' OR conversion_factor IS NOT NULL),
                        CHECK ((supersedes_id IS NULL) = (reason IS NULL))
                    );
                    CREATE INDEX notification_period ON notification(period);
                    CREATE TRIGGER notification_never_updated BEFORE UPDATE ON notification
                    BEGIN SELECT RAISE(ABORT, 'a stored notification is never changed: record a correction that supersedes it'); END;
                    CREATE TRIGGER notification_never_deleted BEFORE DELETE ON notification
                    BEGIN SELECT RAISE(ABORT, 'a stored notification is never deleted: record a correction that supersedes it'); END;

                    CREATE TABLE vessel (
                        imo INTEGER PRIMARY KEY CHECK (imo BETWEEN 1 AND 9999999),
                        deadweight_t REAL CHECK (deadweight_t IS NULL OR deadweight_t > 0),
                        product TEXT CHECK (product IS NULL OR product IN (\(products))),
                        source TEXT NOT NULL DEFAULT ''
                    );

                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL CHECK (length(kind) > 0),
                        mmsi TEXT NOT NULL,
                        start TEXT NOT NULL,
                        "end" TEXT,
                        lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                        lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                        json TEXT NOT NULL,
                        UNIQUE (kind, mmsi, start)
                    );
                    CREATE INDEX event_start ON event(start);
                    """)
        }
    }
}
