import ArgumentParser
import CapwatchCore
import CapwatchStore

extension Committee {
    /// `capwatch committee respond PROPOSAL --member STATE --object|--hold|--lift-hold|--withdraw|--request-extension [--reason R] [--at TIME]`.
    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "respond",
            abstract: "Record a member's objection, hold, lifted hold, withdrawn objection or extension request.",
            discussion: """
                Silence is consent: there is no "agree". Objections and holds must come before the deadline \
                and from a member of the Committee in that year; a hold may be lifted after the deadline. \
                A refused action is reported with its code and is not recorded.
                """
        )

        enum Response: String, EnumerableFlag {
            case object, hold, liftHold, withdraw, requestExtension

            static func help(for value: Response) -> ArgumentHelp? {
                switch value {
                case .object: "Object (blocks the proposal while it stands)."
                case .hold: "Place a hold (the proposal waits)."
                case .liftHold: "Lift the member's hold."
                case .withdraw: "Withdraw the member's objection."
                case .requestExtension: "Ask the Chair for more time."
                }
            }

            var kind: CommitteeAction.Kind {
                switch self {
                case .object: .object
                case .hold: .placeHold
                case .liftHold: .liftHold
                case .withdraw: .withdrawObjection
                case .requestExtension: .requestExtension
                }
            }
        }

        @OptionGroup var options: CommitteeDatabaseOption

        @Argument(help: "The proposal identifier, e.g. P2019-001.")
        var proposal: String

        @Option(help: "The acting member (ISO 3166-1 alpha-3 code or name).")
        var member: String

        @Flag var response: Response

        @Option(help: "The stated reason.")
        var reason: String?

        @Option(help: "When the member acted (default: now).")
        var at: String?

        func run() throws {
            let action = CommitteeAction(response.kind, by: try CommitteeCLI.state(member, option: "--member"),
                                         at: try CommitteeCLI.instant(at, option: "--at"), reason: reason)
            let entry = try options.open().recordCommitteeAction(action, on: proposal, procedure: options.procedure)
            print("\(proposal): \(CommitteeCLI.who(action.state)) \(entry.kind.rawValue) at \(CommitteeCLI.time(action.at))")
            print("log entry \(entry.sequence) \(entry.hash)")
        }
    }

    /// `capwatch committee chair PROPOSAL --member STATE (--extend-to TIME | --refer) [--reason R] [--at TIME]`.
    struct Chair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chair",
            abstract: "Record the Chair's extension of a deadline or referral to the Security Council.",
            discussion: "--member must be the state that chairs the Committee in the year of the action."
        )

        @OptionGroup var options: CommitteeDatabaseOption

        @Argument(help: "The proposal identifier.")
        var proposal: String

        @Option(help: "The Chair's state.")
        var member: String

        @Option(help: "The new, later deadline.")
        var extendTo: String?

        @Flag(help: "Refer the matter to the Security Council.")
        var refer = false

        @Option(help: "The stated reason.")
        var reason: String?

        @Option(help: "When the Chair acted (default: now).")
        var at: String?

        func validate() throws {
            guard (extendTo == nil) == refer else { throw ValidationError("Give exactly one of --extend-to and --refer.") }
        }

        func run() throws {
            let state = try CommitteeCLI.state(member, option: "--member")
            let when = try CommitteeCLI.instant(at, option: "--at")
            let action: CommitteeAction
            if let extendTo {
                action = CommitteeAction(.extendDeadline, by: state, at: when, reason: reason,
                                         newDeadline: try CommitteeCLI.instant(extendTo, option: "--extend-to"))
            } else {
                action = CommitteeAction(.referToCouncil, by: state, at: when, reason: reason)
            }
            let entry = try options.open().recordCommitteeAction(action, on: proposal, procedure: options.procedure)
            print("\(proposal): \(CommitteeCLI.who(state)) \(entry.kind.rawValue) at \(CommitteeCLI.time(when))"
                + (action.newDeadline.map { ", new deadline \(CommitteeCLI.time($0))" } ?? ""))
            print("log entry \(entry.sequence) \(entry.hash)")
        }
    }
}
