/// The one table `capwatch bench all` prints: a row per measurement, Capwatch's figure beside a
/// peer's figure taken in the same run, their ratio and the target from issue #3.
struct BenchTable {
    struct Row {
        var measure: String
        var capwatch: String
        var peer = "—"
        var peerFigure = "—"
        /// Capwatch ÷ peer for rates (higher is better for Capwatch).
        var ratio = "—"
        var target = "—"
        /// yes / NO / — (no target, or not measurable).
        var met = "—"
    }

    var rows: [Row] = []
    var notes: [String] = []

    mutating func add(_ row: Row) { rows.append(row) }

    /// The table as aligned plain text, followed by its numbered notes.
    var text: String {
        let header = Row(measure: "measure", capwatch: "Capwatch", peer: "peer (same run)", peerFigure: "peer figure", ratio: "ratio", target: "target", met: "met")
        let all = [header] + rows
        func cells(_ r: Row) -> [String] { [r.measure, r.capwatch, r.peer, r.peerFigure, r.ratio, r.target, r.met] }
        var widths = [Int](repeating: 0, count: 7)
        for r in all { for (i, c) in cells(r).enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: Row) -> String {
            cells(r).enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: " | ")
                .trimmingTrailingSpaces()
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-") + "\n"
        for r in rows { out += line(r) + "\n" }
        for (i, n) in notes.enumerated() { out += "(\(i + 1)) \(n)\n" }
        return out
    }

    /// Adds a note and returns its marker, e.g. "(3)".
    mutating func note(_ text: String) -> String {
        notes.append(text)
        return "(\(notes.count))"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
