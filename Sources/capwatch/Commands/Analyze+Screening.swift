import CapwatchCore
import Foundation
import SanctionsScreening
import TrackAnalysis

extension Analyze {
    /// The screening index of `--lists` (or the default lists); nil for `--lists none`, and nil with
    /// a warning when no lists are found and none were asked for.
    /// - Throws: ``CapwatchCLIError`` when the lists given cannot be read.
    static func screeningIndex(lists: String?) throws -> ScreeningIndex? {
        if lists == "none" { return nil }
        if lists == nil, (try? Screen.listsDirectory(nil)) == nil {
            FileHandle.standardError.write(Data("warning: no sanctions lists found (give --lists DIR or set CAPWATCH_LISTS): vessels not screened\n".utf8))
            return nil
        }
        return try Screen.loadIndex(lists)
    }

    /// The best listing of each vessel that matches one: every identity a track presented is
    /// screened by IMO number (when its check digit is valid), MMSI, call sign and name.
    ///
    /// A name alone marks a vessel only when the listed name has two tokens or more: AIS is full of
    /// one-word names (MARIA, ALPHA, ATLANTIS) that are also former names of listed ships.
    ///
    /// The vessels are screened on both cores, each half with its own ``Screener`` of `index`.
    static func listings(for tracks: [TrackSummary], index: ScreeningIndex, threshold: Double = ScreeningQuery.defaultThreshold) -> [MMSI: ScreeningMatch] {
        let ranges = Parallel.ranges(tracks.count, parts: 2)
        let parts = Parallel.map(ranges.count) { listings(for: tracks[ranges[$0]], screener: Screener(index: index), threshold: threshold) }
        return parts.reduce(into: [:]) { all, part in all.merge(part) { a, _ in a } }
    }

    /// ``listings(for:index:threshold:)`` of `tracks` on this thread with `screener`.
    static func listings(for tracks: ArraySlice<TrackSummary>, screener: Screener, threshold: Double = ScreeningQuery.defaultThreshold) -> [MMSI: ScreeningMatch] {
        var out: [MMSI: ScreeningMatch] = [:]
        for t in tracks {
            var best: ScreeningMatch?
            var identities = t.identity.versions.map(\.identity)
            if identities.isEmpty { identities = [VesselIdentity()] }
            for id in identities {
                let q = ScreeningQuery(
                    name: id.name, kind: .vessel, imo: id.imo.flatMap { $0.isValid ? $0 : nil }, mmsi: t.mmsi, callSign: id.callSign,
                    threshold: threshold, limit: 1
                )
                guard let m = screener.screen(q).first else { continue }
                if m.matchedOn == .name {
                    let n = NameNormalizer.normalize(m.matchedName, isPerson: false)
                    if n.words.count + n.numbers.count < 2 { continue }
                }
                if m.score > best?.score ?? -1 { best = m }
            }
            if let best { out[t.mmsi] = best }
        }
        return out
    }
}
