import CapwatchCore
import Testing

@Suite("Notification CSV")
struct LedgerCSVTests {
    @Test func validFile() throws {
        let text = """
            state,period,product,quantity,unit,received,conditions_met,notes,parties
            China,2021-03,gasoline,4893,bbl,2021-04-28,true,"published as 587.4 t, kept in barrels",
            Russian Federation,2019-08,diesel,"2,612",t,2019-09-30,yes,,"Vessel A; Company B"\r
            """
        let r = try NotificationCSV.parse(text, file: "n.csv")
        #expect(r.errors.isEmpty)
        #expect(r.rows.count == 2)
        #expect(r.rows[0].notification.notes == "published as 587.4 t, kept in barrels" && r.rows[0].converted.barrels == 4_893)
        #expect(r.rows[1].line == 3 && r.rows[1].notification.quantity == 2_612 && r.rows[1].notification.product == .gasOil)
        #expect(r.rows[1].notification.parties == ["Vessel A", "Company B"] && r.rows[1].notification.source == "n.csv:3")
        #expect(r.rows[1].converted.barrels == 19_590)
    }

    /// Errors name the file, the line the row starts on and the field.
    @Test func errorsNameFileLineAndField() throws {
        let text = """
            state,period,product,quantity,unit,received,conditions_met,notes
            China,2019-13,gasoline,100,bbl,2019-09-30,true,"a note
            over two lines"
            ,2019-08,diesel,-5,gallons,2019-07-01,maybe,
            Russia,2019-08,unspecified,10,t,2019-09-30,true,
            """
        let r = try NotificationCSV.parse(text, file: "bad.csv")
        #expect(r.rows.isEmpty)
        let described = r.errors.map(\.description)
        #expect(described.contains { $0.hasPrefix("bad.csv:2: period: ") })
        for field in ["state", "quantity", "unit", "conditions_met"] {
            #expect(described.contains { $0.hasPrefix("bad.csv:4: \(field): ") }, "\(field)")
        }
        #expect(described.contains { $0.hasPrefix("bad.csv:5: product: ") })  // tonnes of an unspecified product
        // With an assumption the last row converts.
        let assumed = try NotificationCSV.parse(text, file: "bad.csv", assuming: .gasOil)
        #expect(assumed.rows.map(\.line) == [5])
    }

    @Test("a row with a value beyond the header's columns, and a quote left open at the end, are refused by line")
    func extraFieldAndOpenQuote() throws {
        // Line 2: "4,893" unquoted splits into 4 and 893 — one value too many for the 8 columns.
        // Line 3: a trailing comma (an empty 9th field) is harmless. Line 4: a quote never closed.
        let text = """
            state,period,product,quantity,unit,received,conditions_met,notes
            China,2021-03,gasoline,4,893,bbl,2021-04-28,true,note
            China,2021-04,gasoline,100,bbl,2021-05-28,true,note,
            China,2021-05,"gasoline,100,bbl,2021-06-28,true,note
            """
        let r = try NotificationCSV.parse(text, file: "x.csv")
        #expect(r.rows.map(\.line) == [3])
        let described = r.errors.map(\.description)
        #expect(described.contains { $0.hasPrefix("x.csv:2: row: 9 fields where the header has 8") }, "\(described)")
        #expect(described.contains { $0.hasPrefix("x.csv:4: row: a quoted field of this row is not closed") }, "\(described)")
        #expect(r.errors.count == 2)
    }

    @Test("a quote inside an unquoted value is a character, not the start of a quoted field")
    func quoteInsideValue() throws {
        // Without the rule, the quote in 5" would open a field that swallows rows 3 and 4.
        let text = """
            state,period,product,quantity,unit,received,conditions_met,notes
            China,2021-03,gasoline,100,bbl,2021-04-28,true,5" pipe
            China,2021-04,gasoline,200,bbl,2021-05-28,true,
            China,2021-05,gasoline,300,bbl,2021-06-28,true,
            """
        let r = try NotificationCSV.parse(text, file: "q.csv")
        #expect(r.errors.isEmpty)
        #expect(r.rows.map(\.line) == [2, 3, 4])
        #expect(r.rows[0].notification.notes == "5\" pipe")
    }

    @Test func missingColumn() {
        #expect(throws: LedgerError.self) { try NotificationCSV.parse("state,period\nChina,2019-01\n", file: "h.csv") }
    }

    @Test func receivedBeforePeriod() throws {
        let r = try NotificationCSV.parse(
            "state,period,product,quantity,unit,received,conditions_met,notes\nChina,2019-08,lpg,1,t,2019-07-31,true,\n",
            file: "d.csv")
        #expect(r.errors.map(\.description) == ["d.csv:2: received: 2019-07-31 is before the period 2019-08 it reports"])
    }
}
