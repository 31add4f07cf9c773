import CapwatchCore
import Foundation
import TrackAnalysis

/// The JSON forms of the ledger's results (`ledger status --format json`, `ledger estimate --format json`,
/// and `ledger.json` written by `capwatch analyze`). Barrels are numbers rounded to 0.01 bbl.
enum LedgerJSON {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func bbl(_ b: Barrels) -> Double { (b.value * 100).rounded() / 100 }

    struct Cap: Encodable {
        let regime: String, resolution: String, paragraph: Int, limit_bbl: Double, limit_t: Double?, source: String
        init(_ c: PetroleumCap) {
            regime = c.regime.rawValue
            resolution = c.resolution
            paragraph = c.paragraph
            limit_bbl = c.limit.value
            limit_t = c.limitTonnes
            source = c.source
        }
    }

    struct Status: Encodable {
        struct Cell: Encodable { let state: String, period: String, barrels: Double, entries: Int }
        struct Notice: Encodable {
            let percent: Int, date: String, state: String, period: String, running_total_bbl: Double, stop: Bool, text: String
        }
        let year: Int, cap: Cap, total_bbl: Double, percent_of_cap: Double, entries: Int
        let by_supplier: [String: Double], by_month: [String: Double], table: [Cell], notices: [Notice], conditions_not_met: [Int64]
        init(_ s: LedgerStatus) {
            year = s.year
            cap = Cap(s.cap)
            total_bbl = bbl(s.total)
            percent_of_cap = (s.fractionOfCap * 10_000).rounded() / 100
            entries = s.entries.count
            by_supplier = s.totalsBySupplier.mapValues(bbl)
            by_month = Dictionary(uniqueKeysWithValues: s.totalsByMonth.map { ($0.key.description, bbl($0.value)) })
            table = s.cells.map { Cell(state: $0.state, period: $0.period.description, barrels: bbl($0.barrels), entries: $0.entries) }
            notices = s.notices.map {
                Notice(
                    percent: $0.percent, date: $0.date.description, state: $0.crossingState, period: $0.crossingPeriod.description,
                    running_total_bbl: bbl($0.runningTotal), stop: $0.isStopOrder, text: $0.text)
            }
            conditions_not_met = s.notCovered.map(\.id)
        }
    }

    struct Estimate: Encodable {
        struct Scenario: Encodable { let name: String, laden_fraction: Double, volume_bbl: Double, times_cap: Double? }
        struct DeliveryRow: Encodable {
            let kind: String, start: String, end: String?, mmsi: [UInt32], carrier: UInt32?, reason: String, port: String?
            let linked_sts_start: String?, capacity_bbl: Double?, capacity_basis: String?
        }
        struct Notified: Encodable { let year: Int, total_bbl: Double, percent_of_cap: Double }
        let year: Int?, deliveries_count: Int, sts: Int, port_visits: Int, capacity_known: Int, total_capacity_bbl: Double
        let scenarios: [Scenario], cap: Cap?, notified: Notified?, source: String, deliveries: [DeliveryRow]
        let assumptions: [String: String]
        init(_ e: DeliveryEstimate, notified n: LedgerStatus?, capacity: CapacityParameters = .standard) {
            year = e.year
            deliveries_count = e.deliveries.count
            sts = e.deliveries.filter { $0.kind == .shipToShip }.count
            port_visits = e.deliveries.filter { $0.kind == .portVisit }.count
            capacity_known = e.deliveries.count - e.unknownCapacity
            total_capacity_bbl = bbl(e.totalCapacity)
            scenarios = e.scenarios.map {
                Scenario(
                    name: $0.scenario.name, laden_fraction: $0.scenario.fraction, volume_bbl: bbl($0.volume),
                    times_cap: $0.timesCap.map { ($0 * 1000).rounded() / 1000 })
            }
            cap = e.cap.map(Cap.init)
            notified = n.map { Notified(year: $0.year, total_bbl: bbl($0.total), percent_of_cap: ($0.fractionOfCap * 10_000).rounded() / 100) }
            source = "Laden scenarios of the United States' submission to the 1718 Committee, July 2018 (one third, half, 90 %)"
            assumptions = [
                "block_coefficient": String(capacity.blockCoefficient), "deadweight_per_displacement": String(capacity.deadweightPerDisplacement),
                "seawater_density_t_m3": String(capacity.seawaterDensity), "default_product": capacity.defaultProduct.rawValue,
                "table": capacity.table.id,
            ]
            deliveries = e.deliveries.map { d in
                DeliveryRow(
                    kind: d.kind.rawValue, start: d.start.iso8601, end: d.event.end?.iso8601, mmsi: d.vessels.map(\.rawValue),
                    carrier: d.carrier?.rawValue,
                    reason: d.reason, port: d.port, linked_sts_start: d.linkedTransfer?.start.iso8601,
                    capacity_bbl: d.capacity.map { bbl($0.barrels) },
                    capacity_basis: d.capacity?.basisName)
            }
        }
    }
}

extension AnalysisReport {
    /// `ledger.json`: the illicit-volume estimate for the deliveries among this run's events, with
    /// capacities from the vessels' AIS dimensions and draught (no register, no listed vessels).
    var ledgerJSON: String {
        let identities = Dictionary(tracks.compactMap { t in t.identity.current.map { (t.mmsi, $0) } }, uniquingKeysWith: { a, _ in a })
        let estimator = DeliveryEstimator()
        let deliveries = estimator.deliveries(in: totals.deliveryCandidates, identities: identities)
        return (try? LedgerJSON.render(LedgerJSON.Estimate(estimator.estimate(deliveries, year: nil), notified: nil))) ?? "{}\n"
    }
}
