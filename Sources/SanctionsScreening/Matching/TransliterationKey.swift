/// A transliteration-tolerant key for one word, so that spellings of the same Korean, Chinese or
/// Russian name in different romanisation systems compare equal.
///
/// The rules, applied left to right (longest match first), then letter by letter:
///
/// | rule | covers |
/// |---|---|
/// | `EO`→`O`, `EU`→`U` | Revised Romanization ŏ/ŭ (Seok/Sok, Keum/Kum) |
/// | `OO`,`OU`→`U`; `EE`→`I`; `AE`,`AI`→`E`; `OE`,`OI`,`OY`→`OE` | Lee/Li, Dae/Tae, Choe/Choi/Choy |
/// | `CH`,`TCH`,`J`,`ZH`,`DZH`,`DJ`,`TS`,`TZ`,`Z`,`Q` → one class | ch/j (Korean), zh/j/q/ts (pinyin, Wade–Giles), ts (Cyrillic ц) |
/// | `SH`,`SCH`,`SHCH`,`HS`,`X` → `S` | Shin/Sin, Hsi/Xi, ш/щ |
/// | `K`/`G`/`C`, `P`/`B`, `T`/`D` merged; `PH`,`TH`,`KH` lose the `H` of aspiration | Kyong/Gyong, Pak/Bak, Tong/Dong, Phyong/Pyong (McCune–Reischauer aspirates) |
/// | `R`→`L`, `RH`→`L`; initial `L` before `I` or `Y` dropped; `YI`→`I` | Ri/Li/Lee/Rhee/Yi/I, Ryu/Yu, Rim/Im |
/// | `LK`→`K` (after R→L) | Park/Pak |
/// | `W`→`V`; final `Y`/`IY`/`II`→`I` | Russian v/w, -iy/-y/-ii |
///
/// Doubled letters are collapsed after words are joined (``collapse(_:)``), so `SAMMA` = `SAM MA`.
/// Sources: the McCune–Reischauer and Revised Romanization tables (Korea), the pinyin/Wade–Giles
/// correspondence (China), BGN/PCGN and ISO 9 (Russian).
public enum TransliterationKey {

    /// The key of one word of upper-case ASCII letters.
    /// - Parameter word: letters `A`–`Z`.
    /// - Returns: the key, letters only.
    public static func key(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        let n = word.count
        var i = 0
        @inline(__always) func at(_ j: Int) -> UInt8 { j < n ? word[j] : 0 }
        @inline(__always) func isVowel(_ c: UInt8) -> Bool {
            c == 65 || c == 69 || c == 73 || c == 79 || c == 85
        }
        while i < n {
            let c = word[i]
            let c1 = at(i + 1)
            let c2 = at(i + 2)
            let c3 = at(i + 3)
            switch c {
            case UInt8(ascii: "S"):
                if c1 == UInt8(ascii: "H"), c2 == UInt8(ascii: "C"), c3 == UInt8(ascii: "H") {
                    out.append(UInt8(ascii: "S")); i += 4; continue
                }
                if c1 == UInt8(ascii: "C"), c2 == UInt8(ascii: "H") { out.append(UInt8(ascii: "S")); i += 3; continue }
                if c1 == UInt8(ascii: "H") { out.append(UInt8(ascii: "S")); i += 2; continue }
                out.append(c)
            case UInt8(ascii: "T"):
                if c1 == UInt8(ascii: "C"), c2 == UInt8(ascii: "H") { out.append(UInt8(ascii: "J")); i += 3; continue }
                if c1 == UInt8(ascii: "S") || c1 == UInt8(ascii: "Z") { out.append(UInt8(ascii: "J")); i += 2; continue }
                if c1 == UInt8(ascii: "H") { out.append(UInt8(ascii: "T")); i += 2; continue }
                out.append(UInt8(ascii: "T"))
            case UInt8(ascii: "D"):
                if c1 == UInt8(ascii: "Z"), c2 == UInt8(ascii: "H") { out.append(UInt8(ascii: "J")); i += 3; continue }
                if c1 == UInt8(ascii: "J") { out.append(UInt8(ascii: "J")); i += 2; continue }
                out.append(UInt8(ascii: "T"))
            case UInt8(ascii: "C"):
                if c1 == UInt8(ascii: "H") { out.append(UInt8(ascii: "J")); i += 2; continue }
                out.append(UInt8(ascii: "K"))
            case UInt8(ascii: "Z"):
                if c1 == UInt8(ascii: "H") { out.append(UInt8(ascii: "J")); i += 2; continue }
                out.append(UInt8(ascii: "J"))
            case UInt8(ascii: "Q"), UInt8(ascii: "J"):
                out.append(UInt8(ascii: "J"))
            case UInt8(ascii: "H"):
                if c1 == UInt8(ascii: "S") { out.append(UInt8(ascii: "S")); i += 2; continue }
                out.append(c)
            case UInt8(ascii: "X"):
                out.append(UInt8(ascii: "S"))
            case UInt8(ascii: "K"):
                if c1 == UInt8(ascii: "H") { out.append(UInt8(ascii: "H")); i += 2; continue }
                out.append(UInt8(ascii: "K"))
            case UInt8(ascii: "G"):
                out.append(UInt8(ascii: "K"))
            case UInt8(ascii: "P"):
                if c1 == UInt8(ascii: "H") { out.append(UInt8(ascii: "P")); i += 2; continue }
                out.append(c)
            case UInt8(ascii: "B"):
                out.append(UInt8(ascii: "P"))
            case UInt8(ascii: "R"):
                if c1 == UInt8(ascii: "H") { i += 1 }
                // Park/Pak: an R closing a syllable before K is not pronounced in the Korean name.
                if c1 == UInt8(ascii: "K"), i > 0, isVowel(word[i - 1]) { i += 1; continue }
                out.append(UInt8(ascii: "L"))
            case UInt8(ascii: "W"):
                out.append(UInt8(ascii: "V"))
            case UInt8(ascii: "E"):
                if c1 == UInt8(ascii: "O") { out.append(UInt8(ascii: "O")); i += 2; continue }
                if c1 == UInt8(ascii: "U") { out.append(UInt8(ascii: "U")); i += 2; continue }
                if c1 == UInt8(ascii: "E") { out.append(UInt8(ascii: "I")); i += 2; continue }
                out.append(c)
            case UInt8(ascii: "O"):
                if c1 == UInt8(ascii: "O") || c1 == UInt8(ascii: "U") { out.append(UInt8(ascii: "U")); i += 2; continue }
                if c1 == UInt8(ascii: "E") || c1 == UInt8(ascii: "I") || (c1 == UInt8(ascii: "Y") && !isVowel(c2)) {
                    out.append(UInt8(ascii: "O")); out.append(UInt8(ascii: "E")); i += 2; continue
                }
                out.append(c)
            case UInt8(ascii: "A"):
                if c1 == UInt8(ascii: "E") || c1 == UInt8(ascii: "I") { out.append(UInt8(ascii: "E")); i += 2; continue }
                out.append(c)
            case UInt8(ascii: "I"):
                if c1 == UInt8(ascii: "Y") || c1 == UInt8(ascii: "I"), c2 == 0 { out.append(UInt8(ascii: "I")); i += 2; continue }
                out.append(c)
            case UInt8(ascii: "Y"):
                if c1 == 0, i > 0, !isVowel(word[i - 1]) { out.append(UInt8(ascii: "I")); i += 1; continue }
                out.append(c)
            default:
                out.append(c)
            }
            i += 1
        }
        // Initial R/L before I or Y (Ri/Li/Lee/Rhee, Ryu, Rim), and initial Y before I (Yi).
        if out.count > 1, out[0] == UInt8(ascii: "L"), out[1] == UInt8(ascii: "I") || out[1] == UInt8(ascii: "Y") { out.removeFirst() }
        if out.count > 1, out[0] == UInt8(ascii: "Y"), out[1] == UInt8(ascii: "I") { out.removeFirst() }
        return out
    }

    /// Collapses runs of the same letter to one (`SAMMA` → `SAMA`), after words are joined.
    /// - Parameter s: a key.
    /// - Returns: the key without doubled letters.
    public static func collapse(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        for c in s where out.last != c { out.append(c) }
        return out
    }
}
