import CapwatchCore

/// Builds ledger entries for tests: a notification converted with the Committee's chart.
enum LedgerFixture {
    static func entry(
        _ id: Int64, _ state: String, _ period: String, _ quantity: Double, _ unit: QuantityUnit, product: PetroleumProduct = .gasOil,
        received: String, conditionsMet: Bool = true, supersedes: Int64? = nil
    ) throws -> LedgerEntry {
        let n = try SupplyNotification(
            state: state, period: ReportingMonth(parsing: period)!, product: product, quantity: quantity, unit: unit,
            received: CalendarDate(parsing: received)!, conditionsMet: conditionsMet)
        return LedgerEntry(
            id: id, notification: n, converted: try ConversionTable.committeeChart.convert(quantity, unit, product: product),
            recordedAt: Timestamp(secondsSince1970: 1_600_000_000 + id), recordedBy: "test", supersedes: supersedes)
    }
}
