import Foundation
import CapwatchCore
import TrackAnalysis

/// Renders one CSV row per vessel: its latest identity, how many identities it presented, its
/// position counts, first and last time seen, and how many events of each kind involve it.
enum VesselsCSV {
    static let header = "mmsi,mid,name,callsign,imo,imo_valid,ship_type,length_m,beam_m,draught_m,identity_versions,positions,outliers,duplicates_removed,first_seen,last_seen,encounters,gaps"

    static func render(tracks: [Track], events: [Event]) -> String {
        var counts: [MMSI: (encounters: Int, gaps: Int)] = [:]
        for e in events {
            for m in e.mmsi {
                var c = counts[m] ?? (0, 0)
                switch e.kind {
                case .encounter: c.encounters += 1
                case .gap: c.gaps += 1
                }
                counts[m] = c
            }
        }
        var lines = [header]
        lines.reserveCapacity(tracks.count + 1)
        for t in tracks.sorted(by: { $0.mmsi < $1.mmsi }) {
            let id = t.identity.current
            let c = counts[t.mmsi] ?? (0, 0)
            let cells: [String] = [
                String(t.mmsi.rawValue), t.mmsi.mid.map(String.init) ?? "", field(id?.name), field(id?.callSign),
                id?.imo.map { String($0.rawValue) } ?? "", id?.imo.map { $0.isValid ? "true" : "false" } ?? "",
                id?.shipType.map(String.init) ?? "", number(id?.length), number(id?.beam), number(id?.draught),
                String(t.identity.versions.count), String(t.count), String(t.outlierCount), String(t.duplicateCount),
                t.times.first.map { Timestamp(millisecondsSince1970: $0).iso8601 } ?? "",
                t.times.last.map { Timestamp(millisecondsSince1970: $0).iso8601 } ?? "", String(c.encounters), String(c.gaps),
            ]
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
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
