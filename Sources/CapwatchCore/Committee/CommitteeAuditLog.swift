/// Verification of the committee log's hash chain.
///
/// Each entry's hash is SHA-256 over its canonical text, which includes the previous entry's hash
/// (``CommitteeLogEntry/canonicalText``). Verification walks the entries in sequence order and
/// recomputes every hash and link, and names the first entry that fails.
///
/// What it cannot see: someone who rewrites an entry *and every hash after it*, or deletes entries
/// at the end. Publish or keep the head hash (``CommitteeLogVerification/head``) elsewhere and pass
/// it as `expectedHead` to detect both.
public enum CommitteeAuditLog {
    /// Recomputes the chain.
    /// - Parameters:
    ///   - entries: the whole log, in sequence order.
    ///   - expectedHead: a head hash recorded earlier, if any; the log must still contain it.
    /// - Returns: intact, or the first failing entry and why.
    public static func verify(_ entries: [CommitteeLogEntry], expectedHead: String? = nil) -> CommitteeLogVerification {
        var previous = CommitteeLogEntry.genesisHash
        for (index, entry) in entries.enumerated() {
            let expectedSequence = index + 1
            if entry.sequence != expectedSequence {
                return .broken(sequence: expectedSequence, proposalID: entry.proposalID,
                               reason: .missingEntry(found: entry.sequence))
            }
            let recomputed = entry.computedHash
            if recomputed != entry.hash {
                return .broken(sequence: entry.sequence, proposalID: entry.proposalID,
                               reason: .hashMismatch(stored: entry.hash, recomputed: recomputed))
            }
            if entry.previousHash != previous {
                // The entry hashes correctly but its link disagrees with the stored hash before it:
                // that entry's hash was rewritten (to hide an altered body), or this entry was
                // altered and rehashed.
                guard index > 0 else {
                    return .broken(sequence: entry.sequence, proposalID: entry.proposalID, reason: .linkMismatch(nextSequence: entry.sequence))
                }
                return .broken(sequence: entries[index - 1].sequence, proposalID: entries[index - 1].proposalID,
                               reason: .linkMismatch(nextSequence: entry.sequence))
            }
            previous = entry.hash
        }
        if let expectedHead, !entries.contains(where: { $0.hash == expectedHead }) {
            return .broken(sequence: entries.count + 1, proposalID: "", reason: .headNotFound(expectedHead))
        }
        return .intact(count: entries.count, head: entries.last?.hash ?? CommitteeLogEntry.genesisHash)
    }
}

/// The result of ``CommitteeAuditLog/verify(_:expectedHead:)``.
public enum CommitteeLogVerification: Hashable, Sendable, CustomStringConvertible {
    /// Why an entry fails.
    public enum Reason: Hashable, Sendable {
        /// The entry's content no longer hashes to its stored hash: it was altered.
        case hashMismatch(stored: String, recomputed: String)
        /// The next entry's link does not match this entry's stored hash: this entry's hash was
        /// rewritten (to hide an altered body) or the next entry's link was altered.
        case linkMismatch(nextSequence: Int)
        /// The entry with this sequence number is missing (deleted) or renumbered.
        case missingEntry(found: Int)
        /// A head hash recorded earlier is not in the log: the end of the log was removed or rewritten.
        case headNotFound(String)
        /// The stored entry cannot be read back at all (a store reports this; the detail says why).
        case unreadable(String)
    }

    /// Every hash and link recomputed and matching; `head` is the last entry's hash.
    case intact(count: Int, head: String)
    /// The first entry that fails, with its proposal and why.
    case broken(sequence: Int, proposalID: String, reason: Reason)

    /// True for ``intact(count:head:)``.
    public var isIntact: Bool { if case .intact = self { true } else { false } }

    /// The first failing entry's sequence number, or nil when intact.
    public var firstBrokenSequence: Int? { if case .broken(let s, _, _) = self { s } else { nil } }

    /// One line for the command line.
    public var description: String {
        switch self {
        case .intact(let count, let head):
            return "intact: \(count) entries, head \(head)"
        case .broken(let sequence, let proposalID, let reason):
            let about = proposalID.isEmpty ? "" : " (proposal \(proposalID))"
            switch reason {
            case .hashMismatch(let stored, let recomputed):
                return "broken at entry \(sequence)\(about): its content was altered (stored hash \(stored), recomputed \(recomputed))"
            case .linkMismatch(let next):
                return "broken at entry \(sequence)\(about): entry \(next)'s link does not match its hash — entry \(sequence) was altered "
                    + "and its hash rewritten, or entry \(next)'s link was altered"
            case .missingEntry(let found):
                return "broken at entry \(sequence): missing (the next stored entry is \(found))"
            case .unreadable(let detail):
                return "broken at entry \(sequence)\(about): unreadable (\(detail))"
            case .headNotFound(let head):
                return "broken: the recorded head \(head) is not in the log (entries removed or rewritten at the end)"
            }
        }
    }
}
