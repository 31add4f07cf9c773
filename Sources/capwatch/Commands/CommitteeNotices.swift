import ArgumentParser
import CapwatchCore
import CapwatchStore

extension Committee {
    /// `capwatch committee notices --year Y`: the cap ledger's threshold notices as Secretary notices
    /// to all states, recorded in the committee log once each.
    struct Notices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notices",
            abstract: "Record the ledger's threshold notices (75/90/95/100 % of the cap) for a year as notices to all states.",
            discussion: """
                Reads the ledger's notifications from the same database, computes the year's status, and \
                appends each threshold notice not yet in the committee log. These are the Secretary's \
                notifications (res. 2397 para 5, reconstructed), not Committee decisions.
                """
        )

        @OptionGroup var options: CommitteeDatabaseOption

        @Option(help: "The cap year.")
        var year: Int

        func run() throws {
            let db = try options.open()
            guard let status = LedgerStatus(year: year, entries: try db.ledgerEntries()) else {
                throw ValidationError("No refined-products cap applies in \(year).")
            }
            print("\(year): \(status.notices.count) threshold notice(s) in the ledger")
            for notice in status.notices {
                let secretary = SecretaryNotice(notice, year: year)
                let entry = try db.recordSecretaryNotice(secretary)
                print("\(secretary.id)  \(notice.date)  \(notice.percent) %  " + (entry.map { "recorded as log entry \($0.sequence)" } ?? "already recorded"))
            }
        }
    }
}
