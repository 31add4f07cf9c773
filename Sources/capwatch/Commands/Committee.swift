import ArgumentParser
import CapwatchCore
import CapwatchStore
import Foundation

/// `capwatch committee …`: the 1718 Committee's no-objection procedure over the shared database.
struct Committee: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee",
        abstract: "Record 1718 Committee proposals, members' objections and holds, and their outcomes, in a hash-chained log.",
        discussion: """
            A proposal circulated under the no-objection procedure is adopted when its deadline passes \
            with no objection and no hold; one objection blocks it; a hold keeps it waiting until lifted. \
            Times are New York time unless they carry Z or an offset (2019-06-18T17:00, \
            2019-06-18T21:00:00Z). Where --at is omitted the current time is used.
            """,
        subcommands: [Propose.self, Respond.self, Chair.self, Status.self, Log.self, Verify.self, Members.self, Notices.self]
    )
}

/// The options every committee subcommand shares.
struct CommitteeDatabaseOption: ParsableArguments {
    @Option(help: "The Capwatch database (SQLite), shared with the ledger commands.")
    var db = "capwatch.db"

    @Option(help: "Treat a hold as lifted this many days after it was placed. Unconfirmed rule: off unless given.")
    var holdLapseDays: Double?

    func open() throws -> CapwatchDatabase {
        do { return try CapwatchDatabase(path: db) } catch { throw CapwatchCLIError("\(db): cannot open the committee database: \(error)") }
    }

    /// Opens the database for a command that only reads: a missing file is an error (a mistyped
    /// `--db` must not look like an empty, intact record), not a new empty database.
    func openExisting() throws -> CapwatchDatabase {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CapwatchCLIError("\(db): no such database (give --db with the file the committee commands wrote)")
        }
        return try open()
    }

    var procedure: NoObjectionProcedure {
        NoObjectionProcedure(settings: .init(holdLapse: holdLapseDays.map { $0 * 86_400 }))
    }

    func validate() throws {
        if let holdLapseDays, !(holdLapseDays > 0 && holdLapseDays.isFinite) {
            throw ValidationError("--hold-lapse-days must be a positive number of days.")
        }
    }
}

/// Command-line parsing and printing shared by the committee subcommands.
enum CommitteeCLI {
    /// The instant `text` denotes (``NewYorkTime/parse(_:)``), or the clock when nil: the only place
    /// the committee commands read the clock.
    static func instant(_ text: String?, option: String) throws -> Timestamp {
        guard let text else { return Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded())) }
        guard let t = NewYorkTime.parse(text) else {
            throw ValidationError("\(option) \"\(text)\" is not a time: use 2019-06-18T17:00 (New York) or 2019-06-18T21:00:00Z.")
        }
        return t
    }

    static func state(_ text: String, option: String) throws -> StateCode {
        guard let s = StateCode(parsing: text) else {
            throw ValidationError("\(option) \"\(text)\" is not a state: use an ISO 3166-1 alpha-3 code such as RUS or USA.")
        }
        return s
    }

    static func time(_ t: Timestamp) -> String { NewYorkTime.format(t) }

    static func who(_ s: StateCode?) -> String { s.map { "\($0.rawValue) (\($0.name))" } ?? "Secretary" }
}
