/// One comparable form of a name: its words joined into a transliteration key and a surface
/// string, its numbers, and the rules that produced it (with their cost to the score).
struct NameVariant: Sendable {
    /// Words joined, each through ``TransliterationKey/key(_:)``, doubled letters collapsed.
    var key: [UInt8]
    /// Words joined as spelled (after normalisation).
    var surface: [UInt8]
    /// Words as spelled, for reasons.
    var words: [[UInt8]]
    /// Each word's key (doubled letters collapsed): every one must be found, nearly, in the other
    /// name's key, so a shared common part (`KOREA … TRADING`) cannot hide a different distinctive word.
    var wordKeys: [[UInt8]]
    /// Numbers in order.
    var numbers: [[UInt8]]
    /// True for the word-order-free form (words sorted by key): compared only with its own family.
    var sorted: Bool
    /// Subtracted from the score when this form is used.
    var penalty: Double
    /// Rules behind this form, for reasons.
    var rules: [String]

    /// The comparable forms of a normalised name.
    /// - Parameters:
    ///   - n: the normalised name.
    ///   - rotations: add forms with the first word moved last and the last word moved first
    ///     (family name before or after the given names); used on the query side for people.
    static func forms(of n: NameNormalizer.Normalized, rotations: Bool) -> [NameVariant] {
        guard !n.words.isEmpty || !n.numbers.isEmpty else { return [] }
        var out: [NameVariant] = []
        func add(_ words: [[UInt8]], sorted: Bool, penalty: Double, rules: [String]) {
            var keys = words.map(TransliterationKey.key)
            if sorted {
                let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
                keys = order.map { keys[$0] }
                let w = order.map { words[$0] }
                out.append(make(w, keys, sorted: true, penalty: penalty, rules: rules))
            } else {
                out.append(make(words, keys, sorted: false, penalty: penalty, rules: rules))
            }
        }
        func make(_ words: [[UInt8]], _ keys: [[UInt8]], sorted: Bool, penalty: Double, rules: [String]) -> NameVariant {
            NameVariant(
                key: TransliterationKey.collapse(Array(keys.joined())), surface: Array(words.joined()), words: words,
                wordKeys: keys.map(TransliterationKey.collapse), numbers: n.numbers,
                sorted: sorted, penalty: penalty, rules: n.rules + rules
            )
        }
        add(n.words, sorted: false, penalty: 0, rules: [])
        let nonCountry = zip(n.words, n.isCountryWord).filter { !$0.1 }.map(\.0)
        if nonCountry.count < n.words.count, nonCountry.count >= 2 {
            let dropped = zip(n.words, n.isCountryWord).filter(\.1).map { String(decoding: $0.0, as: UTF8.self) }
            add(nonCountry, sorted: false, penalty: 0.03, rules: ["country word \(dropped.joined(separator: " ")) not required"])
        }
        if let s = n.surnameCount, s > 0, s < n.words.count {
            add(Array(n.words[s...] + n.words[..<s]), sorted: false, penalty: 0, rules: ["given names before family name"])
        }
        if rotations, (2...4).contains(n.words.count) {
            add(Array([n.words.last!] + n.words.dropLast()), sorted: false, penalty: 0.02, rules: ["word order: last word read as family name"])
            if n.words.count > 2 {
                add(Array(n.words.dropFirst() + [n.words[0]]), sorted: false, penalty: 0.02, rules: ["word order: first word moved last"])
            }
        }
        if n.words.count >= 2 {
            add(n.words, sorted: true, penalty: 0.04, rules: ["word order ignored"])
        }
        return out
    }
}
