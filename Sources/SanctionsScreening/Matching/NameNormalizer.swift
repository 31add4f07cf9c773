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

    /// Normalises a name.
    /// - Parameters:
    ///   - text: the name as printed or typed.
    ///   - isPerson: true for people (no vessel prefix or company-form rules), false for others,
    ///     nil when unknown (the query side without `--kind`: company and vessel rules apply).
    /// - Returns: the tokens and the rules applied.
    public static func normalize(_ text: String, isPerson: Bool?) -> Normalized {
        var raw: [(token: [UInt8], isDigits: Bool)] = []
        var current: [UInt8] = []
        var currentDigits = false
        var commaAfter: Int?
        func flush() {
            if !current.isEmpty { raw.append((current, currentDigits)) }
            current.removeAll(keepingCapacity: true)
        }
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let v = UInt8(scalar.value)
                switch v {
                case 0x61...0x7A: ascii.append(v - 32)
                case 0x27, 0x60: ascii.append(0)
                default: ascii.append(v)
                }
            } else {
                ascii.append(contentsOf: fold(scalar))
            }
        }
        do {
            for byte in ascii {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if currentDigits { flush() }
                    currentDigits = false
                    current.append(byte)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if !currentDigits { flush() }
                    currentDigits = true
                    current.append(byte)
                case 0:  // apostrophe: joins
                    break
                case UInt8(ascii: ","):
                    flush()
                    if commaAfter == nil { commaAfter = raw.count }
                default:
                    flush()
                }
            }
        }
        flush()

        var rules: [String] = []
        var tokens = raw
        // 2. NO before a number.
        var i = 0
        while i + 1 < tokens.count {
            let t = tokens[i].token
            if !tokens[i].isDigits, t == Array("NO".utf8) || t == Array("NR".utf8), tokens[i + 1].isDigits {
                tokens.remove(at: i)
                if let c = commaAfter, c > i { commaAfter = c - 1 }
                rules.append("number marker \(String(decoding: t, as: UTF8.self)) ignored")
            }
            i += 1
        }
        // 3. vessel prefix.
        if isPerson != true {
            for prefix in vesselPrefixes where tokens.count > prefix.count {
                if zip(prefix, tokens).allSatisfy({ Array($0.0.utf8) == $0.1.token }), tokens[prefix.count...].contains(where: { !$0.isDigits }) {
                    tokens.removeFirst(prefix.count)
                    rules.append("vessel prefix \(prefix.joined(separator: "/")) removed")
                    commaAfter = nil
                    break
                }
            }
        }
        // 4. trailing company forms.
        if isPerson != true {
            var removed: [String] = []
            while tokens.count > 1, let last = tokens.last, !last.isDigits, companyForms.contains(String(decoding: last.token, as: UTF8.self)) {
                removed.insert(String(decoding: last.token, as: UTF8.self), at: 0)
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
                var d = Array(t.token.drop(while: { $0 == UInt8(ascii: "0") }))
                if d.isEmpty { d = [UInt8(ascii: "0")] }
                numbers.append(d)
                continue
            }
            var s = String(decoding: t.token, as: UTF8.self)
            if stopWords.contains(s), tokens.count > 1 { continue }
            if isPerson != true, let expanded = abbreviations[s] {
                rules.append("abbreviation \(s) read as \(expanded)")
                s = expanded
            }
            words.append(Array(s.utf8))
            country.append(countryWords.contains(s))
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
