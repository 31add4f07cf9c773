import Foundation

extension BenchAll {
    /// Issue #5's figures beside the rapidfuzz brute force, same queries (the 30 examples of
    /// `Data/sanctions/screening_examples.csv`) and same list files, in the same run: queries per
    /// second on one thread, and the time to read, hash, parse and index both lists.
    func screeningRows(into table: inout BenchTable, executable self_: String, scratch: String) {
        progress("capwatch screen --bench 20")
        var queries = BenchTable.Row(measure: "capwatch screen, 30 example queries, both lists (queries/s, 1 thread)", capwatch: "",
                                     target: "≥ 5,000")
        var load = BenchTable.Row(measure: "capwatch screen: both lists read, hashed, parsed, indexed (s)", capwatch: "", target: "< 1 s")
        let ours = try? BenchChild.output([self_, "screen", "--bench", "20"], scratch: scratch)
        let ourRate = ours.flatMap { Self.number(in: $0.1, before: " queries/s") }
        let ourLoad = ours.flatMap { Self.number(in: $0.1, before: " s\n", after: "loaded and indexed in ") }
        if let ourRate, let ourLoad {
            queries.capwatch = ourRate.rate
            queries.met = ourRate >= 5_000 ? "yes" : "NO"
            load.capwatch = String(format: "%.3f s", ourLoad)
            load.met = ourLoad < 1 ? "yes" : "NO"
        } else {
            let reason = ours.map { "failed (exit \($0.0.status)): \($0.0.firstErrorLine.prefix(60))" } ?? "cannot be started"
            queries.capwatch = reason
            load.capwatch = reason
        }
        progress("rapidfuzz WRatio brute force on the same queries")
        let script = (peersDir as NSString).deletingLastPathComponent + "/bench-screening-rapidfuzz.py"
        let peer = try? BenchChild.output([python, script], scratch: scratch)
        if let peer, peer.0.status == 0, let rate = Self.number(in: peer.1, before: " queries/s") {
            queries.peer = "rapidfuzz WRatio, every name (F1 \(Self.text(in: peer.1, after: " F1 ", until: "\n") ?? "?"))"
            queries.peerFigure = String(format: "%.1f", rate)
            if let ourRate { queries.ratio = (ourRate / rate).times }
            let peerLoad = Self.number(in: peer.1, before: " s\n", after: "names loaded in ")
            load.peer = "rapidfuzz script: both lists read into a name list"
            load.peerFigure = peerLoad.map { String(format: "%.3f s", $0) } ?? "—"
        } else {
            queries.peer = "rapidfuzz: not installed or failed (\(peer.map { $0.0.firstErrorLine.prefix(60) } ?? "python cannot be started"))"
        }
        table.add(queries)
        table.add(load)
    }

    /// The number just before `suffix` (after `prefix` when given) in `text`, e.g. "5039" in
    /// "…: 5039 queries/s".
    static func number(in text: String, before suffix: String, after prefix: String? = nil) -> Double? {
        var scope = Substring(text)
        if let prefix {
            guard let r = scope.range(of: prefix) else { return nil }
            scope = scope[r.upperBound...]
        }
        guard let end = scope.range(of: suffix)?.lowerBound else { return nil }
        let head = scope[..<end]
        let digits = head.reversed().prefix { $0.isNumber || $0 == "." || $0 == "," }
        return Double(String(digits.reversed()).replacingOccurrences(of: ",", with: ""))
    }

    /// The text between `prefix` and `terminator` in `text`.
    static func text(in text: String, after prefix: String, until terminator: String) -> String? {
        guard let r = text.range(of: prefix) else { return nil }
        let rest = text[r.upperBound...]
        return String(rest[..<(rest.range(of: terminator)?.lowerBound ?? rest.endIndex)])
    }
}
