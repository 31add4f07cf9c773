import ArgumentParser
import CapwatchCore
import CapwatchStore
import Foundation

/// `capwatch ledger …`: the cap ledger — notifications against the 500,000-barrel cap, threshold
/// notices, and the illicit-volume estimate from detected deliveries.
struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The cap ledger: notified deliveries against the cap (res. 2397 para 5), threshold notices, illicit-volume estimate.",
        subcommands: [LedgerImport.self, LedgerAdd.self, LedgerCorrect.self, LedgerStatusCommand.self, LedgerEstimate.self]
    )
}

/// Options shared by the ledger subcommands.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger database (SQLite).")
    var db = "capwatch.db"

    @Option(help: "Conversion table for tonnes: committee-chart, bp-2021 or un-energy-yearbook.")
    var table = ConversionTable.committeeChart.id

    @Option(help: "Product assumed when converting tonnes of an unspecified product (the Committee's rule is not known); none by default.")
    var assumeProduct: String?

    @Option(help: "Who records the entries (default: $USER).")
    var recordedBy: String?

    func validate() throws {
        guard ConversionTable.named(table) != nil else {
            throw ValidationError("--table must be one of \(ConversionTable.all.map(\.id).joined(separator: ", ")).")
        }
        if let assumeProduct, PetroleumProduct(parsing: assumeProduct) == nil {
            throw ValidationError("--assume-product: unknown product \"\(assumeProduct)\".")
        }
    }

    var conversionTable: ConversionTable { ConversionTable.named(table) ?? .committeeChart }
    var assumedProduct: PetroleumProduct? { assumeProduct.flatMap(PetroleumProduct.init(parsing:)) }
    var recorder: String { recordedBy ?? ProcessInfo.processInfo.environment["USER"] ?? "capwatch" }

    /// Opens (creating) the database.
    func open() throws -> CapwatchDatabase {
        do { return try CapwatchDatabase(path: db) } catch { throw CapwatchCLIError("\(db): cannot open the ledger database: \(error)") }
    }

    /// Opens the database for a command that only reads: a missing file is an error (a mistyped
    /// `--db` must not look like an empty ledger), not a new empty database.
    func openExisting() throws -> CapwatchDatabase {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CapwatchCLIError("\(db): no such database (give --db with the file `capwatch ledger import` wrote)")
        }
        return try open()
    }

    /// The clock, read here at the edge.
    static var now: Timestamp { Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded())) }
}

/// `capwatch ledger import FILE.csv [--skip-invalid]`.
struct LedgerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import notifications from CSV (state,period,product,quantity,unit,received,conditions_met,notes[,parties,source]).",
        discussion: "Every row is validated; errors name file, line and field. A file with errors stores nothing unless --skip-invalid."
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(help: "Store the valid rows of a file that has errors (the errors are still printed).")
    var skipInvalid = false

    @OptionGroup var options: LedgerOptions

    func run() throws {
        let text = try InputFile.readText(file)
        let parsed: NotificationCSV.Result
        do {
            parsed = try NotificationCSV.parse(text, file: file, table: options.conversionTable, assuming: options.assumedProduct)
        } catch let error as LedgerError {
            throw CapwatchCLIError(error.description)
        }
        let db = try options.open()
        do {
            let stored = try db.importNotifications(parsed, skipInvalid: skipInvalid, recordedBy: options.recorder, at: LedgerOptions.now)
            for e in parsed.errors { FileHandle.standardError.write(Data("\(e)\n".utf8)) }
            print(
                "\(file): \(stored.count) notification(s) stored" + (parsed.errors.isEmpty ? "" : ", \(parsed.errors.count) error(s) skipped")
                    + " (ids \(stored.first.map { String($0.id) } ?? "-")–\(stored.last.map { String($0.id) } ?? "-"))")
        } catch let rejected as LedgerImportRejected {
            throw CapwatchCLIError(rejected.description)
        }
    }
}

/// The fields of one notification given as options (`ledger add`, `ledger correct`).
struct NotificationOptions: ParsableArguments {
    @Option(help: "Supplying state, as in the Committee's table.") var state: String
    @Option(help: "Month of the supply, YYYY-MM.") var period: String
    @Option(help: "gasoline, gas-oil (diesel), kerosene (jet), fuel-oil, lpg, crude, unspecified.") var product: String
    @Option(help: "Amount in --unit (non-negative).") var quantity: Double
    @Option(help: "bbl, t or kl.") var unit: String
    @Option(help: "Date received by the Committee, YYYY-MM-DD.") var received: String
    @Option(help: "Conditions of the allowance met: true or false.") var conditionsMet = "true"
    @Option(help: "A party to the transaction (repeatable).") var party: [String] = []
    @Option(help: "Notes.") var notes = ""
    @Option(help: "Source of the figure.") var source = "command line"

    /// The validated notification and its barrels.
    func build(_ ledger: LedgerOptions) throws -> (SupplyNotification, ConvertedQuantity) {
        guard let p = ReportingMonth(parsing: period) else { throw ValidationError("--period: \"\(period)\" is not YYYY-MM.") }
        guard let prod = PetroleumProduct(parsing: product) else { throw ValidationError("--product: unknown product \"\(product)\".") }
        guard let u = QuantityUnit(parsing: unit) else { throw ValidationError("--unit: \"\(unit)\" is not bbl, t or kl.") }
        guard let r = CalendarDate(parsing: received) else { throw ValidationError("--received: \"\(received)\" is not YYYY-MM-DD.") }
        guard let c = NotificationOptions.bool(conditionsMet) else {
            throw ValidationError("--conditions-met: \"\(conditionsMet)\" is not true or false.")
        }
        do {
            let n = try SupplyNotification(
                state: state, period: p, product: prod, quantity: quantity, unit: u, received: r, conditionsMet: c,
                parties: party, notes: notes, source: source)
            return (n, try ledger.conversionTable.convert(quantity, u, product: prod, assuming: ledger.assumedProduct))
        } catch let error as LedgerError {
            throw ValidationError("--\(error.field ?? "notification"): \(error.message)")
        }
    }

    static func bool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "yes", "y", "1": true
        case "false", "no", "n", "0": false
        default: nil
        }
    }
}

/// `capwatch ledger add --state … --period … …`: one notification.
struct LedgerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record one notification.")

    @OptionGroup var fields: NotificationOptions
    @OptionGroup var options: LedgerOptions

    func run() throws {
        let (n, converted) = try fields.build(options)
        let entry = try options.open().saveNotification(n, converted: converted, recordedBy: options.recorder, at: LedgerOptions.now)
        print(
            "stored notification \(entry.id): \(n.state) \(n.period) \(n.product.label) \(n.quantity.formatted()) \(n.unit) = \(entry.barrels) (\(converted.tableID))"
        )
    }
}

/// `capwatch ledger correct ID --reason … --state … …`: a correction that supersedes entry ID.
struct LedgerCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", abstract: "Record a correction: a new entry that supersedes entry ID (which stays unchanged).")

    @Argument(help: "The entry to supersede.") var id: Int64
    @Option(help: "Why the entry is corrected.") var reason: String
    @OptionGroup var fields: NotificationOptions
    @OptionGroup var options: LedgerOptions

    func run() throws {
        let (n, converted) = try fields.build(options)
        do {
            let entry = try options.open().correctNotification(
                id, with: n, converted: converted, reason: reason, recordedBy: options.recorder,
                at: LedgerOptions.now)
            print("stored correction \(entry.id) superseding \(id): \(entry.barrels)")
        } catch let error as LedgerError {
            throw CapwatchCLIError("\(options.db): \(error)")
        }
    }
}
