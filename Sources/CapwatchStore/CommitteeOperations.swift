import CapwatchCore
import GRDB

/// The committee's named operations on the database. Each write loads the log, lets the pure model
/// (`CommitteeDocket`) check the operation and build the next entry, and appends it in the same
/// write transaction, so the chain cannot fork and an invalid action never reaches the table.
extension CapwatchDatabase {
    /// Circulates a proposal.
    /// - Parameters:
    ///   - build: makes the proposal from the identifier the store assigns (``CommitteeDocket/nextProposalID(year:)``)
    ///     when `id` is nil.
    ///   - id: an identifier to use instead.
    ///   - year: the year for an assigned identifier.
    ///   - procedure: roster and settings.
    /// - Returns: the entry appended.
    /// - Throws: `CommitteeError` when the model refuses; GRDB's `DatabaseError`.
    @discardableResult
    public func propose(id: String? = nil, year: Int, procedure: NoObjectionProcedure = NoObjectionProcedure(),
                        _ build: @Sendable (String) throws -> Proposal) throws -> CommitteeLogEntry {
        try writer.write { db in
            var docket = try CommitteeDocket(entries: CapwatchDatabase.committeeEntries(db), procedure: procedure)
            let proposal = try build(id ?? docket.nextProposalID(year: year))
            let entry = try docket.propose(proposal)
            try CapwatchDatabase.insert(entry, db)
            return entry
        }
    }

    /// Circulates an already-built proposal.
    /// - Returns: the entry appended.
    /// - Throws: `CommitteeError` when the model refuses; GRDB's `DatabaseError`.
    @discardableResult
    public func propose(_ proposal: Proposal, procedure: NoObjectionProcedure = NoObjectionProcedure()) throws -> CommitteeLogEntry {
        try propose(id: proposal.id, year: 0, procedure: procedure) { _ in proposal }
    }

    /// Records a member's or the Chair's action on a proposal.
    /// - Returns: the entry appended.
    /// - Throws: `CommitteeError` (refused: after the deadline, not a member, …); GRDB's `DatabaseError`.
    @discardableResult
    public func recordCommitteeAction(_ action: CommitteeAction, on proposalID: String,
                                      procedure: NoObjectionProcedure = NoObjectionProcedure()) throws -> CommitteeLogEntry {
        try writer.write { db in
            var docket = try CommitteeDocket(entries: CapwatchDatabase.committeeEntries(db), procedure: procedure)
            let entry = try docket.record(action, on: proposalID)
            try CapwatchDatabase.insert(entry, db)
            return entry
        }
    }

    /// Records a Secretary's threshold notice to all states (the ledger hook).
    /// - Returns: the entry appended, or nil when that year's notice at that threshold is already recorded.
    /// - Throws: GRDB's `DatabaseError`; `CommitteeError` for an unreadable log.
    @discardableResult
    public func recordSecretaryNotice(_ notice: SecretaryNotice) throws -> CommitteeLogEntry? {
        try writer.write { db in
            var docket = try CommitteeDocket(entries: CapwatchDatabase.committeeEntries(db))
            guard let entry = try docket.recordNotice(notice) else { return nil }
            try CapwatchDatabase.insert(entry, db)
            return entry
        }
    }

    /// The committee record read back from the log (not verified: see ``verifyCommitteeLog(expectedHead:)``).
    /// - Throws: `CommitteeError` `malformedEntry`; GRDB's `DatabaseError`.
    public func committeeDocket(procedure: NoObjectionProcedure = NoObjectionProcedure()) throws -> CommitteeDocket {
        try CommitteeDocket(entries: committeeLog(), procedure: procedure)
    }

    /// The log entries, in sequence order; only those of `proposalID` when given.
    /// - Throws: GRDB's `DatabaseError`; `CommitteeError` `malformedEntry` for an unknown kind or actor.
    public func committeeLog(proposalID: String? = nil) throws -> [CommitteeLogEntry] {
        let all = try writer.read { db in try CapwatchDatabase.committeeEntries(db) }
        guard let proposalID else { return all }
        return all.filter { $0.proposalID == proposalID }
    }

    /// Recomputes the hash chain over the stored log.
    /// - Parameter expectedHead: a head hash kept from an earlier verification, if any.
    /// - Returns: intact with the head hash, or the first altered entry.
    /// - Throws: GRDB's `DatabaseError`; `CommitteeError` `malformedEntry` when a row cannot be read at all.
    public func verifyCommitteeLog(expectedHead: String? = nil) throws -> CommitteeLogVerification {
        try writer.read { db in
            var entries: [CommitteeLogEntry] = []
            for row in try Row.fetchAll(db, sql: CapwatchDatabase.committeeLogSelect) {
                do {
                    entries.append(try CapwatchDatabase.committeeEntry(row))
                } catch let error as CommitteeError {
                    // An entry that cannot even be read: report an earlier break first, if any.
                    let before = CommitteeAuditLog.verify(entries)
                    if !before.isIntact { return before }
                    let sequence: Int = row["sequence"]
                    return .broken(sequence: sequence, proposalID: row["proposal_id"] ?? "", reason: .unreadable(error.detail))
                }
            }
            return CommitteeAuditLog.verify(entries, expectedHead: expectedHead)
        }
    }

    static let committeeLogSelect =
        "SELECT sequence, proposal_id, at_ms, kind, actor, payload, previous_hash, hash FROM committee_log ORDER BY sequence"

    static func committeeEntries(_ db: Database) throws -> [CommitteeLogEntry] {
        try Row.fetchAll(db, sql: committeeLogSelect).map(committeeEntry)
    }

    /// One stored row as an entry. Exact text only: a value that would read back differently from
    /// what was hashed (a lower-case actor) is refused rather than normalised.
    static func committeeEntry(_ row: Row) throws -> CommitteeLogEntry {
        let sequence: Int = row["sequence"]
        let kindText: String = row["kind"]
        let actorText: String? = row["actor"]
        guard let kind = CommitteeLogEntry.Kind(rawValue: kindText) else {
            throw CommitteeError(.malformedEntry, detail: "log entry \(sequence): unknown kind \"\(kindText)\"")
        }
        var actor: StateCode?
        if let actorText {
            guard let code = StateCode(rawValue: actorText), code.rawValue == actorText else {
                throw CommitteeError(.malformedEntry, detail: "log entry \(sequence): actor \"\(actorText)\" is not an upper-case state code")
            }
            actor = code
        }
        return CommitteeLogEntry(
            sequence: sequence, proposalID: row["proposal_id"], at: Timestamp(millisecondsSince1970: row["at_ms"]), kind: kind, actor: actor,
            payload: row["payload"], previousHash: row["previous_hash"], hash: row["hash"])
    }

    static func insert(_ entry: CommitteeLogEntry, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO committee_log (sequence, proposal_id, at_ms, kind, actor, payload, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [entry.sequence, entry.proposalID, entry.at.millisecondsSince1970, entry.kind.rawValue, entry.actor?.rawValue,
                        entry.payload, entry.previousHash, entry.hash])
    }
}
