import CapwatchCore
import Foundation

/// Screens queries against a ``ScreeningIndex``: identifiers exactly, names through the
/// transliteration key, and every result with its reasons.
///
/// Name score, for the best pair of a query form and a listed form:
/// `0.8 × keySimilarity + 0.2 × spellingSimilarity − penalties`, where each similarity is
/// `1 − Levenshtein distance / longer length` (over the joined transliteration keys and over the
/// joined letters as spelled). Penalties: 0.03 for a dropped country word, 0.02 for a moved family
/// name, 0.04 for ignoring word order, 0.03 for a low-quality UN alias, 0.15 when only one side has a
/// number. Unless the keys are equal, the score is at most `0.3 + 0.7 × w`, where `w` is how well the
/// least-matched word of either name is found in the other (`1 − edits / word length`): a shared
/// common part (`KOREA … TRADING`, `KIM … CHOL`) cannot carry a different distinctive word
/// (`PUGANG`/`NAMGANG`, `TONG`/`YONG`). Names whose numbers differ (`SAM JONG 1` / `SAM JONG 2`) never match. An exact ship IMO
/// or MMSI scores 1, a call sign 0.95; a name match on a vessel whose listed IMO differs from the
/// query's loses 0.15.
///
/// Holds scratch buffers: one `Screener` per thread.
public struct Screener {
    /// The index screened against.
    public let index: ScreeningIndex
    private let scratch: Scratch

    /// - Parameter index: the loaded lists.
    public init(index: ScreeningIndex) {
        self.index = index
        self.scratch = Scratch(variants: index.variants.count, entries: index.entries.count)
    }

    /// Screens one query.
    /// - Parameter query: the name and/or identifiers, kind filter, threshold and limit.
    /// - Returns: matches with score ≥ `query.threshold`, best first (ties by list id), at most `query.limit`.
    public func screen(_ query: ScreeningQuery) -> [ScreeningMatch] {
        var found: [Int32: Candidate] = [:]
        func offer(_ e: Int32, _ c: Candidate) {
            if let kind = query.kind, index.entries[Int(e)].kind != kind { return }
            if let old = found[e] {
                if c.score > old.score {
                    found[e] = Candidate(score: c.score, field: c.field, nameIndex: c.nameIndex, reasons: c.reasons + old.reasons.filter { !c.reasons.contains($0) })
                } else {
                    found[e] = Candidate(score: old.score, field: old.field, nameIndex: old.nameIndex, reasons: old.reasons + c.reasons.filter { !old.reasons.contains($0) })
                }
            } else {
                found[e] = c
            }
        }
        if let imo = query.imo {
            if imo.isValid {
                for e in index.byVesselIMO[imo] ?? [] {
                    offer(e, Candidate(score: 1, field: .imo, nameIndex: 0, reasons: ["IMO \(imo) equals the listed vessel's IMO number (check digit valid)"]))
                }
            }
            // Company numbers follow their own scheme (no ship check digit): looked up only for entities.
            if query.kind == .entity {
                for e in index.byCompanyIMO[imo] ?? [] {
                    offer(e, Candidate(score: 1, field: .companyIMO, nameIndex: 0, reasons: ["IMO \(imo) equals the listed company (owner) IMO number"]))
                }
            }
        }
        if let mmsi = query.mmsi {
            for e in index.byMMSI[mmsi] ?? [] {
                offer(e, Candidate(score: 1, field: .mmsi, nameIndex: 0, reasons: ["MMSI \(mmsi) equals the listed vessel's MMSI"]))
            }
        }
        if let cs = query.callSign?.uppercased().trimmingCharacters(in: .whitespaces), !cs.isEmpty {
            for e in index.byCallSign[cs] ?? [] {
                offer(e, Candidate(score: 0.95, field: .callSign, nameIndex: 0, reasons: ["call sign \(cs) equals the listed call sign"]))
            }
        }
        if let name = query.name, !name.isEmpty {
            for (e, c) in screenName(name, query: query) { offer(e, c) }
        }
        var matches: [ScreeningMatch] = []
        for (e, c) in found where c.score >= query.threshold {
            let entry = index.entries[Int(e)]
            let matchedName: String
            switch c.field {
            case .name: matchedName = entry.names[Int(c.nameIndex)].text
            case .imo: matchedName = entry.primaryName
            default: matchedName = entry.primaryName
            }
            let score = (c.score * 1000).rounded() / 1000
            matches.append(
                ScreeningMatch(
                    entry: entry, score: min(1, max(0, score)), matchedOn: c.field, matchedName: matchedName, reasons: c.reasons,
                    version: index.versions[entry.list] ?? ListVersion(list: entry.list, date: nil, sha256: "")
                )
            )
        }
        matches.sort { ($0.score, $1.entry.listID) > ($1.score, $0.entry.listID) }
        return Array(matches.prefix(max(0, query.limit)))
    }

    struct Candidate {
        var score: Double
        var field: ScreeningMatch.MatchedField
        var nameIndex: Int16
        var reasons: [String]
    }

    /// Fuzzy name matching through the trigram index.
    private func screenName(_ name: String, query: ScreeningQuery) -> [(Int32, Candidate)] {
        let isPerson: Bool? = query.kind.map { $0 == .person }
        let normalized = NameNormalizer.normalize(name, isPerson: isPerson)
        let forms = NameVariant.forms(of: normalized, rotations: isPerson != false)
        guard !forms.isEmpty else { return [] }
        let minKeySimilarity = max(0, (query.threshold - 0.2) / 0.8)
        let s = scratch
        var best: [Int32: (score: Double, form: Int, variant: Int32)] = [:]
        var distance = s.distance
        defer { s.distance = distance }
        let lengths = index.keyLength
        let sortedForm = index.isSortedForm
        let gramCounts = index.gramCount
        let entryOf = index.variantEntry
        let kinds = index.entryKind
        for (f, form) in forms.enumerated() {
            let grams = ScreeningIndex.grams(of: form.key)
            let lq = form.key.count
            // Lengths that can reach the threshold: m·lq ≤ lc ≤ lq/m.
            let minLength = Int((minKeySimilarity * Double(lq)).rounded(.up))
            let maxLength = minKeySimilarity > 0 ? Int(Double(lq) / minKeySimilarity + 1e-9) : Int(UInt16.max)
            var touched = s.touched
            touched.removeAll(keepingCapacity: true)
            do {
                let counts = s.counts
                index.postings.withUnsafeBufferPointer { postings in
                    lengths.withUnsafeBufferPointer { lengths in
                        for g in grams {
                            var lo = Int(index.offsets[Int(g)])
                            let hi = Int(index.offsets[Int(g) + 1])
                            // Binary search the first posting with length ≥ minLength.
                            var a = lo
                            var b = hi
                            while a < b {
                                let mid = (a + b) / 2
                                if Int(lengths[Int(postings[mid])]) < minLength { a = mid + 1 } else { b = mid }
                            }
                            lo = a
                            var p = lo
                            while p < hi {
                                let v = Int(postings[p])
                                if Int(lengths[v]) > maxLength { break }
                                if counts[v] == 0 { touched.append(Int32(v)) }
                                counts[v] &+= 1
                                p += 1
                            }
                        }
                    }
                }
            }
            let counts = s.counts
            for t in touched {
                let v = Int(t)
                let shared = Int(counts[v])
                counts[v] = 0
                guard sortedForm[v] == form.sorted else { continue }
                let lc = Int(lengths[v])
                let longer = max(lq, lc)
                let maxEdits = Int((1 - minKeySimilarity) * Double(longer) + 1e-9)
                guard abs(lq - lc) <= maxEdits, shared >= grams.count - 3 * maxEdits, shared >= Int(gramCounts[v]) - 3 * maxEdits
                else { continue }
                let entry = entryOf[v]
                if let kind = query.kind, kinds[Int(entry)] != kind { continue }
                let quality = index.entries[Int(entry)].names[Int(index.variantName[v])].quality
                guard let score = pairScore(form, index.variants[v], nameQuality: quality, distance: &distance) else { continue }
                if score < query.threshold - 0.15 { continue }
                if let old = best[entry], old.score >= score { continue }
                best[entry] = (score, f, Int32(v))
            }
            s.touched = touched
        }
        return best.map { e, b in
            let v = index.variants[Int(b.variant)]
            var score = b.score
            var reasons = explain(forms[b.form], v, entry: index.entries[Int(e)], nameIndex: Int(index.variantName[Int(b.variant)]), score: b.score, distance: &distance)
            if let imo = query.imo, let listed = index.entries[Int(e)].vesselIMO, listed != imo {
                score -= 0.15
                reasons.append("but the listed vessel's IMO is \(listed), not \(imo) (−0.15)")
            }
            return (e, Candidate(score: score, field: .name, nameIndex: index.variantName[Int(b.variant)], reasons: reasons))
        }
    }

    /// The score of a query form against a listed form, nil when their numbers disagree.
    private func pairScore(_ q: NameVariant, _ c: NameVariant, nameQuality: ListedEntry.NameQuality, distance: inout EditDistance) -> Double? {
        var penalty = q.penalty + c.penalty
        if q.numbers != c.numbers {
            if !q.numbers.isEmpty, !c.numbers.isEmpty { return nil }
            penalty += 0.15
        }
        if nameQuality == .lowQuality { penalty += 0.03 }
        if q.key.isEmpty || c.key.isEmpty { return q.key == c.key ? 1 - penalty : nil }
        let keySimilarity = distance.similarity(q.key, c.key)
        let spelling = q.surface == c.surface ? 1 : distance.similarity(q.surface, c.surface)
        let score = 0.8 * keySimilarity + 0.2 * spelling - penalty
        guard keySimilarity < 1 else { return score }
        return min(score, 0.3 + 0.7 * Screener.wordCoverage(q, c, distance: &distance))
    }

    /// The worst-found word: for each word (key of two letters or more) of either name, `1 − edits /
    /// length` to the closest substring of the other name's key; the minimum over all words.
    static func wordCoverage(_ q: NameVariant, _ c: NameVariant, distance: inout EditDistance) -> Double {
        var worst = 1.0
        for (words, other) in [(q.wordKeys, c.key), (c.wordKeys, q.key)] {
            for w in words where w.count >= 2 {
                let d = distance.substringDistance(w, in: other)
                if d > 0 { worst = min(worst, 1 - Double(d) / Double(w.count)) }
            }
        }
        return worst
    }

    /// The reasons for a name match, in the order an analyst reads them.
    private func explain(_ q: NameVariant, _ c: NameVariant, entry: ListedEntry, nameIndex: Int, score: Double, distance: inout EditDistance) -> [String] {
        let name = entry.names[nameIndex]
        let what: String
        switch name.quality {
        case .primary: what = "primary name"
        case .aka: what = "alias (a.k.a.)"
        case .lowQuality: what = "low-quality alias (−0.03)"
        case .formerly: what = "former name (f.k.a.)"
        case .now: what = "new name (n.k.a.)"
        }
        var reasons = ["name matched the \(what) \"\(name.text)\" (\(String(format: "%.3f", score)))"]
        var rules: [String] = []
        for r in q.rules + c.rules where !rules.contains(r) { rules.append(r) }
        reasons += rules
        if q.numbers != c.numbers {
            reasons.append("number only on one side (−0.15)")
        } else if !q.numbers.isEmpty {
            reasons.append("numbers agree: \(q.numbers.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))")
        }
        if q.surface != c.surface {
            let keyEdits = distance.distance(q.key, c.key)
            let sameLetters = q.surface == c.surface
            let joinedDiffers = q.words.count != c.words.count
            if joinedDiffers, Array(q.words.joined()) == Array(c.words.joined()) || q.key == c.key && q.words.count != c.words.count {
                reasons.append("syllables joined or split (\(String(decoding: Array(q.words.joined(separator: [32])), as: UTF8.self)) / \(String(decoding: Array(c.words.joined(separator: [32])), as: UTF8.self)))")
            }
            if keyEdits == 0, !sameLetters, Array(q.words.joined()) != Array(c.words.joined()) {
                reasons.append("same name under transliteration rules (\(String(decoding: q.surface, as: UTF8.self)) ~ \(String(decoding: c.surface, as: UTF8.self)))")
            } else if keyEdits > 0 {
                reasons.append("\(keyEdits) spelling difference(s) after transliteration (\(String(decoding: q.key, as: UTF8.self)) / \(String(decoding: c.key, as: UTF8.self)))")
                let coverage = Screener.wordCoverage(q, c, distance: &distance)
                if coverage < 1 {
                    reasons.append(String(format: "every word found in the other name to %.2f: score at most %.3f", coverage, 0.3 + 0.7 * coverage))
                }
            }
        }
        return reasons
    }

    /// Per-screener buffers: gram counts per variant and the list of variants touched.
    private final class Scratch {
        let counts: UnsafeMutableBufferPointer<UInt16>
        var touched: [Int32] = []
        var distance = EditDistance()
        init(variants: Int, entries: Int) {
            counts = .allocate(capacity: max(1, variants))
            counts.initialize(repeating: 0)
            touched.reserveCapacity(4096)
        }
        deinit { counts.deallocate() }
    }
}
