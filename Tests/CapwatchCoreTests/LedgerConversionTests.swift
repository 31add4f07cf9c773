import CapwatchCore
import Testing

@Suite("Ledger conversion tables")
struct LedgerConversionTests {
    /// The chart's confirmed LPG row: t→bbl ×11.6 (REGIME.md §2).
    @Test func committeeChartLPG() throws {
        let c = try ConversionTable.committeeChart.convert(1_000, .metricTonnes, product: .lpg)
        #expect(c.barrels == 11_600 && c.tableID == "committee-chart")
    }

    /// Barrels are kept as notified, never recomputed; the method records it.
    @Test func barrelsKept() throws {
        let c = try ConversionTable.unEnergyYearbook.convert(4_893, .barrels, product: .gasoline)
        #expect(c.barrels == 4_893 && c.method == .asNotified)
    }

    /// Each table gives its own figure for the same tonnes, and says which table it was.
    @Test(arguments: [("committee-chart", 7.5), ("bp-2021", 7.46), ("un-energy-yearbook", 7.23)])
    func gasOilPerTable(id: String, factor: Double) throws {
        let table = try #require(ConversionTable.named(id))
        let c = try table.convert(2_612, .metricTonnes, product: .gasOil)
        #expect(c.barrels.value == 2_612 * factor)
        #expect(c.method == .table(id: id, factor: factor, assumedProduct: nil))
    }

    /// Kilolitres by volume: 1 bbl = 0.158987294928 m³.
    @Test func kilolitres() throws {
        let c = try ConversionTable.committeeChart.convert(158.987294928, .kilolitres, product: .unspecified)
        #expect(abs(c.barrels.value - 1_000) < 1e-9 && c.tableID == "volume")
    }

    /// Tonnes of an unspecified product need an explicit assumption, which is recorded.
    @Test func unspecifiedNeedsAssumption() throws {
        #expect(throws: LedgerError.self) { try ConversionTable.committeeChart.convert(100, .metricTonnes, product: .unspecified) }
        let c = try ConversionTable.committeeChart.convert(100, .metricTonnes, product: .unspecified, assuming: .gasOil)
        #expect(c.method == .table(id: "committee-chart", factor: 7.5, assumedProduct: .gasOil))
    }
}
