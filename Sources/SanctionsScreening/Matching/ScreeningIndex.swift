import CapwatchCore

/// The loaded lists, prepared for screening: every name and alias of every entry in its
/// comparable forms, a trigram index over their transliteration keys (so a query is compared
/// only with names that share enough trigrams to reach the threshold), and exact-identifier maps.
///
/// Immutable and `Sendable`: build once, screen from any number of ``Screener`` values.
public final class ScreeningIndex: Sendable {
    /// All entries, UN then OFAC in list order.
    public let entries: [ListedEntry]
    /// The version of each list loaded.
    public let versions: [SanctionsList: ListVersion]

    let variants: [NameVariant]
    let variantEntry: [Int32]
    let variantName: [Int16]
    /// CSR trigram postings: `postings[offsets[g]..<offsets[g+1]]` are the variants containing gram `g`.
    let offsets: [Int32]
    let postings: [Int32]
    /// Distinct trigram count of each variant.
    let gramCount: [UInt16]
    /// Key length of each variant (postings of a gram are sorted by it, so a query scans only the
    /// lengths that can reach the threshold).
    let keyLength: [UInt16]
    /// Whether each variant is a word-order-free form.
    let isSortedForm: [Bool]
    /// Kind of each entry, for the kind filter without copying entries.
    let entryKind: [ListedEntry.Kind]
    let byVesselIMO: [IMONumber: [Int32]]
    let byCompanyIMO: [IMONumber: [Int32]]
    let byMMSI: [MMSI: [Int32]]
    let byCallSign: [String: [Int32]]

    /// Number of names and aliases indexed.
    public var nameCount: Int { entries.reduce(0) { $0 + $1.names.count } }

    /// Builds the index. The names are prepared on all cores, in consecutive chunks of entries
    /// joined in order, so the variants are numbered exactly as if built one by one.
    /// - Parameters:
    ///   - lists: entries with the version of the list they came from.
    public init(lists: [(entries: [ListedEntry], version: ListVersion)]) {
        var entries: [ListedEntry] = []
        var versions: [SanctionsList: ListVersion] = [:]
        entries.reserveCapacity(lists.reduce(0) { $0 + $1.entries.count })
        for l in lists {
            entries += l.entries
            versions[l.version.list] = l.version
        }
        var vesselIMO: [IMONumber: [Int32]] = [:]
        var companyIMO: [IMONumber: [Int32]] = [:]
        var mmsi: [MMSI: [Int32]] = [:]
        var callSign: [String: [Int32]] = [:]
        for e in entries.indices {
            let id = Int32(e)
            if let v = entries[e].vesselIMO { vesselIMO[v, default: []].append(id) }
            if let v = entries[e].companyIMO { companyIMO[v, default: []].append(id) }
            if let v = entries[e].mmsi { mmsi[v, default: []].append(id) }
            if let v = entries[e].callSign { callSign[v.uppercased(), default: []].append(id) }
        }
        let chunks = Parallel.ranges(entries.count, parts: 8)
        let parts = Parallel.map(chunks.count) { k in NameForms(entries, chunks[k]) }
        var variants: [NameVariant] = []
        var variantEntry: [Int32] = []
        var variantName: [Int16] = []
        var grams: [Int32] = []
        var gramStart = [0]
        let variantCount = parts.reduce(0) { $0 + $1.variants.count }
        variants.reserveCapacity(variantCount)
        variantEntry.reserveCapacity(variantCount)
        variantName.reserveCapacity(variantCount)
        gramStart.reserveCapacity(variantCount + 1)
        grams.reserveCapacity(parts.reduce(0) { $0 + $1.grams.count })
        for p in parts {
            variants += p.variants
            variantEntry += p.entryNumber
            variantName += p.nameNumber
            gramStart += p.gramEnds.map { grams.count + $0 }
            grams += p.grams
        }
        // Trigram postings (counting sort into CSR); each gram's postings ordered by key length,
        // then variant number.
        var counts = [Int32](repeating: 0, count: ScreeningIndex.gramSpace + 1)
        for g in grams { counts[Int(g) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        let keyLength = variants.map { UInt16(min($0.key.count, Int(UInt16.max))) }
        var postings = [Int32](repeating: 0, count: grams.count)
        var fill = counts
        postings.withUnsafeMutableBufferPointer { postings in
            fill.withUnsafeMutableBufferPointer { next in
                for i in ScreeningIndex.orderByLength(keyLength) {
                    for j in gramStart[i]..<gramStart[i + 1] {
                        let g = Int(grams[j])
                        postings[Int(next[g])] = Int32(i)
                        next[g] += 1
                    }
                }
            }
        }
        self.entries = entries
        self.versions = versions
        self.variants = variants
        self.variantEntry = variantEntry
        self.variantName = variantName
        self.offsets = counts
        self.postings = postings
        self.gramCount = variants.indices.map { UInt16(min(gramStart[$0 + 1] - gramStart[$0], Int(UInt16.max))) }
        self.keyLength = keyLength
        self.isSortedForm = variants.map(\.sorted)
        self.entryKind = entries.map(\.kind)
        self.byVesselIMO = vesselIMO
        self.byCompanyIMO = companyIMO
        self.byMMSI = mmsi
        self.byCallSign = callSign
    }

    /// The name forms of a run of entries, each with its trigrams.
    private struct NameForms {
        var variants: [NameVariant] = []
        /// Entry number and name number (in the entry) of each variant.
        var entryNumber: [Int32] = []
        var nameNumber: [Int16] = []
        /// `grams[gramEnds[i - 1]..<gramEnds[i]]` are the trigrams of variant `i`.
        var grams: [Int32] = []
        var gramEnds: [Int] = []

        init(_ entries: [ListedEntry], _ range: Range<Int>) {
            // About 2.3 forms a name and a dozen trigrams a form on the shipped lists: reserving
            // spares the copies (and fresh pages) of growing arrays.
            let names = entries[range].reduce(0) { $0 + $1.names.count }
            variants.reserveCapacity(3 * names)
            entryNumber.reserveCapacity(3 * names)
            nameNumber.reserveCapacity(3 * names)
            gramEnds.reserveCapacity(3 * names)
            grams.reserveCapacity(32 * names)
            var buffers = NameNormalizer.Buffers()
            for e in range {
                let isPerson = entries[e].kind == .person
                for (k, listed) in entries[e].names.enumerated() {
                    let n = NameNormalizer.normalize(listed.text, isPerson: isPerson, buffers: &buffers)
                    let first = variants.count
                    NameVariant.appendForms(of: n, rotations: false, to: &variants)
                    for v in first..<variants.count {
                        ScreeningIndex.appendGrams(of: variants[v].key, to: &grams)
                        gramEnds.append(grams.count)
                        entryNumber.append(Int32(e))
                        nameNumber.append(Int16(k))
                    }
                }
            }
        }
    }

    /// Variant numbers ordered by key length, then number (a stable counting sort).
    static func orderByLength(_ lengths: [UInt16]) -> [Int] {
        var start = [Int](repeating: 0, count: Int(lengths.max() ?? 0) + 2)
        for l in lengths { start[Int(l) + 1] += 1 }
        for i in 1..<start.count { start[i] += start[i - 1] }
        var order = [Int](repeating: 0, count: lengths.count)
        for (i, l) in lengths.enumerated() {
            order[start[Int(l)]] = i
            start[Int(l)] += 1
        }
        return order
    }

    /// 27³ trigram ids: `#` (word boundary) is 0, `A`…`Z` are 1…26.
    static let gramSpace = 27 * 27 * 27

    /// Distinct trigrams of `#key#`, sorted.
    static func grams(of key: [UInt8]) -> [Int32] {
        var out: [Int32] = []
        appendGrams(of: key, to: &out)
        return out
    }

    /// Appends the distinct trigrams of `#key#`, sorted, to `out`.
    static func appendGrams(of key: [UInt8], to out: inout [Int32]) {
        guard !key.isEmpty else { return }
        @inline(__always) func code(_ c: UInt8) -> Int32 { c >= 65 && c <= 90 ? Int32(c - 64) : 0 }
        // `#key#` has as many trigrams as `key` has letters; each is inserted into a sorted run
        // (a key has a few dozen letters at most), duplicates dropped.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: key.count) { sorted in
            var count = 0
            var a: Int32 = 0
            var b = code(key[0])
            for i in 0..<key.count {
                let c = i + 1 < key.count ? code(key[i + 1]) : 0
                let x = a * 729 + b * 27 + c
                (a, b) = (b, c)
                var j = count
                while j > 0, sorted[j - 1] > x { j -= 1 }
                if j > 0, sorted[j - 1] == x { continue }
                var k = count
                while k > j {
                    sorted[k] = sorted[k - 1]
                    k -= 1
                }
                sorted[j] = x
                count += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: sorted[..<count]))
        }
    }
}
