import CapwatchCore
import CapwatchStore
import GRDB
import Testing

@Suite("Ledger store")
struct LedgerStoreTests {
    let now = Timestamp(iso8601: "2020-02-21T09:00:00Z")!
    let header = "state,period,product,quantity,unit,received,conditions_met,notes\n"

    /// 2019 as notified (Korea Herald/Yonhap, 21 Feb 2020), imported and read back: the status is computed
    /// from the stored rows, with the table that converted each figure.
    @Test func import2019AndStatus() throws {
        let db = try CapwatchDatabase.inMemory()
        let csv =
            header
            + "China,2019-12,gas oil,22730,t,2020-01-30,true,annual total\nRussian Federation,2019-12,diesel,30180,t,2020-01-30,true,annual total\n"
        let stored = try db.importNotifications(try NotificationCSV.parse(csv, file: "2019.csv"), recordedBy: "analyst", at: now)
        #expect(stored.map(\.id) == [1, 2])
        let back = try db.ledgerEntries()
        #expect(back == stored)
        #expect(back[0].converted.method == .table(id: "committee-chart", factor: 7.5, assumedProduct: nil))
        let status = try #require(LedgerStatus(year: 2019, entries: back))
        #expect(abs(status.total.value - 396_825) < 0.5 && status.issued(0.75) && !status.issued(0.90))
    }

    /// A file with one bad row stores nothing; with skip-invalid its valid rows are stored.
    @Test func fileWithErrorsStoresNothing() throws {
        let db = try CapwatchDatabase.inMemory()
        let csv = header + "China,2018-01,gasoline,570,t,2018-02-28,true,\nRussia,2018-02,diesel,lots,t,2018-03-30,true,\n"
        let parsed = try NotificationCSV.parse(csv, file: "jan-apr.csv")
        let error = try #require(throws: LedgerImportRejected.self) { try db.importNotifications(parsed, recordedBy: "analyst", at: now) }
        #expect(error.errors.map(\.description) == [#"jan-apr.csv:3: quantity: "lots" is not a non-negative number"#])
        #expect(try db.ledgerEntries().isEmpty)
        let stored = try db.importNotifications(parsed, skipInvalid: true, recordedBy: "analyst", at: now)
        #expect(stored.count == 1 && stored[0].notification.source == "jan-apr.csv:2")
    }

    /// A correction is a new entry that supersedes the original, with who, when and why; the original row is
    /// unchanged, cannot be updated or deleted, and cannot be superseded twice.
    @Test func correctionSupersedes() throws {
        let db = try CapwatchDatabase.inMemory()
        let original = try SupplyNotification(
            state: "China", period: ReportingMonth(year: 2020, month: 7)!, product: .gasoline, quantity: 1_498,
            unit: .metricTonnes, received: CalendarDate(year: 2020, month: 8, day: 28)!, conditionsMet: true)
        let first = try db.saveNotification(
            original, converted: try ConversionTable.committeeChart.convert(1_498, .metricTonnes, product: .gasoline),
            recordedBy: "analyst", at: now)
        var fixed = original
        fixed.quantity = 12_479
        fixed.unit = .barrels
        let later = now.adding(seconds: 3_600)
        let correction = try db.correctNotification(
            first.id, with: fixed,
            converted: try ConversionTable.committeeChart.convert(12_479, .barrels, product: .gasoline),
            reason: "Committee table gives 12,479 bbl", recordedBy: "reviewer", at: later)
        #expect(correction.supersedes == first.id && correction.recordedBy == "reviewer" && correction.recordedAt == later)
        let all = try db.ledgerEntries()
        #expect(all.count == 2 && all[0] == first)  // the original is unchanged
        #expect(LedgerEntry.effective(all).map(\.id) == [correction.id])
        #expect(all[1].converted.method == .asNotified && all[1].barrels == 12_479 && all[1].reason == "Committee table gives 12,479 bbl")

        #expect(throws: LedgerError.self) {
            try db.correctNotification(first.id, with: fixed, converted: correction.converted, reason: "again", recordedBy: "x", at: later)
        }
        #expect(throws: LedgerError.self) {
            try db.correctNotification(99, with: fixed, converted: correction.converted, reason: "none", recordedBy: "x", at: later)
        }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE notification SET quantity = 1 WHERE id = 1") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM notification WHERE id = 1") } }
        #expect(try db.ledgerEntry(1) == first)
    }

    /// The schema refuses what the model would: barrels recomputed, a negative quantity, an unknown product, month 13.
    @Test func schemaConstraints() throws {
        let db = try CapwatchDatabase.inMemory()
        func insert(_ values: String) throws {
            try db.writer.write {
                try $0.execute(
                    sql: """
                        INSERT INTO notification (state, period, product, quantity, unit, received, conditions_met, barrels, conversion_table,
                            conversion_factor, recorded_at, recorded_by) VALUES \(values)
                        """)
            }
        }
        try insert("('China', '2019-01', 'gasoline', 100, 'bbl', '2019-02-01', 1, 100, 'as-notified', NULL, '2020-01-01T00:00:00Z', 'a')")
        #expect(throws: DatabaseError.self) {
            try insert("('China', '2019-01', 'gasoline', 100, 'bbl', '2019-02-01', 1, 101, 'as-notified', NULL, '2020-01-01T00:00:00Z', 'a')")
        }
        #expect(throws: DatabaseError.self) {
            try insert("('China', '2019-01', 'gasoline', -1, 't', '2019-02-01', 1, 0, 'committee-chart', 8.5, '2020-01-01T00:00:00Z', 'a')")
        }
        #expect(throws: DatabaseError.self) {
            try insert("('China', '2019-01', 'naphtha', 1, 't', '2019-02-01', 1, 8.5, 'committee-chart', 8.5, '2020-01-01T00:00:00Z', 'a')")
        }
        #expect(throws: DatabaseError.self) {
            try insert("('China', '2019-13', 'gasoline', 1, 't', '2020-02-01', 1, 8.5, 'committee-chart', 8.5, '2020-01-01T00:00:00Z', 'a')")
        }
    }

    @Test func vesselsAndEvents() throws {
        let db = try CapwatchDatabase.inMemory()
        let imo = IMONumber(rawValue: 9_074_729)!
        try db.saveVessels([RegisteredVessel(imo: imo, deadweightTonnes: 3_000, product: .gasOil, source: "register.csv")])
        #expect(try db.registeredVessels()[imo]?.deadweightTonnes == 3_000)
        let t = Timestamp(iso8601: "2019-03-01T00:00:00Z")!
        let e = Event(
            kind: .encounter, mmsi: [MMSI(445_000_001)!, MMSI(353_000_001)!], start: t, end: t.adding(seconds: 7_200),
            position: GeoPoint(latitude: 29, longitude: 123.5), parameters: ["max_distance_m": 500], evidence: ["duration_h": 2.0])
        #expect(try db.recordEvents([e, e]) == 1)
        let back = try db.events()
        #expect(back.count == 1 && back[0].mmsi == e.mmsi && back[0].start == t && back[0].evidence["duration_h"]?.doubleValue == 2)
    }
}
