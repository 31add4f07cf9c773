import Foundation

/// Turns a printed name into comparable forms: tokens of upper-case ASCII letters or digits, with
/// the noise removed and each removal recorded as a rule for the match's reasons.
///
/// Rules, in order:
/// 1. diacritics folded (`Ŏ` → `O`), Cyrillic transliterated (BGN/PCGN style), apostrophes and
///    McCune–Reischauer breves removed (`Ch'ŏl` → `CHOL`), every other punctuation mark a word break,
///    letters and digits split (`NO.1` → `NO 1`, `YUSONG12` → `YUSONG 12`);
/// 2. `NO`/`NR` before a number dropped (`TONG HUNG NO.1` = `TONG HUNG 1`);
/// 3. a leading vessel prefix dropped (`M/V`, `M/T`, `MV`, `MT`, `M/S`, `SS`) unless the name is a person's;
/// 4. trailing company forms dropped (`CO`, `CORP`, `CORPORATION`, `COMPANY`, `LTD`, `LLC`, `JSC`…);
/// 5. abbreviations expanded (`DEV` → `DEVELOPMENT`, `SHPG` → `SHIPPING`, `INTL` → `INTERNATIONAL`…);
/// 6. `THE`, `OF`, `AND` dropped;
/// 7. country words (`KOREA`, `KOREAN`, `DPRK`, `CHOSON`, `NORTH`…) marked, so a variant without
///    them can be compared (`Daesong Bank` ~ `KOREA DAESONG BANK`).
public enum NameNormalizer {
    /// A normalised name.
    public struct Normalized: Sendable, Hashable {
        /// Word tokens (letters only), in order.
        public var words: [[UInt8]]
        /// Whether each word is a country word.
        public var isCountryWord: [Bool]
        /// Number tokens, in order, as digit strings without leading zeros.
        public var numbers: [[UInt8]]
        /// Rules that changed the name (for reasons).
        public var rules: [String]
        /// True when the first token group came before a comma (OFAC `SURNAME, Given`).
        public var surnameCount: Int?
    }

    static let companyForms: Set<String> = [
        "CO", "CORP", "CORPORATION", "COMPANY", "LTD", "LIMITED", "LLC", "INC", "INCORPORATED", "PLC", "GMBH", "JSC", "OJSC",
        "CJSC", "PJSC", "OAO", "ZAO", "OOO", "LLP", "PTE", "PTY", "PVT", "BV", "NV", "SA", "SARL", "SRL", "SPA", "AG", "FZE",
        "FZCO", "FZC", "DMCC", "CORPN", "COMP", "LIMITADA", "LTDA",
    ]
    static let abbreviations: [String: String] = [
        "DEV": "DEVELOPMENT", "DEVT": "DEVELOPMENT", "SHPG": "SHIPPING", "SHIPG": "SHIPPING", "INTL": "INTERNATIONAL",
        "INTERNATL": "INTERNATIONAL", "TRDG": "TRADING", "MGMT": "MANAGEMENT", "MGT": "MANAGEMENT", "MNGT": "MANAGEMENT",
        "NATL": "NATIONAL", "GEN": "GENERAL", "GENL": "GENERAL", "TECH": "TECHNOLOGY", "DEPT": "DEPARTMENT",
        "ASSN": "ASSOCIATION", "CTR": "CENTER", "CENTRE": "CENTER", "MFG": "MANUFACTURING", "IND": "INDUSTRIAL",
        "INDS": "INDUSTRIES", "BK": "BANK", "MAR": "MARITIME", "NAV": "NAVIGATION", "ENT": "ENTERPRISE", "GRP": "GROUP",
        "HLDGS": "HOLDINGS", "HLDG": "HOLDING", "SVCS": "SERVICES", "INVT": "INVESTMENT", "COMM": "COMMERCIAL",
    ]
    static let stopWords: Set<String> = ["THE", "OF", "AND"]
    static let countryWords: Set<String> = ["KOREA", "KOREAN", "DPRK", "CHOSON", "NORTH", "DEMOCRATIC", "PEOPLES", "REPUBLIC"]
    static let vesselPrefixes: [[String]] = [["M", "V"], ["M", "T"], ["M", "S"], ["MV"], ["MT"], ["SS"]]

    /// What the rules know about a word: one lookup per token instead of one per rule.
    struct WordClass {
        var isStopWord = false
        var isCompanyForm = false
        var isCountryWord = false
        /// The expansion of an abbreviation, and whether that is a country word.
        var expansion: (bytes: [UInt8], text: String, isCountryWord: Bool)?
    }

    /// ``stopWords``, ``companyForms``, ``countryWords`` and ``abbreviations`` by word bytes.
    static let lexicon: [ArraySlice<UInt8>: WordClass] = {
        var table: [ArraySlice<UInt8>: WordClass] = [:]
        for w in stopWords { table[ArraySlice(w.utf8), default: WordClass()].isStopWord = true }
        for w in companyForms { table[ArraySlice(w.utf8), default: WordClass()].isCompanyForm = true }
        for w in countryWords { table[ArraySlice(w.utf8), default: WordClass()].isCountryWord = true }
        for (w, e) in abbreviations { table[ArraySlice(w.utf8), default: WordClass()].expansion = (Array(e.utf8), e, countryWords.contains(e)) }
        return table
    }()
    /// A first cut before ``lexicon``: bit `(first letter, last letter, length)` is set for every
    /// word in it, so most words are passed over without hashing.
    static let lexiconSketch: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 26 * 26 * 16 / 64)
        for word in lexicon.keys { if let i = sketchIndex(word) { bits[i / 64] |= 1 << UInt64(i % 64) } }
        return bits
    }()

    /// The bit of `word` in ``lexiconSketch``: nil unless it starts and ends with `A`–`Z`.
    static func sketchIndex(_ word: ArraySlice<UInt8>) -> Int? {
        guard let f = word.first, let l = word.last, (65...90).contains(f), (65...90).contains(l) else { return nil }
        return (Int(f - 65) * 26 + Int(l - 65)) * 16 + min(word.count, 15)
    }

    /// The lexicon's entry for a word of upper-case letters, if any.
    static func wordClass(_ word: ArraySlice<UInt8>) -> WordClass? {
        guard let i = sketchIndex(word), lexiconSketch[i / 64] & (1 << UInt64(i % 64)) != 0 else { return nil }
        return lexicon[word]
    }

    static let vesselPrefixBytes: [[[UInt8]]] = vesselPrefixes.map { $0.map { Array($0.utf8) } }

    /// A token of the folded name: letters only or digits only, as a range of the token bytes.
    fileprivate struct Token {
        var range: Range<Int>
        var isDigits: Bool
    }

    /// Working memory for ``normalize(_:isPerson:buffers:)``, kept between calls so that
    /// normalising many names does not allocate it again for each. One per thread.
    struct Buffers {
        fileprivate var folded: [UInt8] = []
        fileprivate var chars: [UInt8] = []
        fileprivate var tokens: [Token] = []
    }

    /// Normalises a name.
    /// - Parameters:
    ///   - text: the name as printed or typed.
    ///   - isPerson: true for people (no vessel prefix or company-form rules), false for others,
    ///     nil when unknown (the query side without `--kind`: company and vessel rules apply).
    /// - Returns: the tokens and the rules applied.
    public static func normalize(_ text: String, isPerson: Bool?) -> Normalized {
        var buffers = Buffers()
        return normalize(text, isPerson: isPerson, buffers: &buffers)
    }

    /// ``normalize(_:isPerson:)`` with working memory reused from earlier calls.
    static func normalize(_ text: String, isPerson: Bool?, buffers: inout Buffers) -> Normalized {
        // 1. Fold to upper-case ASCII, 0 for a joining apostrophe.
        var folded = buffers.folded
        buffers.folded = []
        folded.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let v = UInt8(scalar.value)
                switch v {
                case 0x61...0x7A: folded.append(v - 32)
                case 0x27, 0x60: folded.append(0)
                default: folded.append(v)
                }
            } else {
                folded.append(contentsOf: fold(scalar))
            }
        }
        // Tokens: runs of letters or of digits, their bytes kept one after the other in `chars`.
        var chars = buffers.chars
        var tokens = buffers.tokens
        (buffers.chars, buffers.tokens) = ([], [])
        chars.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        defer { (buffers.folded, buffers.chars, buffers.tokens) = (folded, chars, tokens) }
        var start = 0
        var currentDigits = false
        var commaAfter: Int?
        for byte in folded {
            let isLetter = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if byte == 0 { continue }  // apostrophe: joins
            // A token ends at anything but a letter or digit, and where letters and digits meet.
            if !(isLetter || isDigit) || isDigit != currentDigits {
                if chars.count > start { tokens.append(Token(range: start..<chars.count, isDigits: currentDigits)) }
                start = chars.count
            }
            if isLetter || isDigit {
                currentDigits = isDigit
                chars.append(byte)
            } else if byte == UInt8(ascii: ","), commaAfter == nil {
                commaAfter = tokens.count
            }
        }
        if chars.count > start { tokens.append(Token(range: start..<chars.count, isDigits: currentDigits)) }
        func bytes(_ t: Token) -> ArraySlice<UInt8> { chars[t.range] }
        func string(_ t: Token) -> String { String(decoding: chars[t.range], as: UTF8.self) }

        var rules: [String] = []
        // 2. NO before a number.
        var i = 0
        while i + 1 < tokens.count {
            let t = tokens[i]
            if !t.isDigits, bytes(t).elementsEqual("NO".utf8) || bytes(t).elementsEqual("NR".utf8), tokens[i + 1].isDigits {
                tokens.remove(at: i)
                if let c = commaAfter, c > i { commaAfter = c - 1 }
                rules.append("number marker \(string(t)) ignored")
            }
            i += 1
        }
        // 3. vessel prefix.
        if isPerson != true {
            for (prefix, text) in zip(vesselPrefixBytes, vesselPrefixes) where tokens.count > prefix.count {
                if zip(prefix, tokens).allSatisfy({ bytes($0.1).elementsEqual($0.0) }), tokens[prefix.count...].contains(where: { !$0.isDigits }) {
                    tokens.removeFirst(prefix.count)
                    rules.append("vessel prefix \(text.joined(separator: "/")) removed")
                    commaAfter = nil
                    break
                }
            }
        }
        // 4. trailing company forms.
        if isPerson != true {
            var removed: [String] = []
            while tokens.count > 1, let last = tokens.last, !last.isDigits, wordClass(bytes(last))?.isCompanyForm == true {
                removed.insert(string(last), at: 0)
                tokens.removeLast()
            }
            if !removed.isEmpty { rules.append("company form \(removed.joined(separator: " ")) removed") }
        }
        var words: [[UInt8]] = []
        var numbers: [[UInt8]] = []
        var country: [Bool] = []
        var surnameCount: Int?
        for (index, t) in tokens.enumerated() {
            if index == commaAfter, isPerson != false { surnameCount = words.count }
            if t.isDigits {
                var d = Array(bytes(t).drop(while: { $0 == UInt8(ascii: "0") }))
                if d.isEmpty { d = [UInt8(ascii: "0")] }
                numbers.append(d)
                continue
            }
            let word = wordClass(bytes(t))
            if word?.isStopWord == true, tokens.count > 1 { continue }
            if isPerson != true, let expanded = word?.expansion {
                rules.append("abbreviation \(string(t)) read as \(expanded.text)")
                words.append(expanded.bytes)
                country.append(expanded.isCountryWord)
            } else {
                words.append(Array(bytes(t)))
                country.append(word?.isCountryWord == true)
            }
        }
        return Normalized(words: words, isCountryWord: country, numbers: numbers, rules: rules, surnameCount: surnameCount)
    }

    /// Folds one Unicode scalar to upper-case ASCII bytes: letters with diacritics to their base,
    /// Cyrillic by transliteration, apostrophes and breves to `0` (remove, joining the word),
    /// everything else to a space.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x30...0x39: return [UInt8(v)]
        case 0x61...0x7A: return [UInt8(v - 32)]
        case 0x27, 0x60, 0x2018, 0x2019, 0x02BC, 0x02BB, 0x02BE, 0x02BF, 0x00B4, 0x0306, 0x02D8: return [0]
        case 0x2C: return [UInt8(ascii: ",")]
        case 0x00DF: return Array("SS".utf8)
        case 0x00C6, 0x00E6: return Array("AE".utf8)
        case 0x0152, 0x0153: return Array("OE".utf8)
        case 0x00D8, 0x00F8: return [UInt8(ascii: "O")]
        case 0x0110, 0x0111: return [UInt8(ascii: "D")]
        case 0x0141, 0x0142: return [UInt8(ascii: "L")]
        case 0x0400...0x045F:
            return cyrillic(v)
        case 0x80...:
            // Decompose and keep the base letter (Ŏ → O, é → E).
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base.value < 0x80, base.value != v {
                return fold(base) + decomposed.dropFirst().flatMap { $0.value == 0x0306 ? [] : fold($0).filter { $0 != UInt8(ascii: " ") } }
            }
            return [UInt8(ascii: " ")]
        default: return [UInt8(ascii: " ")]
        }
    }

    /// BGN/PCGN-style romanisation of Russian Cyrillic (upper and lower case).
    static func cyrillic(_ v: UInt32) -> [UInt8] {
        let table = [
            "A", "B", "V", "G", "D", "E", "ZH", "Z", "I", "Y", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U", "F", "KH", "TS", "CH",
            "SH", "SHCH", "", "Y", "", "E", "YU", "YA",
        ]
        var u = v
        if (0x0430...0x044F).contains(u) { u -= 0x20 }
        if u == 0x0401 || u == 0x0451 { return Array("YO".utf8) }
        guard (0x0410...0x042F).contains(u) else { return [UInt8(ascii: " ")] }
        let s = table[Int(u - 0x0410)]
        return s.isEmpty ? [0] : Array(s.utf8)
    }
}
