import ArgumentParser
import CapwatchCore
import Foundation
import SanctionsScreening

/// `capwatch screen "NAME" | --file QUERIES.csv [--kind …] [--imo N] [--mmsi N] [--threshold T] [--lists DIR]`:
/// screens names and identifiers against the UN and OFAC lists, every match with its reasons.
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a name, IMO number, MMSI or call sign against the UN and OFAC sanctions lists.",
        discussion: """
            A query like `IMO 8661850` or a bare 7-digit number is a ship IMO number (check digit \
            validated), a 9-digit number an MMSI, anything else a name (matched across romanisations, \
            joined or split syllables, word order, vessel prefixes and company forms; numbers must agree). \
            With --file, the CSV needs a `query` column (optional `kind`, and `expected_list_id` for \
            --evaluate). Lists: --lists DIR, else $CAPWATCH_LISTS, else Data/sanctions in the current \
            directory or above the executable (the copies shipped in the repository). DIR holds \
            un/consolidated.xml and ofac/{sdn,alt,add,sdn_comments}.csv (and optional ofac/list-date.txt).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: "The name (or IMO/MMSI) to screen.")
    var query: String?

    @Option(help: "Only entries of this kind: vessel, entity, person, aircraft.")
    var kind: ListedEntry.Kind?

    @Option(help: "A ship IMO number (with or without the IMO prefix).")
    var imo: String?

    @Option(help: "An MMSI.")
    var mmsi: Int?

    @Option(help: "A radio call sign.")
    var callSign: String?

    @Option(help: "Minimum score, 0…1.")
    var threshold = ScreeningQuery.defaultThreshold

    @Option(help: "At most this many matches per query.")
    var limit = 10

    @Option(help: "CSV of queries (a `query` column, optional `kind`).")
    var file: String?

    @Option(help: "Output: text (default for one query), csv (default for --file), json.")
    var format: Format?

    @Option(help: "Directory of list files (default: see discussion).")
    var lists: String?

    @Flag(help: "With --file: compare top matches with the `expected_list_id` column and print precision, recall, F1 and misses.")
    var evaluate = false

    @Option(help: "Time N passes over the --file queries (default: the examples) and print queries/s and the list load time.")
    var bench: Int?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1.") }
        let name = query?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.isEmpty, imo == nil, mmsi == nil, callSign == nil {
            throw ValidationError("The name to screen is empty: give a NAME, --imo, --mmsi or --call-sign.")
        }
        if bench == nil, file == nil, query == nil, imo == nil, mmsi == nil, callSign == nil {
            throw ValidationError("Give a NAME, --imo, --mmsi, --call-sign or --file.")
        }
        if let imo, IMONumber(parsing: imo) == nil { throw ValidationError("--imo: \(imo) is not an IMO number.") }
        if let imo, let number = IMONumber(parsing: imo), !number.isValid {
            throw ValidationError("--imo: \(imo) fails the IMO check digit (resolution A.1117(30)); a ship's IMO number always passes it.")
        }
        if let mmsi, MMSI(mmsi) == nil { throw ValidationError("--mmsi: \(mmsi) is not an MMSI.") }
    }

    func run() throws {
        // A bad query file is reported before the lists are loaded (a second or so).
        let fileRows = try file.map(Screen.readQueries)
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let index = try Screen.loadIndex(lists)
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        let screener = Screener(index: index)
        if let passes = bench {
            try runBench(screener: screener, rows: fileRows, passes: max(1, passes), loadSeconds: loadSeconds)
            return
        }
        if let rows = fileRows {
            if evaluate {
                let examples = rows.map {
                    ScreeningEvaluation.Example(query: $0.query, kind: $0.kind, expected: Set($0.expected.split(separator: "|").map(String.init)))
                }
                let e = ScreeningEvaluation(examples: examples, screener: screener, threshold: threshold)
                var out = String(format: "queries %d  TP %d  FP %d  FN %d  TN %d\nprecision %.3f  recall %.3f  F1 %.3f\n", rows.count, e.truePositives, e.falsePositives, e.falseNegatives, e.trueNegatives, e.precision, e.recall, e.f1)
                for m in e.misses { out += "miss: \(m)\n" }
                try ByteOutput.standardOutput.write(out)
                return
            }
            let results = rows.map { row in
                (row.query, screener.screen(ScreeningQuery(text: row.query, kind: row.kind ?? kind, threshold: threshold, limit: limit)))
            }
            try ByteOutput.standardOutput.write(format == .json ? Screen.json(results) : Screen.csv(results))
            return
        }
        var q = query.map { ScreeningQuery(text: $0, kind: kind, threshold: threshold, limit: limit) } ?? ScreeningQuery(kind: kind, threshold: threshold, limit: limit)
        if let imo { q.imo = IMONumber(parsing: imo) }
        if let mmsi { q.mmsi = MMSI(mmsi) }
        if let callSign { q.callSign = callSign }
        let label = query ?? [q.imo.map { "IMO \($0)" }, mmsi.map { "MMSI \($0)" }, callSign].compactMap { $0 }.joined(separator: " ")
        let matches = screener.screen(q)
        switch format ?? .text {
        case .csv: try ByteOutput.standardOutput.write(Screen.csv([(label, matches)]))
        case .json: try ByteOutput.standardOutput.write(Screen.json([(label, matches)]))
        case .text: try ByteOutput.standardOutput.write(Screen.text(label, matches, versions: index.versions))
        }
    }

    private func runBench(screener: Screener, rows: [QueryRow]?, passes: Int, loadSeconds: Double) throws {
        let queries = try rows ?? Screen.readQueries(Screen.examplesPath(lists))
        let prepared = queries.map { ScreeningQuery(text: $0.query, kind: $0.kind, threshold: threshold, limit: limit) }
        var sink = 0
        for q in prepared { sink &+= screener.screen(q).count }  // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<passes {
            for q in prepared { sink &+= screener.screen(q).count }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let n = passes * prepared.count
        let line = String(
            format: "lists: %d entries, %d names, loaded and indexed in %.3f s\nscreened %d queries (%d passes × %d) in %.3f s: %.0f queries/s single thread (matches %d)\n",
            screener.index.entries.count, screener.index.nameCount, loadSeconds, n, passes, prepared.count, seconds, Double(n) / seconds, sink
        )
        try ByteOutput.standardOutput.write(line)
    }

    // MARK: - Lists

    /// The list directory: `--lists`, else `$CAPWATCH_LISTS`, else `Data/sanctions` in the current
    /// directory or in a parent of the executable's directory (so `.build/release/capwatch` run
    /// from anywhere finds the repository's copies).
    static func listsDirectory(_ option: String?) throws -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["CAPWATCH_LISTS"], !env.isEmpty { return env }
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates {
            let path = (c as NSString).appendingPathComponent("Data/sanctions")
            if fm.fileExists(atPath: (path as NSString).appendingPathComponent("ofac/sdn.csv"))
                || fm.fileExists(atPath: (path as NSString).appendingPathComponent("un/consolidated.xml"))
            {
                return path
            }
        }
        throw CapwatchCLIError("no sanctions lists found: give --lists DIR (with un/consolidated.xml and ofac/sdn.csv) or set CAPWATCH_LISTS")
    }

    /// Reads the list files from the directory and builds the index.
    /// - Throws: ``CapwatchCLIError`` naming the directory when it does not exist or holds neither
    ///   list, or the file that could not be read or parsed.
    static func loadIndex(_ option: String?) throws -> ScreeningIndex {
        let dir = try listsDirectory(option)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CapwatchCLIError("\(dir): no such directory (the lists directory holds un/consolidated.xml and ofac/sdn.csv)")
        }
        func read(_ relative: String, required: Bool = false) throws -> Data? {
            let path = (dir as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: path) else {
                if required { throw CapwatchCLIError("\(path): missing") }
                return nil
            }
            do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw CapwatchCLIError("\(path): cannot read: \(error.localizedDescription)")
            }
        }
        var set = SanctionsListSet()
        set.unConsolidated = try read("un/consolidated.xml")
        set.ofacSDN = try read("ofac/sdn.csv")
        set.ofacAlt = try read("ofac/alt.csv")
        set.ofacAdd = try read("ofac/add.csv")
        set.ofacComments = try read("ofac/sdn_comments.csv")
        set.ofacDate = try read("ofac/list-date.txt").map { String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "" }
        guard set.unConsolidated != nil || set.ofacSDN != nil else {
            throw CapwatchCLIError("\(dir): neither un/consolidated.xml nor ofac/sdn.csv is there")
        }
        do { return try set.buildIndex() } catch { throw CapwatchCLIError("\(dir): \(error)") }
    }

    /// `screening_examples.csv` beside the lists directory, else in ../shared/data/sanctions.
    static func examplesPath(_ option: String?) throws -> String {
        let dir = try listsDirectory(option)
        for c in [(dir as NSString).appendingPathComponent("screening_examples.csv"), "../shared/data/sanctions/screening_examples.csv"]
        where FileManager.default.fileExists(atPath: c) {
            return c
        }
        throw CapwatchCLIError("no screening_examples.csv beside \(dir): give --file QUERIES.csv")
    }

    // MARK: - Query files

    struct QueryRow {
        let query: String
        let kind: ListedEntry.Kind?
        let expected: String
    }

    /// Reads a CSV with a `query` column and optional `kind` and `expected_list_id` columns.
    /// - Throws: ``CapwatchCLIError`` naming the file, and the line and field at fault (a header
    ///   without `query`, a row without its query field, an unknown kind).
    static func readQueries(_ path: String) throws -> [QueryRow] {
        let text = try InputFile.readText(path)  // pipes, FIFOs, - and gzip as for the other inputs
        let records = parseCSV(text)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }), let q = header.firstIndex(of: "query") else {
            let found = records.first.map { $0.joined(separator: ",") } ?? ""
            throw CapwatchCLIError("\(path): line 1: no `query` field in the header (found: \(found.isEmpty ? "nothing" : found))")
        }
        let k = header.firstIndex(of: "kind")
        let x = header.firstIndex(of: "expected_list_id")
        var rows: [QueryRow] = []
        for (n, r) in records.dropFirst().enumerated() where !(r.count == 1 && r[0].isEmpty) {
            guard q < r.count else { throw CapwatchCLIError("\(path): line \(n + 2): no query field") }
            var kind: ListedEntry.Kind?
            if let k, k < r.count, !r[k].isEmpty {
                guard let parsed = ListedEntry.Kind(rawValue: r[k].lowercased()) else {
                    throw CapwatchCLIError("\(path): line \(n + 2): unknown kind \(r[k]) (vessel, entity, person, aircraft)")
                }
                kind = parsed
            }
            rows.append(QueryRow(query: r[q], kind: kind, expected: x.flatMap { $0 < r.count ? r[$0] : nil } ?? ""))
        }
        return rows
    }

    /// RFC 4180 records (quoted fields, doubled quotes, CRLF or LF).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var it = Array(text).makeIterator()
        var pending: Character?
        while let c = pending ?? it.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                fields.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field); field = ""
                records.append(fields); fields = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(fields)
        }
        return records
    }

    // MARK: - Output

    static func cell(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `query,rank,list,list_id,name,score,matched_on,reasons`: one row per match, best first; one
    /// row with an empty `list_id` for a query without a match.
    static func csv(_ results: [(String, [ScreeningMatch])]) -> String {
        var out = "query,rank,list,list_id,name,score,matched_on,reasons\n"
        for (query, matches) in results {
            if matches.isEmpty {
                out += "\(cell(query)),,,,,,,\n"
                continue
            }
            for (i, m) in matches.enumerated() {
                let cells = [query, String(i + 1), m.entry.list.rawValue, m.entry.listID, m.matchedName, String(format: "%.3f", m.score), m.matchedOn.rawValue, m.reasons.joined(separator: "; ")]
                out += cells.map(cell).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    struct JSONResult: Encodable {
        struct Match: Encodable {
            let rank: Int
            let list: String
            let list_id: String
            let kind: String
            let name: String
            let primary_name: String
            let score: Double
            let matched_on: String
            let reasons: [String]
            let programmes: [String]
            let imo: Int?
            let list_date: String?
            let list_sha256: String
        }
        let query: String
        let matches: [Match]
    }

    static func json(_ results: [(String, [ScreeningMatch])]) -> String {
        let values = results.map { query, matches in
            JSONResult(
                query: query,
                matches: matches.enumerated().map { i, m in
                    .init(
                        rank: i + 1, list: m.entry.list.rawValue, list_id: m.entry.listID, kind: m.entry.kind.rawValue, name: m.matchedName,
                        primary_name: m.entry.primaryName, score: m.score, matched_on: m.matchedOn.rawValue, reasons: m.reasons,
                        programmes: m.entry.programmes, imo: m.entry.vesselIMO?.rawValue, list_date: m.version.date, list_sha256: m.version.sha256
                    )
                }
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func text(_ query: String, _ matches: [ScreeningMatch], versions: [SanctionsList: ListVersion]) -> String {
        var out = "Screening \"\(query)\" against " + versions.values.sorted { $0.list.rawValue > $1.list.rawValue }.map(\.summary).joined(separator: ", ") + "\n"
        if matches.isEmpty { return out + "no match above the threshold\n" }
        for (i, m) in matches.enumerated() {
            let primary = m.matchedName == m.entry.primaryName ? "" : " (listed as \(m.entry.primaryName))"
            out += String(format: "%2d. %.3f  ", i + 1, m.score) + "\(m.entry.listID)  \(m.matchedName)\(primary)  [\(m.entry.kind.rawValue); \(m.entry.programmes.joined(separator: ", "))]  on \(m.matchedOn.rawValue)\n"
            for r in m.reasons { out += "      - \(r)\n" }
        }
        return out
    }
}

extension ListedEntry.Kind: ExpressibleByArgument {}

// MARK: - Marking the events of `capwatch analyze` (its vessels are screened in Analyze+Screening.swift)

extension Screen {
    /// `event` with `sanctions_listing` evidence added when it involves a listed vessel:
    /// `<mmsi> <list_id> <listed name> (<matched_on> <score>; <list> <date> sha256:<prefix>)`,
    /// several joined by ` | `; unchanged otherwise.
    static func annotate(_ event: Event, with listings: [MMSI: ScreeningMatch]) -> Event {
        guard !listings.isEmpty else { return event }
        let notes = event.mmsi.compactMap { m in
            listings[m].map { "\(m) \($0.entry.listID) \($0.entry.primaryName) (\($0.matchedOn.rawValue) \(String(format: "%.3f", $0.score)); \($0.version.summary))" }
        }
        guard !notes.isEmpty else { return event }
        var e = event
        e.evidence["sanctions_listing"] = .string(notes.joined(separator: " | "))
        return e
    }
}
