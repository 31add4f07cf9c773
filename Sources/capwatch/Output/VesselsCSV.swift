import Foundation
import SanctionsScreening
import CapwatchCore
import TrackAnalysis

/// Renders one CSV row per vessel: its latest identity, how many identities it presented, its
/// position counts, first and last time seen, how many events of each kind involve it, and its
/// risk score with the top three reasons (`risk_reasons`, `; `-separated, `+points rule: detail`).
enum VesselsCSV {
    static let header = "mmsi,mid,name,callsign,imo,imo_valid,ship_type,length_m,beam_m,draught_m,identity_versions,positions,outliers,duplicates_removed,first_seen,last_seen,encounters,gaps,loitering,port_visits,identity_changes,spoofing,draught_changes,dark_sts,risk_score,risk_reasons,listed,list_id"

    static func render(tracks: [Track], events: [Event], risks: [RiskScore] = [], listings: [MMSI: ScreeningMatch] = [:]) -> String {
        // Counts per vessel, one column per kind in `Event.Kind.allCases` order.
        let kinds = Event.Kind.allCases
        var counts: [MMSI: [Int]] = [:]
        for e in events {
            let k = kinds.firstIndex(of: e.kind)!
            for m in e.mmsi { counts[m, default: [Int](repeating: 0, count: kinds.count)][k] += 1 }
        }
        var riskByVessel: [MMSI: RiskScore] = [:]
        for r in risks { riskByVessel[r.mmsi] = r }
        var lines = [header]
        lines.reserveCapacity(tracks.count + 1)
        for t in tracks.sorted(by: { $0.mmsi < $1.mmsi }) {
            let id = t.identity.current
            let c = counts[t.mmsi] ?? [Int](repeating: 0, count: kinds.count)
            let risk = riskByVessel[t.mmsi]
            var cells: [String] = [
                String(t.mmsi.rawValue), t.mmsi.mid.map(String.init) ?? "", field(id?.name), field(id?.callSign),
                id?.imo.map { String($0.rawValue) } ?? "", id?.imo.map { $0.isValid ? "true" : "false" } ?? "",
                id?.shipType.map(String.init) ?? "", number(id?.length), number(id?.beam), number(id?.draught),
                String(t.identity.versions.count), String(t.count), String(t.outlierCount), String(t.duplicateCount),
                t.times.first.map { Timestamp(millisecondsSince1970: $0).iso8601 } ?? "",
                t.times.last.map { Timestamp(millisecondsSince1970: $0).iso8601 } ?? "",
            ]
            cells += c.map(String.init)
            cells.append(risk.map { number($0.score) } ?? "")
            cells.append(field(risk?.topReasons(3).joined(separator: "; ")))
            cells.append(listings[t.mmsi] == nil ? "false" : "true")
            cells.append(listings[t.mmsi]?.entry.listID ?? "")
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes.
    static func field(_ text: String?) -> String {
        guard let text else { return "" }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ v: Double?) -> String {
        guard let v else { return "" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
