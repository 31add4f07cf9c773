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

    /// Builds the index.
    /// - Parameters:
    ///   - lists: entries with the version of the list they came from.
    public init(lists: [(entries: [ListedEntry], version: ListVersion)]) {
        var entries: [ListedEntry] = []
        var versions: [SanctionsList: ListVersion] = [:]
        for l in lists {
            entries += l.entries
            versions[l.version.list] = l.version
        }
        var variants: [NameVariant] = []
        var variantEntry: [Int32] = []
        var variantName: [Int16] = []
        var vesselIMO: [IMONumber: [Int32]] = [:]
        var companyIMO: [IMONumber: [Int32]] = [:]
        var mmsi: [MMSI: [Int32]] = [:]
        var callSign: [String: [Int32]] = [:]
        for (e, entry) in entries.enumerated() {
            let id = Int32(e)
            if let v = entry.vesselIMO { vesselIMO[v, default: []].append(id) }
            if let v = entry.companyIMO { companyIMO[v, default: []].append(id) }
            if let v = entry.mmsi { mmsi[v, default: []].append(id) }
            if let v = entry.callSign { callSign[v.uppercased(), default: []].append(id) }
            for (k, name) in entry.names.enumerated() {
                let n = NameNormalizer.normalize(name.text, isPerson: entry.kind == .person)
                for v in NameVariant.forms(of: n, rotations: false) {
                    variants.append(v)
                    variantEntry.append(id)
                    variantName.append(Int16(k))
                }
            }
        }
        // Trigram postings (counting sort into CSR).
        var counts = [Int32](repeating: 0, count: ScreeningIndex.gramSpace + 1)
        var gramCount = [UInt16](repeating: 0, count: variants.count)
        var grams: [[Int32]] = []
        grams.reserveCapacity(variants.count)
        for (i, v) in variants.enumerated() {
            let g = ScreeningIndex.grams(of: v.key)
            gramCount[i] = UInt16(min(g.count, Int(UInt16.max)))
            for x in g { counts[Int(x) + 1] += 1 }
            grams.append(g)
        }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var postings = [Int32](repeating: 0, count: Int(counts.last!))
        var fill = counts
        let byLength = variants.indices.sorted { (variants[$0].key.count, $0) < (variants[$1].key.count, $1) }
        for i in byLength {
            let g = grams[i]
            for x in g {
                postings[Int(fill[Int(x)])] = Int32(i)
                fill[Int(x)] += 1
            }
        }
        self.entries = entries
        self.versions = versions
        self.variants = variants
        self.variantEntry = variantEntry
        self.variantName = variantName
        self.offsets = counts
        self.postings = postings
        self.gramCount = gramCount
        self.keyLength = variants.map { UInt16(min($0.key.count, Int(UInt16.max))) }
        self.isSortedForm = variants.map(\.sorted)
        self.entryKind = entries.map(\.kind)
        self.byVesselIMO = vesselIMO
        self.byCompanyIMO = companyIMO
        self.byMMSI = mmsi
        self.byCallSign = callSign
    }

    /// 27³ trigram ids: `#` (word boundary) is 0, `A`…`Z` are 1…26.
    static let gramSpace = 27 * 27 * 27

    /// Distinct trigrams of `#key#`, sorted.
    static func grams(of key: [UInt8]) -> [Int32] {
        guard !key.isEmpty else { return [] }
        var padded: [Int32] = [0]
        for c in key { padded.append(c >= 65 && c <= 90 ? Int32(c - 64) : 0) }
        padded.append(0)
        var out: [Int32] = []
        out.reserveCapacity(padded.count)
        if padded.count >= 3 {
            for i in 0...(padded.count - 3) { out.append(padded[i] * 729 + padded[i + 1] * 27 + padded[i + 2]) }
        }
        out.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(out.count)
        for g in out where unique.last != g { unique.append(g) }
        return unique
    }
}
