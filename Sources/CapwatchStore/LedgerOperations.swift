import CapwatchCore
import Foundation
import GRDB

/// The cap ledger's named operations on the database façade. Notifications are append-only:
/// ``CapwatchDatabase/saveNotification(_:converted:recordedBy:at:)`` adds an original,
/// ``CapwatchDatabase/correctNotification(_:with:converted:reason:recordedBy:at:)`` adds a correction
/// that supersedes one, and nothing changes or deletes a stored row (the schema refuses).
extension CapwatchDatabase {
    /// Stores one original notification.
    /// - Parameters:
    ///   - notification: the validated notification.
    ///   - converted: its barrels (from ``ConversionTable/convert(_:_:product:assuming:)``).
    ///   - recordedBy: who records it; not blank.
    ///   - time: when (UTC); the command line passes the clock.
    /// - Returns: the stored entry with its identifier.
    /// - Throws: GRDB's `DatabaseError` when a constraint refuses the row.
    @discardableResult
    public func saveNotification(_ notification: SupplyNotification, converted: ConvertedQuantity, recordedBy: String, at time: Timestamp) throws
        -> LedgerEntry
    {
        try writer.write { db in
            try Self.insert(notification, converted: converted, recordedBy: recordedBy, at: time, supersedes: nil, reason: nil, db)
        }
    }

    /// Stores the rows of a parsed file in one transaction.
    ///
    /// A file with errors stores nothing unless `skipInvalid` is true, in which case its valid rows
    /// are stored and the invalid ones left out.
    /// - Parameters:
    ///   - result: what ``NotificationCSV/parse(_:file:table:assuming:)`` read.
    ///   - skipInvalid: store the valid rows of a file that has errors.
    ///   - recordedBy: who imports; not blank.
    ///   - time: when (UTC).
    /// - Returns: the stored entries, in file order.
    /// - Throws: ``LedgerImportRejected`` with every error when the file has errors and `skipInvalid` is false
    ///   (nothing is stored); GRDB's `DatabaseError` when a constraint refuses a row (nothing is stored).
    @discardableResult
    public func importNotifications(_ result: NotificationCSV.Result, skipInvalid: Bool = false, recordedBy: String, at time: Timestamp) throws
        -> [LedgerEntry]
    {
        if !result.errors.isEmpty, !skipInvalid { throw LedgerImportRejected(errors: result.errors) }
        return try writer.write { db in
            try result.rows.map {
                try Self.insert($0.notification, converted: $0.converted, recordedBy: recordedBy, at: time, supersedes: nil, reason: nil, db)
            }
        }
    }

    /// Stores a correction of entry `id`: a new entry that supersedes it. The original stays as it was.
    /// - Parameters:
    ///   - id: the entry corrected; it must exist and not be superseded already (correct the latest correction instead).
    ///   - notification: the corrected notification.
    ///   - converted: its barrels.
    ///   - reason: why; not blank.
    ///   - recordedBy: who corrects; not blank.
    ///   - time: when (UTC).
    /// - Returns: the new entry.
    /// - Throws: ``LedgerError`` `.unknownEntry` / `.alreadySuperseded` / `.invalidField` (blank reason); GRDB's `DatabaseError`.
    @discardableResult
    public func correctNotification(
        _ id: Int64, with notification: SupplyNotification, converted: ConvertedQuantity, reason: String,
        recordedBy: String, at time: Timestamp
    ) throws -> LedgerEntry {
        guard !reason.allSatisfy(\.isWhitespace) else { throw LedgerError(.invalidField, field: "reason", "a correction needs a reason") }
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM notification WHERE id = ?", arguments: [id]) != nil else {
                throw LedgerError(.unknownEntry, "no notification \(id)")
            }
            if let by = try Int64.fetchOne(db, sql: "SELECT id FROM notification WHERE supersedes_id = ?", arguments: [id]) {
                throw LedgerError(.alreadySuperseded, "notification \(id) is already superseded by \(by): correct \(by) instead")
            }
            return try Self.insert(notification, converted: converted, recordedBy: recordedBy, at: time, supersedes: id, reason: reason, db)
        }
    }

    /// Every stored entry, originals and corrections, by identifier.
    /// - Throws: GRDB's `DatabaseError`; ``LedgerError`` when a stored row cannot be read back.
    public func ledgerEntries() throws -> [LedgerEntry] {
        try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM notification ORDER BY id").map(Self.entry) }
    }

    /// The entry `id`, or nil.
    /// - Throws: GRDB's `DatabaseError`.
    public func ledgerEntry(_ id: Int64) throws -> LedgerEntry? {
        try writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM notification WHERE id = ?", arguments: [id]).map(Self.entry) }
    }

    private static func insert(
        _ n: SupplyNotification, converted: ConvertedQuantity, recordedBy: String, at time: Timestamp, supersedes: Int64?,
        reason: String?, _ db: Database
    ) throws -> LedgerEntry {
        var factor: Double?
        var assumed: PetroleumProduct?
        if case .table(_, let f, let a) = converted.method {
            factor = f
            assumed = a
        }
        let parties = String(decoding: try JSONEncoder().encode(n.parties), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO notification (state, period, product, quantity, unit, received, conditions_met, parties, notes, source,
                    barrels, conversion_table, conversion_factor, assumed_product, recorded_at, recorded_by, supersedes_id, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                n.state, n.period.description, n.product.rawValue, n.quantity, n.unit.rawValue, n.received.description, n.conditionsMet,
                parties, n.notes, n.source, converted.barrels.value, converted.tableID, factor, assumed?.rawValue, time.iso8601, recordedBy,
                supersedes, reason,
            ])
        return LedgerEntry(
            id: db.lastInsertedRowID, notification: n, converted: converted, recordedAt: time, recordedBy: recordedBy,
            supersedes: supersedes, reason: reason)
    }

    private static func entry(_ row: Row) throws -> LedgerEntry {
        let id: Int64 = row["id"]
        func bad(_ field: String) -> LedgerError { LedgerError(.invalidField, line: Int(id), field: field, "stored value cannot be read") }
        guard let period = ReportingMonth(parsing: row["period"] as String) else { throw bad("period") }
        guard let product = PetroleumProduct(rawValue: row["product"]) else { throw bad("product") }
        guard let unit = QuantityUnit(rawValue: row["unit"]) else { throw bad("unit") }
        guard let received = CalendarDate(parsing: row["received"] as String) else { throw bad("received") }
        guard let recordedAt = Timestamp(iso8601: row["recorded_at"] as String) else { throw bad("recorded_at") }
        let parties = (try? JSONDecoder().decode([String].self, from: Data((row["parties"] as String).utf8))) ?? []
        let notification = try SupplyNotification(
            state: row["state"], period: period, product: product, quantity: row["quantity"], unit: unit,
            received: received, conditionsMet: row["conditions_met"], parties: parties, notes: row["notes"],
            source: row["source"])
        let table: String = row["conversion_table"]
        let method: ConvertedQuantity.Method =
            table == "as-notified"
            ? .asNotified
            : .table(
                id: table, factor: row["conversion_factor"],
                assumedProduct: (row["assumed_product"] as String?).flatMap(PetroleumProduct.init(rawValue:)))
        return LedgerEntry(
            id: id, notification: notification, converted: ConvertedQuantity(barrels: Barrels(row["barrels"] as Double), method: method),
            recordedAt: recordedAt, recordedBy: row["recorded_by"], supersedes: row["supersedes_id"], reason: row["reason"])
    }
}

/// A notification file that was not imported because some rows are invalid; nothing was stored.
public struct LedgerImportRejected: Error, CustomStringConvertible {
    /// Every error, each naming file, line and field.
    public let errors: [LedgerError]

    /// The errors, one a line, then a sentence saying nothing was stored.
    public var description: String {
        errors.map(\.description).joined(separator: "\n") + "\n\(errors.count) error(s): nothing stored (use --skip-invalid to store the valid rows)"
    }
}
