import Foundation
import SanctionsScreening
import CapwatchCore
import TrackAnalysis

/// Renders one CSV row per vessel: its latest identity, how many identities it presented, its
/// position counts, first and last time seen, how many events of each kind involve it, and its
/// risk score with the top three reasons (`risk_reasons`, `; `-separated, `+points rule: detail`).
enum VesselsCSV {
    static let header = "mmsi,mid,name,callsign,imo,imo_valid,ship_type,length_m,beam_m,draught_m,identity_versions,positions,outliers,duplicates_removed,first_seen,last_seen,encounters,gaps,loitering,port_visits,identity_changes,spoofing,draught_changes,dark_sts,risk_score,risk_reasons,listed,list_id"

    /// The file as UTF-8 bytes, written straight into one buffer (no string per cell). Numbers
    /// without a fraction (below 10¹⁵) are written as integers, others in Swift's shortest form.
    /// - Parameters:
    ///   - tracks: one summary per vessel, any order (rows are sorted by MMSI).
    ///   - events: all events, counted per vessel and kind.
    ///   - risks: the vessels' risk scores.
    ///   - listings: the best sanctions listing of each listed vessel.
    static func renderBytes(tracks: [TrackSummary], events: [Event], risks: [RiskScore] = [], listings: [MMSI: ScreeningMatch] = [:]) -> [UInt8] {
        let order = tracks.indices.sorted { tracks[$0].mmsi < tracks[$1].mmsi }
        var row: [MMSI: Int] = [:]
        row.reserveCapacity(tracks.count)
        for (r, t) in order.enumerated() { row[tracks[t].mmsi] = r }
        // Counts per vessel, one column per kind in `Event.Kind.allCases` order, in one flat array.
        let kinds = Event.Kind.allCases
        let kindColumn = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        var counts = [Int](repeating: 0, count: tracks.count * kinds.count)
        for e in events {
            let k = kindColumn[e.kind]!
            for m in e.mmsi { if let r = row[m] { counts[r * kinds.count + k] += 1 } }
        }
        var riskOfRow = [RiskScore?](repeating: nil, count: tracks.count)
        for r in risks { if let i = row[r.mmsi] { riskOfRow[i] = r } }
        var out: [UInt8] = []
        out.reserveCapacity(tracks.count * 160 + header.utf8.count + 1)
        out.append(contentsOf: header.utf8)
        out.append(10)
        var time: [UInt8] = []
        func comma() { out.append(44) }
        func integer(_ v: Int) { JSONText.appendInteger(Int64(v), to: &out) }
        func text(_ s: String?) { if let s { out.append(contentsOf: field(s).utf8) } }
        func decimal(_ v: Double?) {
            guard let v else { return }
            if v.isFinite { JSONText.appendNumber(v, to: &out) } else { out.append(contentsOf: String(v).utf8) }
        }
        func timestamp(_ ms: Int64?) {
            guard let ms else { return }
            time.removeAll(keepingCapacity: true)
            JSONText.appendTime(Timestamp(millisecondsSince1970: ms), to: &time)
            out.append(contentsOf: time[1..<(time.count - 1)])  // without the JSON quotes
        }
        for (r, ti) in order.enumerated() {
            let t = tracks[ti]
            let id = t.identity.current
            JSONText.appendInteger(Int64(t.mmsi.rawValue), to: &out)
            comma()
            if let mid = t.mmsi.mid { integer(mid) }
            comma()
            text(id?.name)
            comma()
            text(id?.callSign)
            comma()
            if let imo = id?.imo {
                integer(imo.rawValue)
                comma()
                JSONText.append(imo.isValid ? "true" : "false", to: &out)
            } else {
                comma()
            }
            comma()
            if let type = id?.shipType { integer(type) }
            comma()
            decimal(id?.length)
            comma()
            decimal(id?.beam)
            comma()
            decimal(id?.draught)
            comma()
            integer(t.identity.versions.count)
            comma()
            integer(t.positionCount)
            comma()
            integer(t.outlierCount)
            comma()
            integer(t.duplicateCount)
            comma()
            timestamp(t.firstTime)
            comma()
            timestamp(t.lastTime)
            for k in 0..<kinds.count {
                comma()
                integer(counts[r * kinds.count + k])
            }
            comma()
            let risk = riskOfRow[r]
            decimal(risk?.score)
            comma()
            text(risk?.topReasons(3).joined(separator: "; "))
            comma()
            let listing = listings[t.mmsi]
            JSONText.append(listing == nil ? "false" : "true", to: &out)
            comma()
            if let listing { out.append(contentsOf: listing.entry.listID.utf8) }
            out.append(10)
        }
        return out
    }

    /// RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes.
    static func field(_ text: String?) -> String {
        guard let text else { return "" }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
