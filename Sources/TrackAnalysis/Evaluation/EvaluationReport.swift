import CapwatchCore

/// Renders a ``DetectionEvaluator/Result`` as a text table or as JSON.
public enum EvaluationReport {
    /// A table per kind (truth entries, near misses, detections, found, correct, duplicates, false
    /// alarms, precision, recall, F1), then the misses and the false alarms with their times.
    public static func text(_ r: DetectionEvaluator.Result) -> String {
        func pct(_ v: Double?) -> String { v.map { fixed($0, 3) } ?? "n/a" }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var out = pad("kind", 16) + ["truth", "near", "detected", "found", "correct", "dup", "false", "precision", "recall", "F1"].map { lpad($0, 10) }.joined() + "\n"
        for s in r.scores {
            let cells = [String(s.truthCount), String(s.nearMissCount), String(s.detectionCount), String(s.found), String(s.correct), String(s.duplicates),
                         String(s.falseAlarms), pct(s.precision), pct(s.recall), pct(s.f1)]
            out += pad(s.kind.rawValue, 16) + cells.map { lpad($0, 10) }.joined() + "\n"
        }
        out += "Misses: \(r.misses.count)\n"
        for m in r.misses {
            out += "  \(m.truth.kind.rawValue)  \(m.truth.vessels.map(\.description).joined(separator: "+"))  \(m.truth.start.iso8601) – \(m.truth.end?.iso8601 ?? "open")  \(m.truth.note)\n"
        }
        out += "False alarms: \(r.falseAlarms.count)\n"
        for f in r.falseAlarms {
            let check = f.event.evidence["check"].flatMap { v -> String? in if case .string(let s) = v { return " [\(s)]" } else { return nil } } ?? ""
            out += "  \(f.event.kind.rawValue)\(check)  \(f.event.mmsi.map(\.description).joined(separator: "+"))  \(f.event.start.iso8601) – \(f.event.end?.iso8601 ?? "open")"
            if let n = f.nearMiss { out += "  matches near miss: \(n.note)" }
            out += "\n"
        }
        return out
    }

    /// `{"kinds":[{kind, truth, near_misses, detected, found, correct, duplicates, false_alarms,
    /// precision, recall, f1}], "misses":[truth…], "false_alarms":[{event, near_miss}]}`; undefined
    /// scores are null.
    public static func json(_ r: DetectionEvaluator.Result) -> String {
        func num(_ v: Double?) -> String { v.map { fixed($0, 4) } ?? "null" }
        var out = "{\"kinds\":[\n"
        out += r.scores.map { s in
            "{\"kind\":\"\(s.kind.rawValue)\",\"truth\":\(s.truthCount),\"near_misses\":\(s.nearMissCount),\"detected\":\(s.detectionCount),"
                + "\"found\":\(s.found),\"correct\":\(s.correct),\"duplicates\":\(s.duplicates),\"false_alarms\":\(s.falseAlarms),"
                + "\"precision\":\(num(s.precision)),\"recall\":\(num(s.recall)),\"f1\":\(num(s.f1))}"
        }.joined(separator: ",\n")
        out += "\n],\"misses\":[\n"
        out += r.misses.map { m in
            var e = "{\"kind\":\"\(m.truth.kind.rawValue)\",\"vessels\":[\(m.truth.vessels.map(\.description).joined(separator: ","))],"
            e += "\"start\":\"\(m.truth.start.iso8601)\",\"end\":" + (m.truth.end.map { "\"\($0.iso8601)\"" } ?? "null") + ",\"note\":"
            return e + quoted(m.truth.note) + "}"
        }.joined(separator: ",\n")
        out += "\n],\"false_alarms\":[\n"
        out += r.falseAlarms.map { f in
            var e = "{\"event\":" + f.event.json + ",\"near_miss\":"
            e += f.nearMiss.map { quoted($0.note) } ?? "null"
            return e + "}"
        }.joined(separator: ",\n")
        out += "\n]}\n"
        return out
    }

    /// A JSON string literal (RFC 8259 escaping).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func fixed(_ v: Double, _ decimals: Int) -> String {
        let scale = Double([1, 10, 100, 1000, 10_000][min(decimals, 4)])
        let r = (v * scale).rounded() / scale
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
        }
        return s
    }
}
