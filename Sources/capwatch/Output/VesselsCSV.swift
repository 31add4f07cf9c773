import Foundation
import SanctionsScreening
import CapwatchCore
import TrackAnalysis

/// Renders one CSV row per vessel: its latest identity, how many identities it presented, its
/// position counts, first and last time seen, how many events of each kind involve it, and its
/// risk score with the top three reasons (`risk_reasons`, `; `-separated, `+points rule: detail`).
///
/// Made once from all tracks, their event counts and scores (row order, counts per vessel and kind), then
/// rendered by ranges of rows with ``appendRows(_:to:)``, so that pieces of the file can be
/// rendered on several cores.
struct VesselsCSV: Sendable {
    static let header = "mmsi,mid,name,callsign,imo,imo_valid,ship_type,length_m,beam_m,draught_m,identity_versions,positions,outliers,duplicates_removed,first_seen,last_seen,encounters,gaps,loitering,port_visits,identity_changes,spoofing,draught_changes,dark_sts,risk_score,risk_reasons,listed,list_id"

    private let tracks: [TrackSummary]
    /// The track of each row: rows are sorted by MMSI.
    private let order: [Int]
    /// Events per row and kind: `Event.Kind.allCases.count` counts per row, in `allCases` order.
    private let counts: [Int]
    private let riskOfRow: [RiskScore?]
    private let listings: [MMSI: ScreeningMatch]

    /// Sorts the vessels.
    /// - Parameters:
    ///   - tracks: one summary per vessel, any order (rows are sorted by MMSI).
    ///   - counts: the events of each track and kind, `Event.Kind.allCases.count` per track in
    ///     the tracks' order, by ``Event/Kind/ordinal`` (``EventTotals/counts``).
    ///   - risks: the vessels' risk scores, one per track in the tracks' order (as
    ///     ``AnalysisReport`` computes them), or none.
    ///   - listings: the best sanctions listing of each listed vessel.
    init(tracks: [TrackSummary], counts trackCounts: [Int], risks: [RiskScore] = [], listings: [MMSI: ScreeningMatch] = [:]) {
        // By MMSI, ties in track order: sorted as (MMSI, index) integer keys, which compare
        // without touching the tracks.
        let order = tracks.indices.map { UInt64(tracks[$0].mmsi.rawValue) << 32 | UInt64($0) }.sorted().map { Int($0 & 0xFFFF_FFFF) }
        let kinds = Event.Kind.allCases.count
        var counts = [Int](repeating: 0, count: tracks.count * kinds)
        for (r, t) in order.enumerated() { for k in 0..<kinds { counts[r * kinds + k] = trackCounts[t * kinds + k] } }
        precondition(risks.isEmpty || risks.count == tracks.count, "one risk score per track, or none")
        let riskOfRow: [RiskScore?] = risks.isEmpty ? Array(repeating: nil, count: tracks.count) : order.map { risks[$0] }
        self.tracks = tracks
        self.order = order
        self.counts = counts
        self.riskOfRow = riskOfRow
        self.listings = listings
    }

    /// The number of rows (one per track).
    var rowCount: Int { order.count }

    /// Appends rows as UTF-8, each ending in a line break, written straight into `out` (no string
    /// per cell). Numbers without a fraction (below 10¹⁵) are written as integers, others in
    /// Swift's shortest form.
    /// - Parameters:
    ///   - rows: row numbers, within `0..<rowCount`.
    ///   - out: the buffer; nothing is removed from it.
    func appendRows(_ rows: Range<Int>, to out: inout [UInt8]) {
        let kinds = Event.Kind.allCases.count
        var reasons: [UInt8] = []
        func comma() { out.append(44) }
        func integer(_ v: Int) { JSONText.appendInteger(Int64(v), to: &out) }
        func text(_ s: String?) { if let s { Self.appendField(s, to: &out) } }
        func decimal(_ v: Double?) {
            guard let v else { return }
            if v.isFinite { JSONText.appendNumber(v, to: &out) } else { out.append(contentsOf: String(v).utf8) }
        }
        func timestamp(_ ms: Int64?) {
            guard let ms else { return }
            let start = out.count
            JSONText.appendTime(Timestamp(millisecondsSince1970: ms), to: &out)
            out.remove(at: start)  // without the JSON quotes
            out.removeLast()
        }
        for r in rows {
            let t = tracks[order[r]]
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
            for k in 0..<kinds {
                comma()
                integer(counts[r * kinds + k])
            }
            comma()
            if let risk = riskOfRow[r] {
                decimal(risk.score)
                comma()
                reasons.removeAll(keepingCapacity: true)
                risk.appendTopReasons(3, separator: "; ", to: &reasons)
                Self.appendField(bytes: reasons, to: &out)
            } else {
                comma()
            }
            comma()
            let listing = listings.isEmpty ? nil : listings[t.mmsi]
            JSONText.append(listing == nil ? "false" : "true", to: &out)
            comma()
            if let listing { out.append(contentsOf: listing.entry.listID.utf8) }
            out.append(10)
        }
    }

    /// Appends ``field(_:)`` of `text` as UTF-8.
    static func appendField(_ text: String, to out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            guard isPlain(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if !plain { out.append(contentsOf: field(text).utf8) }
    }

    /// Appends ``field(_:)`` of the text whose (valid) UTF-8 is `bytes`.
    static func appendField(bytes: [UInt8], to out: inout [UInt8]) {
        let plain = bytes.withUnsafeBufferPointer { isPlain($0) }
        if plain { out.append(contentsOf: bytes) } else { out.append(contentsOf: field(String(decoding: bytes, as: UTF8.self)).utf8) }
    }

    /// True when `bytes` are ASCII without a comma, quote or line break: then every character is
    /// one byte and ``field(_:)`` returns the text as it is.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 || b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
            return false
        }
        return true
    }

    /// RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes.
    static func field(_ text: String?) -> String {
        guard let text else { return "" }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
