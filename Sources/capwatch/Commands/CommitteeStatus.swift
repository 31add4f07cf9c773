import ArgumentParser
import CapwatchCore
import CapwatchStore

extension Committee {
    /// `capwatch committee status [PROPOSAL] [--at TIME]`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show where proposals stand at a time: pending, adopted, blocked, on hold or referred to the Council."
        )

        @OptionGroup var options: CommitteeDatabaseOption

        @Argument(help: "One proposal; all when omitted.")
        var proposal: String?

        @Option(help: "The time to evaluate at (default: now).")
        var at: String?

        func run() throws {
            let instant = try CommitteeCLI.instant(at, option: "--at")
            let docket = try options.openExisting().committeeDocket(procedure: options.procedure)
            let ids = proposal.map { [$0] } ?? docket.order
            print("at \(CommitteeCLI.time(instant))")
            if ids.isEmpty { print("no proposals recorded") }
            for id in ids {
                let status = try docket.status(of: id, at: instant)
                let p = docket.items[id]!.proposal
                var line = "\(id)  \(p.kind.rawValue)  proposer \(p.proposer.rawValue)"
                if !p.coSponsors.isEmpty { line += " +\(p.coSponsors.count)" }
                line += "  deadline \(CommitteeCLI.time(status.deadline))  \(status.outcome.rawValue.uppercased())"
                if let since = status.since { line += " since \(CommitteeCLI.time(since))" }
                print(line)
                for o in status.objections { print("    objection: \(CommitteeCLI.who(o.state)) at \(CommitteeCLI.time(o.at))" + (o.reason.map { ": \($0)" } ?? "")) }
                for h in status.holds { print("    hold: \(CommitteeCLI.who(h.state)) at \(CommitteeCLI.time(h.at))" + (h.reason.map { ": \($0)" } ?? "")) }
                for h in status.lapsedHolds { print("    lapsed hold (--hold-lapse-days): \(CommitteeCLI.who(h.state)) placed \(CommitteeCLI.time(h.at))") }
                for r in status.extensionRequests { print("    extension requested: \(CommitteeCLI.who(r.state)) at \(CommitteeCLI.time(r.at))") }
            }
        }
    }

    /// `capwatch committee log PROPOSAL`.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "Print the log entries of a proposal (or all, with --all), with their hashes.")

        @OptionGroup var options: CommitteeDatabaseOption

        @Argument(help: "The proposal (or notice) identifier.")
        var proposal: String?

        @Flag(help: "Print the whole log.")
        var all = false

        func validate() throws {
            guard (proposal == nil) == all else { throw ValidationError("Give a proposal identifier or --all.") }
        }

        func run() throws {
            let entries = try options.openExisting().committeeLog(proposalID: all ? nil : proposal)
            if entries.isEmpty, let proposal { throw CommitteeError(.unknownProposal, proposalID: proposal, detail: "no log entries") }
            for e in entries {
                print("#\(e.sequence)  \(CommitteeCLI.time(e.at))  \(e.proposalID)  \(e.kind.rawValue)  \(CommitteeCLI.who(e.actor))")
                for field in LogPayload(text: e.payload)?.fields ?? [] {
                    let value: String
                    if field.key == "deadline" || field.key == "new_deadline", let ms = Int64(field.value) {
                        value = CommitteeCLI.time(Timestamp(millisecondsSince1970: ms))
                    } else {
                        value = field.value
                    }
                    print("    \(field.key): \(value)")
                }
                print("    previous \(e.previousHash)")
                print("    hash     \(e.hash)")
            }
        }
    }

    /// `capwatch committee verify [--expect-head HASH]`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the log's hash chain; name the first altered entry. Exit status 1 when broken.",
            discussion: """
                Keep the printed head hash elsewhere and pass it back with --expect-head to also detect a \
                log whose end was removed or rewritten.
                """
        )

        @OptionGroup var options: CommitteeDatabaseOption

        @Option(help: "A head hash printed by an earlier verify.")
        var expectHead: String?

        func run() throws {
            let result = try options.openExisting().verifyCommitteeLog(expectedHead: expectHead)
            if result.isIntact {
                print(result.description)
            } else {
                try ByteOutput.standardError.write(result.description + "\n")
                throw ExitCode.failure
            }
        }
    }

    /// `capwatch committee members [--year Y]`.
    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "members", abstract: "List the Committee's members and Chair by year, with sources.")

        @Option(help: "One year; all shipped years when omitted.")
        var year: Int?

        func run() throws {
            let roster = CommitteeRoster.shipped
            let years = year.map { [$0] } ?? roster.years.keys.sorted()
            for y in years {
                guard let m = roster.membership(year: y) else { throw ValidationError("No membership is shipped for \(y).") }
                print("\(y): " + m.members.sorted().map { $0.rawValue == m.chair?.rawValue ? "\($0.rawValue)*" : $0.rawValue }.joined(separator: " "))
                print("    chair: \(CommitteeCLI.who(m.chair))" + (m.chairConfirmed ? "" : " (unconfirmed)"))
                print("    source: \(m.source)")
            }
        }
    }
}
