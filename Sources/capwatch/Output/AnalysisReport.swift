import AISDecoding
import CapwatchCore
import Foundation
import SanctionsScreening
import TrackAnalysis

/// The results of `capwatch analyze`: the files it writes and the summary it prints.
struct AnalysisReport {
    /// One summary per vessel, sorted by MMSI.
    let tracks: [TrackSummary]
    let events: [Event]
    let ingest: Ingest
    let ports: PortList?
    /// One risk score per track, in the tracks' order.
    let risks: [RiskScore]
    /// The best sanctions listing of each listed vessel (`capwatch analyze` screens every vessel).
    var listings: [MMSI: ScreeningMatch] = [:]

    /// The files ``write(to:)`` writes.
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
    /// (created if needed), on both cores; the event files are written in pieces (``StreamedFile``).
    /// - Throws: ``CapwatchCLIError`` naming the path that could not be written.
    func write(to directory: String) throws {
        try AnalysisReport.prepare(directory: directory)
        @Sendable func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let files: [(name: String, write: @Sendable (StreamedFile) throws -> Void)] = [
            ("events.json", { [events] file in try AnalysisReport.writeEventsJSON(events, to: file) }),
            ("events.geojson", { [events] file in try GeoJSONWriter.write(events, to: file) }),
            ("vessels.csv", { [tracks, events, risks, listings] file in
                file.buffer.append(contentsOf: VesselsCSV.renderBytes(tracks: tracks, events: events, risks: risks, listings: listings))
            }),
            ("ledger.json", { [ledgerJSON] file in file.buffer.append(contentsOf: ledgerJSON.utf8) }),
        ]
        let failures = Parallel.map(files.count) { i -> String? in
            PhaseTimer.measure(files[i].name) {
                do {
                    let file = try StreamedFile(path: path(files[i].name))
                    try files[i].write(file)
                    try file.commit()
                    return nil
                } catch {
                    return "\(error)"
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw CapwatchCLIError(failure) }
    }

    /// Writes a JSON array of events, one per line.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be written.
    static func writeEventsJSON(_ events: [Event], to file: StreamedFile) throws {
        guard !events.isEmpty else {
            JSONText.append("[]\n", to: &file.buffer)
            return
        }
        JSONText.append("[\n", to: &file.buffer)
        for (i, e) in events.enumerated() {
            if i > 0 { JSONText.append(",\n", to: &file.buffer) }
            e.appendJSON(to: &file.buffer)
            try file.flushIfFull()
        }
        JSONText.append("\n]\n", to: &file.buffer)
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
        let named = tracks.filter { $0.identity.current?.name != nil }.count
        out += "Vessels: \(tracks.count) (\(named) with a name), \(positions) positions (\(duplicates) duplicates removed, \(outliers) flagged > 50 kn)\n"
        if let first = tracks.compactMap(\.firstTime).min(), let last = tracks.compactMap(\.lastTime).max() {
            out += "Time span: \(Timestamp(millisecondsSince1970: first).iso8601) – \(Timestamp(millisecondsSince1970: last).iso8601)\n"
        }
        if !listings.isEmpty {
            let listed = listings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.entry.listID) \($0.value.entry.primaryName) (\($0.value.matchedOn.rawValue))" }
            out += "Sanctioned vessels: \(listings.count): \(listed.prefix(5).joined(separator: ", "))\(listed.count > 5 ? ", …" : "")\n"
        }
        if let ports { out += "Ports: \(ports.count) in the exclusion list (plus \(DPRKPorts.ports.count) built-in DPRK ports for port visits)\n" }
        var byKind: [Event.Kind: Int] = [:]
        for e in events { byKind[e.kind, default: 0] += 1 }
        out += "Events: \(events.count)"
        if !events.isEmpty {
            out += " (" + Event.Kind.allCases.filter { byKind[$0] != nil }.map { "\($0.rawValue) \(byKind[$0]!)" }.joined(separator: ", ") + ")"
        }
        out += "\n"
        let names = Dictionary(tracks.map { ($0.mmsi, $0.identity.current?.name.map(Self.printable)) }, uniquingKeysWith: { a, _ in a })
        // Encounters first (the possible STS transfers), then the rest; longest first within a kind.
        func hours(_ e: Event) -> Double { e.durationSeconds.map { $0 / 3600 } ?? e.evidence["gap_h"]?.doubleValue ?? 0 }
        let top = events.sorted {
            ($0.kind == .encounter ? 0 : 1, -hours($0)) < ($1.kind == .encounter ? 0 : 1, -hours($1))
        }.prefix(10)
        if !top.isEmpty { out += "Top events (encounters first, longest first):\n" }
        for e in top {
            let who = e.mmsi.map { m in names[m].flatMap { $0 }.map { "\(m) \($0)" } ?? "\(m)" }.joined(separator: " + ")
            let end = e.end?.iso8601 ?? "open"
            let length = String(format: "%.1f h", hours(e)) + (e.end == nil ? ", still open" : "")
            out += "  \(e.kind.rawValue)  \(who)  \(e.start.iso8601) – \(end)  (\(length))  at \(String(format: "%.4f, %.4f", e.position.latitude, e.position.longitude))\n"
        }
        let risky = zip(tracks, risks).filter { $0.1.score > 0 }.sorted { ($0.1.score, $1.0.mmsi) > ($1.1.score, $0.0.mmsi) }.prefix(5)
        if !risky.isEmpty { out += "Highest risk scores:\n" }
        for (t, r) in risky {
            let name = t.identity.current?.name.map { " \(Self.printable($0))" } ?? ""
            out += "  \(t.mmsi)\(name)  \(Int(r.score))  (\(r.topReasons(3).joined(separator: "; ")))\n"
        }
        out += "Wrote \(outputDirectory)/events.json, events.geojson, vessels.csv, ledger.json\n"
        return out
    }

    /// `text` for one terminal line: control characters (a line break inside a quoted CSV name)
    /// become spaces. The files keep the text as it was.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
