import AISDecoding
import CapwatchCore
import Foundation
import SanctionsScreening
import TrackAnalysis

/// The results of `capwatch analyze`: the files it writes and the summary it prints.
struct AnalysisReport {
    /// One summary per vessel, sorted by MMSI.
    let tracks: [TrackSummary]
    let ingest: Ingest
    let ports: PortList?
    /// The best sanctions listing of each listed vessel (`capwatch analyze` screens every vessel).
    var listings: [MMSI: ScreeningMatch] = [:]
    /// What the files and the summary need from the events; complete once ``write(to:events:)`` has run.
    private(set) var totals: EventTotals
    /// One risk score per track, in the tracks' order; made by ``write(to:events:)``.
    private(set) var risks: [RiskScore] = []
    private let scorer = RiskScorer()

    /// - Parameters: see the properties.
    init(tracks: [TrackSummary], ingest: Ingest, ports: PortList?, listings: [MMSI: ScreeningMatch]) {
        self.tracks = tracks
        self.ingest = ingest
        self.ports = ports
        self.listings = listings
        totals = EventTotals(tracks: tracks, scorer: scorer, estimator: DeliveryEstimator())
    }

    /// The files ``write(to:events:)`` writes.
    static let fileNames = ["events.json", "events.geojson", "vessels.csv", "ledger.json"]

    /// Creates `directory` if needed and checks that files can be created in it.
    /// - Throws: ``CapwatchCLIError`` naming the directory when it cannot be created or written.
    static func prepare(directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CapwatchCLIError("\(directory): cannot create the output directory: \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw CapwatchCLIError("\(directory): the output directory is not writable")
        }
    }

    /// Writes `events.json`, `events.geojson`, `vessels.csv` and `ledger.json` into `directory`
    /// (created if needed), and scores every vessel's risk.
    ///
    /// The events are read from `events` a round at a time: while the cores render one round's
    /// JSON once for both event files, the next round is read, marked with its sanctions listings
    /// (``Screen/annotate(_:with:)``) and counted (``EventTotals``), and the round before is written.
    /// Memory holds three rounds of events, whatever their number. vessels.csv follows, rendered in
    /// pieces on both cores (``PipelinedPieces``). Each file appears whole or not at all
    /// (``StreamedFile``).
    /// - Parameter events: every event to report, in chronological order.
    /// - Throws: ``CapwatchCLIError`` naming the path that could not be written or read.
    mutating func write(to directory: String, events: inout EventRuns.Merge) throws {
        try AnalysisReport.prepare(directory: directory)
        func open(_ name: String) throws -> StreamedFile { try StreamedFile(path: (directory as NSString).appendingPathComponent(name)) }
        let json = try open("events.json"), geojson = try open("events.geojson"), csv = try open("vessels.csv"), ledger = try open("ledger.json")
        JSONText.append("[\n", to: &json.buffer)
        JSONText.append(GeoJSONWriter.header, to: &geojson.buffer)
        // A round: up to four pieces of events, read from the merge, marked with their listings
        // and counted; `first` is the number of its first event in the file.
        struct Round {
            var events: [Event]
            var first: Int
            var pieces: [Range<Int>] { Parallel.ranges(events.count, parts: (events.count + AnalysisReport.eventsPerPiece - 1) / AnalysisReport.eventsPerPiece) }
        }
        let listings = self.listings
        func read(from first: Int) throws -> Round? {
            var batch: [Event] = []
            batch.reserveCapacity(4 * Self.eventsPerPiece)
            while batch.count < 4 * Self.eventsPerPiece, let e = try events.next() {
                let marked = Screen.annotate(e, with: listings)
                totals.add(marked)
                batch.append(marked)
            }
            return batch.isEmpty ? nil : Round(events: batch, first: first)
        }
        try PipelinedPieces.run(first: try read(from: 0), next: { try read(from: $0.first + $0.events.count) }, pieces: { $0.pieces.count }) { round, i in
            Self.renderEvents(round.events, round.pieces[i], numberedFrom: round.first)
        } write: { piece in
            try json.write(piece.json)
            try geojson.write(piece.geojson)
        }
        if totals.total == 0 {
            json.buffer.removeAll()
            JSONText.append("[]\n", to: &json.buffer)
        } else {
            JSONText.append("\n]\n", to: &json.buffer)
        }
        JSONText.append(GeoJSONWriter.footer, to: &geojson.buffer)

        // Every vessel's score from its tally, in two halves on both cores above 1,000 vessels.
        let tallies = totals.tallies, tracks = self.tracks, scorer = self.scorer
        let halves = Parallel.ranges(tracks.count, parts: tracks.count > 1_000 ? 2 : 1)
        risks = Parallel.map(halves.count) { h in
            halves[h].map { i in scorer.score(mmsi: tracks[i].mmsi, isTanker: tracks[i].isTanker, tally: tallies[i], listed: listings[tracks[i].mmsi] != nil) }
        }.flatMap { $0 }

        let table = VesselsCSV(tracks: tracks, counts: totals.counts, risks: risks, listings: listings)
        let rowPieces = Parallel.ranges(table.rowCount, parts: (table.rowCount + Self.rowsPerPiece - 1) / Self.rowsPerPiece)
        csv.buffer.append(contentsOf: VesselsCSV.header.utf8)
        csv.buffer.append(UInt8(ascii: "\n"))
        try PipelinedPieces.run(count: rowPieces.count, perRound: 4) { i in
            var rows: [UInt8] = []
            rows.reserveCapacity(rowPieces[i].count * 200)
            table.appendRows(rowPieces[i], to: &rows)
            return rows
        } write: { rows in
            try csv.write(rows)
        }
        ledger.buffer.append(contentsOf: ledgerJSON.utf8)
        try StreamedFile.commit([json, geojson, csv, ledger])
    }

    /// Vessels per piece of vessels.csv (about 170 bytes each): 1,024, so that the 1,900 vessels
    /// of 10⁵ positions already render on both cores.
    private static let rowsPerPiece = 1024
    /// Events per piece of events.json and events.geojson (about 1 kB each for both): 256, so that
    /// the 2,600 events of 10⁵ positions make three rounds of four pieces, and reading one round
    /// overlaps rendering the one before (with 1,024, they were one round read before any
    /// rendering: the phase took 13 ms at 1.3 cores, now 12 ms at 1.5; unchanged at 10⁶).
    private static let eventsPerPiece = 256

    /// The events.json and events.geojson text of `events[range]`: each event's JSON is rendered
    /// once and used in both, after the separators those files put between two events.
    /// - Parameter numberedFrom: the number of `events[0]` in the whole file (the first has no separator).
    /// - Returns: `(json, geojson)`; the headers and footers of the files are not included.
    static func renderEvents(_ events: [Event], _ range: Range<Int>, numberedFrom base: Int = 0) -> (json: [UInt8], geojson: [UInt8]) {
        var json: [UInt8] = [], geojson: [UInt8] = []
        json.reserveCapacity(range.count * 512)
        geojson.reserveCapacity(range.count * 640)
        for i in range {
            if base + i > 0 { JSONText.append(",\n", to: &json) }
            let start = json.count
            events[i].appendJSON(to: &json)
            json.withUnsafeBufferPointer { text in
                GeoJSONWriter.appendFeatures(of: events[i], properties: UnsafeBufferPointer(rebasing: text[start...]), first: base + i == 0, to: &geojson)
            }
        }
        return (json, geojson)
    }

    /// The summary printed after the run.
    func summary(outputDirectory: String) -> String {
        var out = ""
        let s = ingest.decoding
        if ingest.nmeaFiles > 0 {
            out += "NMEA: \(ingest.nmeaFiles) file(s), \(s.lines) lines, \(s.aisSentences) AIS sentences, \(s.messages) messages decoded\n"
            let types = s.messagesByType.enumerated().filter { $0.element > 0 }.map { "\($0.offset): \($0.element)" }
            out += "  by type: \(types.joined(separator: ", "))\n"
            let rejections = AISRejection.allCases.filter { s[$0] > 0 }.map { "\($0) \(s[$0])" }
            out += "  rejected: \(s.totalRejections)" + (rejections.isEmpty ? "" : " (\(rejections.joined(separator: ", ")))") + "\n"
            out += "  skipped: \(s.otherSentences) other NMEA sentences, \(s.commentLines) comments, \(s.blankLines) blank lines\n"
            out += "  positions without a valid fix: \(ingest.positionsWithoutFix); untimed: \(ingest.untimed); invalid MMSI: \(ingest.invalidMMSI)\n"
        }
        if ingest.csvFiles > 0 {
            out += "CSV: \(ingest.csvFiles) file(s), \(ingest.csvRows) rows read, \(ingest.csvRowErrors) rows rejected\n"
            for sample in ingest.csvErrorSamples.prefix(5) { out += "  \(sample)\n" }
        }
        let positions = tracks.reduce(0) { $0 + $1.positionCount }
        let duplicates = tracks.reduce(0) { $0 + $1.duplicateCount }
        let outliers = tracks.reduce(0) { $0 + $1.outlierCount }
        let named = tracks.reduce(0) { $0 + ($1.identity.current?.name != nil ? 1 : 0) }
        out += "Vessels: \(tracks.count) (\(named) with a name), \(positions) positions (\(duplicates) duplicates removed, \(outliers) flagged > 50 kn)\n"
        if let first = tracks.compactMap(\.firstTime).min(), let last = tracks.compactMap(\.lastTime).max() {
            out += "Time span: \(Timestamp(millisecondsSince1970: first).iso8601) – \(Timestamp(millisecondsSince1970: last).iso8601)\n"
        }
        if !listings.isEmpty {
            let listed = listings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.entry.listID) \($0.value.entry.primaryName) (\($0.value.matchedOn.rawValue))" }
            out += "Sanctioned vessels: \(listings.count): \(listed.prefix(5).joined(separator: ", "))\(listed.count > 5 ? ", …" : "")\n"
        }
        if let ports { out += "Ports: \(ports.count) in the exclusion list (plus \(DPRKPorts.ports.count) built-in DPRK ports for port visits)\n" }
        out += "Events: \(totals.total)"
        if totals.total > 0 {
            out += " (" + Event.Kind.allCases.filter { totals.byKind[$0.ordinal] > 0 }.map { "\($0.rawValue) \(totals.byKind[$0.ordinal])" }.joined(separator: ", ") + ")"
        }
        out += "\n"
        // Encounters first (the possible STS transfers), then the rest; longest first within a kind.
        let top = totals.top
        // The names of the vessels of those events only (a vessel's first track, as tracks come).
        let wanted = top.flatMap(\.mmsi)
        var names: [MMSI: String?] = [:]
        for t in tracks where wanted.contains(t.mmsi) && names.index(forKey: t.mmsi) == nil {
            names[t.mmsi] = t.identity.current?.name.map(Self.printable)
        }
        if !top.isEmpty { out += "Top events (encounters first, longest first):\n" }
        for e in top {
            let who = e.mmsi.map { m in names[m].flatMap { $0 }.map { "\(m) \($0)" } ?? "\(m)" }.joined(separator: " + ")
            let end = e.end?.iso8601 ?? "open"
            let length = String(format: "%.1f h", EventTotals.hours(e)) + (e.end == nil ? ", still open" : "")
            out += "  \(e.kind.rawValue)  \(who)  \(e.start.iso8601) – \(end)  (\(length))  at \(String(format: "%.4f, %.4f", e.position.latitude, e.position.longitude))\n"
        }
        let risky = Self.highest(scores: risks.map(\.score), mmsis: tracks.map(\.mmsi), count: 5).map { (tracks[$0], risks[$0]) }
        if !risky.isEmpty { out += "Highest risk scores:\n" }
        for (t, r) in risky {
            let name = t.identity.current?.name.map { " \(Self.printable($0))" } ?? ""
            out += "  \(t.mmsi)\(name)  \(Int(r.score))  (\(r.topReasons(3).joined(separator: "; ")))\n"
        }
        out += "Wrote \(outputDirectory)/events.json, events.geojson, vessels.csv, ledger.json\n"
        return out
    }

    /// The indices of the `count` vessels with the highest positive scores, highest first, equal
    /// scores by MMSI, then in their order (the order of a stable sort of all of them), found in
    /// one pass.
    /// - Parameters:
    ///   - scores: each vessel's risk score.
    ///   - mmsis: each vessel's MMSI, as many as `scores`.
    static func highest(scores: [Double], mmsis: [MMSI], count: Int) -> [Int] {
        func precedes(_ i: Int, _ j: Int) -> Bool {
            scores[i] != scores[j] ? scores[i] > scores[j] : mmsis[i] < mmsis[j]
        }
        var best: [Int] = []
        for i in scores.indices where scores[i] > 0 {
            guard best.count < count || precedes(i, best[best.count - 1]) else { continue }
            best.insert(i, at: best.firstIndex { precedes(i, $0) } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// `text` for one terminal line: control characters (a line break inside a quoted CSV name)
    /// become spaces. The files keep the text as it was.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
