/// Reads notifications from CSV text: a header row, then one notification per row.
///
/// Columns (any order, names case-insensitive): `state,period,product,quantity,unit,received,conditions_met,notes`,
/// all required (`notes` may be empty), and optionally `parties` (separated by `;`) and `source`.
/// Fields follow RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks).
/// - `period`: `YYYY-MM`; `received`: `YYYY-MM-DD`, not before the period starts;
/// - `product`: see ``PetroleumProduct/init(parsing:)``; `unit`: see ``QuantityUnit/init(parsing:)``;
/// - `quantity`: a non-negative decimal number up to ``maximumQuantity``; blanks and thousands commas (`"22,730"`) are ignored;
/// - `conditions_met`: `true/false`, `yes/no`, `y/n`, `1/0`.
///
/// Every row is validated and converted; each problem becomes a ``LedgerError`` naming the file,
/// the line the row starts on and the field. The caller decides whether a file with errors is
/// stored (the command line stores nothing from it unless told to skip invalid rows). Pure: takes
/// text, reads no file.
public enum NotificationCSV {
    /// The largest quantity accepted in any unit, 10¹²: world oil use is about 3.5 × 10¹⁰ barrels a
    /// year, so anything above is a typing or export error (and would overflow the barrel formatting).
    public static let maximumQuantity = 1e12

    /// The required columns, in the documented order.
    public static let requiredColumns = ["state", "period", "product", "quantity", "unit", "received", "conditions_met", "notes"]

    /// One valid row.
    public struct Row: Hashable, Sendable {
        /// The 1-based line the row starts on.
        public var line: Int
        /// The notification (its ``SupplyNotification/source`` is `file:line` unless a `source` column says otherwise).
        public var notification: SupplyNotification
        /// Its barrels.
        public var converted: ConvertedQuantity
    }

    /// What a file held.
    public struct Result: Sendable {
        /// The valid rows, in file order.
        public var rows: [Row]
        /// One error per invalid field (a row may have several), in file order.
        public var errors: [LedgerError]
    }

    /// Parses and validates CSV text.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name to put in errors and sources.
    ///   - table: the table that converts tonnes.
    ///   - assumedProduct: the product assumed for tonnes of an unspecified product; nil to report those rows as errors.
    /// - Returns: the valid rows and the errors.
    /// - Throws: ``LedgerError`` (`.missingColumn`) when the header lacks a required column or the file is empty.
    public static func parse(_ text: String, file: String, table: ConversionTable = .committeeChart, assuming assumedProduct: PetroleumProduct? = nil)
        throws -> Result
    {
        let (all, unterminated) = Self.split(text)
        guard let header = all.first else { throw LedgerError(.missingColumn, file: file, line: 1, "the file is empty: expected a header row") }
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() { column[name.ledgerTrimmed.lowercased()] = column[name.ledgerTrimmed.lowercased()] ?? i }
        let missing = requiredColumns.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw LedgerError(
                .missingColumn, file: file, line: header.line,
                "missing column(s) \(missing.joined(separator: ", ")); expected \(requiredColumns.joined(separator: ","))")
        }
        var result = Result(rows: [], errors: [])
        if let unterminated {
            result.errors.append(LedgerError(.invalidField, file: file, line: unterminated, field: "row",
                                             "a quoted field of this row is not closed before the end of the file: the row is not used"))
        }
        for record in all.dropFirst() {
            if record.fields.allSatisfy({ $0.ledgerTrimmed.isEmpty }) { continue }
            var rowErrors: [LedgerError] = []
            // A value beyond the header's columns (an unquoted comma shifts every value after it):
            // refused rather than dropped. Empty trailing fields (a trailing comma) are harmless.
            if record.fields.count > header.fields.count, record.fields[header.fields.count...].contains(where: { !$0.ledgerTrimmed.isEmpty }) {
                result.errors.append(LedgerError(.invalidField, file: file, line: record.line, field: "row",
                                                 "\(record.fields.count) fields where the header has \(header.fields.count): an unquoted comma inside a value shifts the values after it; quote it"))
                continue
            }
            func value(_ name: String) -> String { column[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }?.ledgerTrimmed ?? "" }
            func fail(_ field: String, _ message: String) {
                rowErrors.append(LedgerError(.invalidField, file: file, line: record.line, field: field, message))
            }

            let state = value("state")
            if state.isEmpty { fail("state", "the supplying state is empty") }
            let period = ReportingMonth(parsing: value("period"))
            if period == nil { fail("period", "\"\(value("period"))\" is not a month YYYY-MM") }
            let product = PetroleumProduct(parsing: value("product"))
            if product == nil {
                fail(
                    "product", "\"\(value("product"))\" is not a product (gasoline, gas oil/diesel, kerosene/jet, fuel oil, LPG, crude, unspecified)")
            }
            let quantityText = value("quantity").filter { $0 != "," && $0 != " " }
            let isDecimal = !quantityText.isEmpty && quantityText.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }
            let parsed = isDecimal ? Double(quantityText).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } : nil
            let quantity = parsed.flatMap { $0 <= NotificationCSV.maximumQuantity ? $0 : nil }
            if parsed == nil {
                fail("quantity", "\"\(value("quantity"))\" is not a non-negative number")
            } else if quantity == nil {
                fail("quantity", "\"\(value("quantity"))\" is more than 10^12 (no delivery comes near that in any unit)")
            }
            let unit = QuantityUnit(parsing: value("unit"))
            if unit == nil { fail("unit", "\"\(value("unit"))\" is not a unit (bbl, t, kl)") }
            let received = CalendarDate(parsing: value("received"))
            if received == nil { fail("received", "\"\(value("received"))\" is not a date YYYY-MM-DD") }
            let conditions = parseBool(value("conditions_met"))
            if conditions == nil { fail("conditions_met", "\"\(value("conditions_met"))\" is not true/false, yes/no or 1/0") }

            if rowErrors.isEmpty, let period, let product, let quantity, let unit, let received, let conditions {
                let parties = value("parties").split(separator: ";").map { String($0) }
                let source = value("source").isEmpty ? "\(file):\(record.line)" : value("source")
                do {
                    let n = try SupplyNotification(
                        state: state, period: period, product: product, quantity: quantity, unit: unit, received: received,
                        conditionsMet: conditions, parties: parties, notes: value("notes"), source: source)
                    let converted = try table.convert(quantity, unit, product: product, assuming: assumedProduct)
                    result.rows.append(Row(line: record.line, notification: n, converted: converted))
                } catch var error as LedgerError {
                    error.file = file
                    error.line = record.line
                    rowErrors.append(error)
                } catch {
                    fail("row", "\(error)")
                }
            }
            result.errors += rowErrors
        }
        return result
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "y", "1", "t": true
        case "false", "no", "n", "0", "f": false
        default: nil
        }
    }

    /// Splits RFC 4180 text into records, each with the 1-based line it starts on. Accepts LF and CRLF;
    /// a quoted field may span lines; blank lines give no record. A quote opens a quoted field only
    /// as a field's first character; elsewhere (`5" pipe`) it is part of the value.
    /// - Parameter text: CSV text.
    /// - Returns: the records, header included.
    public static func records(_ text: String) -> [(line: Int, fields: [String])] { split(text).records }

    /// ``records(_:)`` and, when the text ends inside a quoted field, the line where that field's
    /// record starts (that last record is then left out of `records`).
    public static func split(_ text: String) -> (records: [(line: Int, fields: [String])], unterminatedQuoteLine: Int?) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var sawAnything = false
        var fieldStarted = false  // a quote opens a quoted field only as the field's first character
        var chars = text.makeIterator()
        var pending: Character? = chars.next()
        while let c = pending {
            pending = chars.next()
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = chars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                sawAnything = true
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = false
                sawAnything = true
            case "\n", "\r\n", "\r":
                if sawAnything || !field.isEmpty {
                    fields.append(field)
                    records.append((recordLine, fields))
                }
                fields = []
                field = ""
                fieldStarted = false
                sawAnything = false
                line += 1
                recordLine = line
            default:  // a quote inside an unquoted value (5" pipe) is kept as a character
                field.append(c)
                fieldStarted = true
                sawAnything = true
            }
        }
        if inQuotes { return (records, recordLine) }
        if sawAnything || !field.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return (records, nil)
    }
}
