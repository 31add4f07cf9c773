import ArgumentParser
import CapwatchCore
import CapwatchStore

extension Committee {
    /// `capwatch committee propose --kind K --text T --proposer S [--co-sponsor S…] (--deadline TIME | --working-days N) [--at TIME]`.
    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose",
            abstract: "Circulate a proposal under the no-objection procedure.",
            discussion: """
                The deadline is either explicit (--deadline) or N working days after the New York date of \
                circulation (--working-days), counting weekends and each --holiday out and ending at \
                --deadline-time New York time (17:00 by default; the Committee's actual hour is unconfirmed). \
                The rule used is recorded with the proposal.
                """
        )

        @OptionGroup var options: CommitteeDatabaseOption

        @Option(help: "Identifier; by default the next free P<year>-<nnn>.")
        var id: String?

        @Option(help: "breach-determination, designate-vessel, designate-entity, designate-person, delisting, exemption, notice-to-all-states.")
        var kind: String

        @Option(help: "The text circulated.")
        var text: String

        @Option(help: "The proposing member (ISO 3166-1 alpha-3 code or name).")
        var proposer: String

        @Option(name: .customLong("co-sponsor"), help: "A co-sponsoring state, member or not. Repeatable; commas allowed.")
        var coSponsors: [String] = []

        @Option(name: .customLong("event"), help: "A cited event id. Repeatable.")
        var events: [String] = []

        @Option(name: .customLong("imo"), help: "A cited vessel IMO number. Repeatable.")
        var imos: [String] = []

        @Option(name: .customLong("mmsi"), help: "A cited vessel MMSI. Repeatable.")
        var mmsis: [UInt32] = []

        @Option(name: .customLong("ledger-ref"), help: "A cited ledger status reference. Repeatable.")
        var ledgerRefs: [String] = []

        @Option(help: "Circulation time (default: now).")
        var at: String?

        @Option(help: "Explicit deadline.")
        var deadline: String?

        @Option(help: "Deadline N working days after circulation.")
        var workingDays: Int?

        @Option(help: "Hour of a working-day deadline, HH:MM New York.")
        var deadlineTime = "17:00"

        @Option(name: .customLong("holiday"), help: "A UN holiday (YYYY-MM-DD) not counted as a working day. Repeatable.")
        var holidays: [String] = []

        func validate() throws {
            guard (deadline == nil) != (workingDays == nil) else { throw ValidationError("Give exactly one of --deadline and --working-days.") }
            if let workingDays, workingDays < 1 { throw ValidationError("--working-days must be at least 1.") }
            guard Proposal.Kind(rawValue: kind.replacing("-", with: "_")) != nil else {
                throw ValidationError("--kind \"\(kind)\" is not one of: "
                    + Proposal.Kind.allCases.map { $0.rawValue.replacing("_", with: "-") }.joined(separator: ", ") + ".")
            }
        }

        func run() throws {
            let kind = Proposal.Kind(rawValue: kind.replacing("-", with: "_"))!
            let proposer = try CommitteeCLI.state(proposer, option: "--proposer")
            let coSponsors = try coSponsors.flatMap { $0.split(separator: ",") }.map { try CommitteeCLI.state(String($0), option: "--co-sponsor") }
            let imoNumbers = try imos.map { text in
                guard let imo = IMONumber(parsing: text) else { throw ValidationError("--imo \"\(text)\" is not an IMO number.") }
                return imo
            }
            let mmsiValues = try mmsis.map { value in
                guard let m = MMSI(rawValue: value) else { throw ValidationError("--mmsi \(value) has more than nine digits.") }
                return m
            }
            let circulatedAt = try CommitteeCLI.instant(at, option: "--at")
            let rule: DeadlineRule
            if let deadline {
                rule = .explicit(try CommitteeCLI.instant(deadline, option: "--deadline"))
            } else {
                guard let time = TimeOfDay(parsing: deadlineTime) else { throw ValidationError("--deadline-time \"\(deadlineTime)\" is not HH:MM.") }
                let days = try holidays.map { text in
                    guard let d = CalendarDate(parsing: text) else { throw ValidationError("--holiday \"\(text)\" is not YYYY-MM-DD.") }
                    return d
                }
                rule = .workingDays(count: workingDays!, time: time, holidays: days)
            }
            let evidence = ProposalEvidence(eventIDs: events, imoNumbers: imoNumbers, mmsis: mmsiValues, ledgerReferences: ledgerRefs)
            let text = self.text
            let db = try options.open()
            let entry = try db.propose(id: id, year: NewYorkTime.date(of: circulatedAt).year, procedure: options.procedure) { id in
                try Proposal(id: id, kind: kind, text: text, proposer: proposer, coSponsors: coSponsors, evidence: evidence,
                             circulatedAt: circulatedAt, deadlineRule: rule)
            }
            let proposal = try db.committeeDocket().items[entry.proposalID]!.proposal
            print("\(proposal.id) circulated \(CommitteeCLI.time(proposal.circulatedAt)) by \(CommitteeCLI.who(proposal.proposer))"
                + (proposal.coSponsors.isEmpty ? "" : " with \(proposal.coSponsors.count) co-sponsors"))
            print("deadline \(CommitteeCLI.time(proposal.deadline)) (\(proposal.deadlineRule))")
            print("log entry \(entry.sequence) \(entry.hash)")
        }
    }
}
