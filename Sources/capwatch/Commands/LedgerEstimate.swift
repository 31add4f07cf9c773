import ArgumentParser
import CapwatchCore
import CapwatchStore
import Foundation

/// `capwatch ledger estimate [--year Y] [--events FILE] [--ais FILE] [--vessels FILE]`.
struct LedgerEstimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate illicit deliveries from detected events (STS with DPRK-flagged or listed vessels, tanker visits to DPRK ports).",
        discussion: """
            Volume per delivery = cargo capacity × laden fraction, in the three scenarios of the July 2018 US submission (one third, \
            one half, 90 %). Capacity from the register's deadweight (--vessels, columns imo,deadweight_t,product), else from AIS \
            length × beam × draught × block coefficient 0.80. Events come from --events (capwatch analyze's events.json) or the database; \
            AIS identities from --ais (analyze's vessels.csv).
            """
    )

    @Option(help: "Calendar year of the deliveries (default: all).") var year: Int?
    @Option(help: "events.json written by capwatch analyze (default: the events stored in the database).") var events: String?
    @Option(help: "vessels.csv written by capwatch analyze (ship type, dimensions, draught, IMO).") var ais: String?
    @Option(help: "Vessel register CSV: imo,deadweight_t,product (also stored in the database).") var vessels: String?
    @Option(help: "Listed vessels, one MMSI a line (sanctions screening).") var listed: String?
    @Option(help: "text or json.") var format = LedgerStatusCommand.Format.text
    @OptionGroup var options: LedgerOptions

    func run() throws {
        let db = try options.open()
        if let vessels { try db.saveVessels(try LedgerFiles.register(vessels)) }
        let register = try db.registeredVessels()
        let evs: [Event] = try events.map(LedgerFiles.events) ?? db.events()
        let identities = try ais.map(LedgerFiles.identities) ?? [:]
        let listedSet = try listed.map(LedgerFiles.mmsiList) ?? []
        let estimator = DeliveryEstimator()
        let deliveries = estimator.deliveries(in: evs, identities: identities, register: register, listed: listedSet, year: year)
        let estimate = estimator.estimate(deliveries, year: year)
        let notified = year.flatMap { y in (try? db.ledgerEntries()).flatMap { LedgerStatus(year: y, entries: $0) } }
        if format == .json {
            print(try LedgerJSON.render(LedgerJSON.Estimate(estimate, notified: notified)), terminator: "")
        } else {
            print(LedgerEstimate.text(estimate, notified: notified), terminator: "")
        }
    }

    static func text(_ e: DeliveryEstimate, notified: LedgerStatus?) -> String {
        var out = "Deliveries\(e.year.map { " in \($0)" } ?? ""): \(e.deliveries.count) "
        out +=
            "(\(e.deliveries.filter { $0.kind == .shipToShip }.count) STS, \(e.deliveries.filter { $0.kind == .portVisit }.count) DPRK port visits); "
        out += "capacity known for \(e.deliveries.count - e.unknownCapacity), total \(e.totalCapacity)\n"
        for s in e.scenarios {
            out += "  \(s.scenario.name) laden (\(LedgerStatus.percentText(s.scenario.fraction))): \(s.volume)"
            if let t = s.timesCap { out += " = \(String(format: "%.2f", t)) × the cap" }
            out += "\n"
        }
        if let cap = e.cap { out += "Cap: \(cap.limit) (\(cap.citation))\n" }
        if let notified {
            out +=
                "Notified by member states in \(notified.year): \(notified.total) (\(LedgerStatus.percentText(notified.fractionOfCap)) of the cap)\n"
        }
        for d in e.deliveries.prefix(20) {
            out += "  \(d.start.iso8601)  \(d.kind.rawValue)  \(d.vessels.map(\.description).joined(separator: "+"))  \(d.reason)  "
            out += d.capacity.map { "\($0.barrels) (\($0.basisName))" } ?? "capacity unknown"
            out += "\n"
        }
        return out
    }
}
