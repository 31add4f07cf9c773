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
        var out: [NameVariant] = []
        appendForms(of: n, rotations: rotations, to: &out)
        return out
    }

    /// Appends ``forms(of:rotations:)`` to `out` (the index builds one array of all forms).
    static func appendForms(of n: NameNormalizer.Normalized, rotations: Bool, to out: inout [NameVariant]) {
        guard !n.words.isEmpty || !n.numbers.isEmpty else { return }
        // Each word's key is computed once and shared by every form that uses the word.
        let keys = n.words.map(TransliterationKey.key)
        let collapsedKeys = keys.map { key in zip(key, key.dropFirst()).contains { $0 == $1 } ? TransliterationKey.collapse(key) : key }
        /// A form with the words in `order` (nil: as printed).
        func add(_ order: [Int]?, sorted: Bool, penalty: Double, rules: [String]) {
            var order = order
            if sorted { order?.sort { keys[$0].lexicographicallyPrecedes(keys[$1]) } }
            var key: [UInt8] = []
            var surface: [UInt8] = []
            key.reserveCapacity(n.words.reduce(0) { $0 + $1.count })
            surface.reserveCapacity(key.capacity)
            func append(_ i: Int) {
                // The joined keys with doubled letters collapsed, across word boundaries too.
                for c in keys[i] where key.last != c { key.append(c) }
                surface += n.words[i]
            }
            if let order { order.forEach(append) } else { n.words.indices.forEach(append) }
            out.append(
                NameVariant(
                    key: key, surface: surface, words: order.map { $0.map { n.words[$0] } } ?? n.words,
                    wordKeys: order.map { $0.map { collapsedKeys[$0] } } ?? collapsedKeys,
                    numbers: n.numbers, sorted: sorted, penalty: penalty, rules: n.rules.isEmpty ? rules : n.rules + rules
                )
            )
        }
        add(nil, sorted: false, penalty: 0, rules: [])
        if n.isCountryWord.contains(true) {
            let nonCountry = n.words.indices.filter { !n.isCountryWord[$0] }
            if nonCountry.count >= 2 {
                let dropped = n.words.indices.filter { n.isCountryWord[$0] }.map { String(decoding: n.words[$0], as: UTF8.self) }
                add(nonCountry, sorted: false, penalty: 0.03, rules: ["country word \(dropped.joined(separator: " ")) not required"])
            }
        }
        let all = n.words.indices
        if let s = n.surnameCount, s > 0, s < n.words.count {
            add(Array(all[s...]) + all[..<s], sorted: false, penalty: 0, rules: Rule.givenNamesFirst)
        }
        if rotations, (2...4).contains(n.words.count) {
            add([all.last!] + all.dropLast(), sorted: false, penalty: 0.02, rules: Rule.lastWordFamilyName)
            if n.words.count > 2 {
                add(Array(all.dropFirst()) + [0], sorted: false, penalty: 0.02, rules: Rule.firstWordMovedLast)
            }
        }
        if n.words.count >= 2 {
            add(Array(all), sorted: true, penalty: 0.04, rules: Rule.wordOrderIgnored)
        }
    }

    /// The reasons of the fixed rules, made once.
    private enum Rule {
        static let givenNamesFirst = ["given names before family name"]
        static let lastWordFamilyName = ["word order: last word read as family name"]
        static let firstWordMovedLast = ["word order: first word moved last"]
        static let wordOrderIgnored = ["word order ignored"]
    }
}
