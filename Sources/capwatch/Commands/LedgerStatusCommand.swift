import ArgumentParser
import CapwatchCore
import CapwatchStore
import Foundation

/// `capwatch ledger status [--year Y] [--format text|json]`.
struct LedgerStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Notified barrels by supplier and month, % of the cap, and the threshold notices issued (75/90/95/100 %)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Calendar year (default: the latest year with a notification).") var year: Int?
    @Option(help: "text or json.") var format = Format.text
    @Option(help: "refined or crude.") var regime = "refined"
    @OptionGroup var options: LedgerOptions

    func validate() throws {
        guard PetroleumCap.Regime(rawValue: regime) != nil else { throw ValidationError("--regime must be refined or crude.") }
    }

    func run() throws {
        let entries = try options.openExisting().ledgerEntries()
        guard let y = year ?? LedgerEntry.effective(entries).map(\.notification.period.year).max() else {
            print(format == .json ? "{\"entries\":0}" : "\(options.db): no notifications recorded")
            return
        }
        guard let status = LedgerStatus(year: y, entries: entries, regime: PetroleumCap.Regime(rawValue: regime)!) else {
            throw CapwatchCLIError("no \(regime) cap applies in \(y)")
        }
        print(format == .json ? try LedgerJSON.render(LedgerJSON.Status(status)) : LedgerStatusCommand.text(status), terminator: "")
    }

    /// The Committee's table (suppliers × months, barrels), then the total, % of cap and notices.
    static func text(_ s: LedgerStatus) -> String {
        let months = s.months
        var rows: [[String]] = [["State"] + months.map(\.shortMonthName) + ["Total"]]
        for state in s.suppliers {
            rows.append(
                [state] + months.map { m in s.cells.first { $0.state == state && $0.period == m }.map { Barrels.grouped($0.barrels.value) } ?? "" }
                    + [Barrels.grouped(s.totalsBySupplier[state]!.value)])
        }
        rows.append(["All"] + months.map { Barrels.grouped(s.totalsByMonth[$0]!.value) } + [Barrels.grouped(s.total.value)])
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        var out = "\(s.year): refined petroleum notified to the 1718 Committee, barrels (\(s.cap.citation), cap \(s.cap.limit))\n"
        if s.cap.regime == .crudeOil { out = "\(s.year): crude oil notified, barrels (\(s.cap.citation), cap \(s.cap.limit))\n" }
        for r in rows {
            out +=
                r.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    return i == 0 ? cell + pad : pad + cell
                }.joined(separator: "  ") + "\n"
        }
        out += "Total \(s.total) = \(LedgerStatus.percentText(s.fractionOfCap)) of the cap; \(s.entries.count) notification(s)\n"
        let converted = Dictionary(grouping: s.entries, by: \.converted.tableID).map { "\($0.key) \($0.value.count)" }.sorted()
        out += "Converted by: \(converted.joined(separator: ", "))\n"
        if !s.notCovered.isEmpty {
            out +=
                "Conditions not met (not covered by the allowance, prohibited): "
                + s.notCovered.map { "#\($0.id) \($0.notification.state) \($0.notification.period) \($0.barrels)" }.joined(separator: "; ") + "\n"
        }
        out += s.notices.isEmpty ? "Notices: none\n" : "Notices:\n"
        for n in s.notices { out += "  \(n.percent) % on \(n.date)\(n.isStopOrder ? " (STOP)" : ""): \(n.text)\n" }
        return out
    }
}
