/// One entry of the committee's append-only log: a proposal circulated, an action taken, a notice
/// sent. Each entry carries the SHA-256 of the previous entry, so altering any stored entry breaks
/// the chain from that entry on (see ``CommitteeAuditLog``).
public struct CommitteeLogEntry: Hashable, Sendable {
    /// What an entry records. The raw value is stored.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A proposal was circulated (payload: the whole proposal).
        case proposed
        /// A member objected (``CommitteeAction/Kind/object``; payload: `reason`).
        case objected
        /// A member placed a hold (payload: `reason`).
        case holdPlaced = "hold_placed"
        /// A member lifted its hold.
        case holdLifted = "hold_lifted"
        /// A member withdrew its objection.
        case objectionWithdrawn = "objection_withdrawn"
        /// A member asked for more time.
        case extensionRequested = "extension_requested"
        /// The Chair set a later deadline (payload: `new_deadline`, milliseconds since 1970 UTC).
        case deadlineExtended = "deadline_extended"
        /// The Chair took the matter to the Security Council.
        case referredToCouncil = "referred_to_council"
        /// The Committee Secretary notified all Member States that a threshold of the cap was reached
        /// (a ledger threshold notice; not a decision of the Committee).
        case secretaryNotice = "secretary_notice"

        /// The action kind this entry records, if it records one.
        public var action: CommitteeAction.Kind? { CommitteeAction.Kind(rawValue: rawValue) }
    }

    /// The hash that precedes the first entry: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Position in the log, from 1, without gaps.
    public var sequence: Int
    /// The proposal (or notice) the entry belongs to.
    public var proposalID: String
    /// When the recorded act happened (not when it was typed in).
    public var at: Timestamp
    /// What is recorded.
    public var kind: Kind
    /// The acting state; nil for the Secretary's notices.
    public var actor: StateCode?
    /// The details as `key=value` lines (see ``LogPayload``), exactly the text that is hashed.
    public var payload: String
    /// The ``hash`` of entry `sequence − 1`, or ``genesisHash`` for the first.
    public var previousHash: String
    /// SHA-256 (``SHA256``, FIPS 180-4) of ``canonicalText``, 64 lowercase hexadecimal digits.
    public var hash: String

    /// A new entry chained after `previousHash`, with its hash computed.
    public init(sequence: Int, proposalID: String, at: Timestamp, kind: Kind, actor: StateCode?, payload: String, previousHash: String) {
        self.init(sequence: sequence, proposalID: proposalID, at: at, kind: kind, actor: actor, payload: payload, previousHash: previousHash,
                  hash: "")
        self.hash = computedHash
    }

    /// An entry as stored, hash included (not recomputed: ``CommitteeAuditLog/verify(_:)`` does that).
    public init(sequence: Int, proposalID: String, at: Timestamp, kind: Kind, actor: StateCode?, payload: String, previousHash: String,
                hash: String) {
        self.sequence = sequence
        self.proposalID = proposalID
        self.at = at
        self.kind = kind
        self.actor = actor
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The bytes that are hashed: a version line, then `sequence`, `previous`, `proposal`, `at`
    /// (milliseconds since 1970 UTC), `kind`, `actor` as `key=value` lines, then the payload.
    public var canonicalText: String {
        "capwatch-committee-log/1\nsequence=\(sequence)\nprevious=\(previousHash)\nproposal=\(LogPayload.escape(proposalID))\n"
            + "at=\(at.millisecondsSince1970)\nkind=\(kind.rawValue)\nactor=\(actor?.rawValue ?? "")\n" + payload
    }

    /// SHA-256 of ``canonicalText`` recomputed now.
    public var computedHash: String { SHA256.hexDigest(canonicalText.utf8) }
}

/// The details of a log entry as ordered `key=value` lines; backslash and newline in values are
/// escaped (`\\`, `\n`) so every field is one line. Repeated keys make lists.
public struct LogPayload: Hashable, Sendable {
    /// The fields, in order.
    public var fields: [(key: String, value: String)]

    /// An empty payload.
    public init() { fields = [] }

    /// Appends a field.
    public mutating func append(_ key: String, _ value: String) { fields.append((key, value)) }

    /// The text: one `key=value` line per field, each ending in a newline.
    public var text: String { fields.map { $0.key + "=" + LogPayload.escape($0.value) + "\n" }.joined() }

    /// Parses ``text``. Nil when a line has no `=`.
    public init?(text: String) {
        fields = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let eq = line.firstIndex(of: "=") else { return nil }
            fields.append((String(line[..<eq]), LogPayload.unescape(line[line.index(after: eq)...])))
        }
    }

    /// The first value for `key`.
    public func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }

    /// Every value for `key`, in order.
    public func values(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                out.append(c == "n" ? "\n" : c == "r" ? "\r" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    public static func == (lhs: LogPayload, rhs: LogPayload) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
