import CapwatchCore
import Testing

@Suite("Ledger status: caps and threshold notices")
struct LedgerStatusTests {
    /// 2019 as notified: China 22,730 t and Russia 30,180 t (Korea Herald/Yonhap, 21 Feb 2020), which the
    /// press put at about 418,000 bbl, about 83 % of the cap. The product split was not published, and the
    /// 52,910 t imply 7.90 bbl/t, between the chart's gas oil (7.5) and gasoline (8.5): all gas oil gives
    /// 396,825 bbl (79.4 %), all kerosene 412,698 bbl (82.5 %), all gasoline 449,735 bbl (89.9 %). Whatever
    /// the mix of those products, the 75 % notice is issued on receipt and the 90 % notice is not.
    @Test(arguments: [(PetroleumProduct.gasOil, 396_825.0), (.kerosene, 412_698.0), (.gasoline, 449_735.0)])
    func year2019AsNotified(product: PetroleumProduct, expected: Double) throws {
        let entries = [
            try LedgerFixture.entry(1, "China", "2019-12", 22_730, .metricTonnes, product: product, received: "2020-01-30"),
            try LedgerFixture.entry(2, "Russian Federation", "2019-12", 30_180, .metricTonnes, product: product, received: "2020-01-30"),
        ]
        let status = try #require(LedgerStatus(year: 2019, entries: entries))
        #expect(status.cap.limit == 500_000 && status.cap.paragraph == 5 && status.cap.resolution == "S/RES/2397 (2017)")
        #expect(abs(status.total.value - expected) < 0.5)
        #expect(abs(status.total.value - 418_000) / 418_000 < 0.08)  // "about 418,000 bbl"
        #expect(status.fractionOfCap > 0.75 && status.fractionOfCap < 0.90)  // "about 83 %"
        #expect(status.issued(0.75) && !status.issued(0.90))
        #expect(status.notices.count == 1 && status.notices[0].date == CalendarDate(year: 2020, month: 1, day: 30))
        #expect(status.suppliers == ["China", "Russian Federation"])
        #expect(abs(status.totalsBySupplier["China"]!.value - 22_730 * ConversionTable.committeeChart.barrelsPerTonne[product]!) < 0.5)
    }

    /// The published 2019 total itself, about 418,000 bbl (the Committee publishes barrels): 83.6 % of the
    /// cap, 75 % notice issued, 90 % not; it lies between the all-gas-oil and all-gasoline readings of the tonnes.
    @Test func year2019PublishedBarrels() throws {
        let status = try #require(
            LedgerStatus(
                year: 2019,
                entries: [
                    try LedgerFixture.entry(1, "China and Russian Federation", "2019-12", 418_000, .barrels, received: "2020-01-30")
                ]))
        #expect(abs(status.fractionOfCap - 0.836) < 1e-9 && LedgerStatus.percentText(status.fractionOfCap) == "83.6 %")
        #expect(status.issued(0.75) && !status.issued(0.90))
        let chart = ConversionTable.committeeChart.barrelsPerTonne
        #expect(52_910 * chart[.gasOil]! < 418_000 && 418_000 < 52_910 * chart[.gasoline]!)
    }

    /// A month that takes the total past 100 % issues the stop notice, dated with that notification's receipt.
    @Test func stopNoticeAtTheCap() throws {
        let entries = [
            try LedgerFixture.entry(1, "China", "2018-01", 200_000, .barrels, received: "2018-02-28"),
            try LedgerFixture.entry(2, "Russian Federation", "2018-02", 190_000, .barrels, received: "2018-03-30"),
            try LedgerFixture.entry(3, "China", "2018-03", 120_000, .barrels, received: "2018-04-30"),
        ]
        let status = try #require(LedgerStatus(year: 2018, entries: entries))
        #expect(status.notices.map(\.percent) == [75, 90, 95, 100])
        #expect(status.notices[0].date == CalendarDate(year: 2018, month: 3, day: 30) && !status.notices[0].isStopOrder)
        let stop = try #require(status.notices.last)
        #expect(stop.isStopOrder && stop.date == CalendarDate(year: 2018, month: 4, day: 30))
        #expect(stop.crossingPeriod == ReportingMonth(year: 2018, month: 3) && stop.crossingState == "China")
        #expect(stop.text.contains("immediately cease") && stop.text.contains("remainder of 2018") && stop.text.contains("res. 2397 (2017) para 5"))
        #expect(!status.notices[1].text.contains("cease"))
        #expect(status.totalsByMonth[ReportingMonth(year: 2018, month: 3)!] == 120_000)
    }

    /// A correction replaces the superseded entry in the totals; a supply whose conditions were not met
    /// still counts toward the aggregate and is listed as not covered.
    @Test func correctionsAndConditions() throws {
        let entries = [
            try LedgerFixture.entry(1, "China", "2018-01", 4_470, .metricTonnes, received: "2018-02-28"),
            try LedgerFixture.entry(2, "China", "2018-01", 4_000, .metricTonnes, received: "2018-03-05", supersedes: 1),
            try LedgerFixture.entry(3, "Russian Federation", "2018-02", 1_000, .barrels, received: "2018-03-10", conditionsMet: false),
        ]
        let status = try #require(LedgerStatus(year: 2018, entries: entries))
        #expect(status.entries.map(\.id) == [2, 3])
        #expect(status.total == Barrels(4_000 * 7.5 + 1_000))
        #expect(status.notCovered.map(\.id) == [3])
    }

    /// Caps as data: 2017 Q4 is 500,000 bbl under res. 2375; the 2,000,000 bbl of res. 2375 for 2018 is
    /// superseded by res. 2397 para 5; crude is 4,000,000 bbl or 525,000 t (res. 2397 para 4).
    @Test func capSchedule() throws {
        let s = CapSchedule.securityCouncil
        let q4 = try #require(s.cap(for: .refinedProducts, year: 2017))
        #expect(
            q4.limit == 500_000 && q4.resolution.contains("2375") && q4.window(year: 2017)!.lowerBound == CalendarDate(year: 2017, month: 10, day: 1))
        #expect(s.cap(for: .refinedProducts, year: 2016) == nil)
        let y2020 = try #require(s.cap(for: .refinedProducts, year: 2020))
        #expect(y2020.limit == 500_000 && y2020.citation == "res. 2397 (2017) para 5")
        #expect(s.caps.contains { $0.limit == 2_000_000 && $0.supersededBy == "S/RES/2397 (2017) para 5" })
        let crude = try #require(s.cap(for: .crudeOil, year: 2019))
        #expect(crude.limit == 4_000_000 && crude.limitTonnes == 525_000 && crude.paragraph == 4)
        // A 2017 Q4 notification counts against the Q4 cap; one from September 2017 does not.
        let status = try #require(
            LedgerStatus(
                year: 2017,
                entries: [
                    try LedgerFixture.entry(1, "China", "2017-09", 100_000, .barrels, received: "2017-10-10"),
                    try LedgerFixture.entry(2, "China", "2017-11", 400_000, .barrels, received: "2017-12-10"),
                ]))
        #expect(status.total == 400_000 && status.issued(0.75) && !status.issued(0.90))
    }
}
