extension PositionCSVLayout {
    /// Navigational status text (DMA exports, MarineCadastre 2015–2017) to the ITU-R M.1371-5
    /// Table 45 code. Matching is by distinctive words, case-insensitive, because spellings vary
    /// ("manoeuvrability"/"maneuverability"). Returns nil for text it does not recognise.
    static func navigationalStatusCode(text: String) -> Int? {
        let s = text.lowercased()
        let table: [(String, Int)] = [
            ("using engine", 0), ("anchor", 1), ("not under command", 2), ("restricted", 3), ("constrained", 4), ("moored", 5),
            ("aground", 6), ("fishing", 7), ("sailing", 8), ("[hsc]", 9), ("[wig]", 10), ("towing astern", 11), ("pushing ahead", 12),
            ("future use", 13), ("sart", 14), ("unknown", 15), ("undefined", 15), ("not defined", 15),
        ]
        for (words, code) in table where s.contains(words) { return code }
        return nil
    }

    /// DMA ship type text to an approximate ITU-R M.1371-5 Table 53 code (the first code of the
    /// class: tanker 80, cargo 70, passenger 60, tug 52 …), as the Capwatch track files derive
    /// `ship_type_code`. Returns nil for `Undefined`, reserved/spare classes and unknown text.
    static func shipTypeCode(text: String) -> Int? {
        switch text.lowercased() {
        case "wig": return 20
        case "fishing": return 30
        case "towing": return 31
        case "towing long/wide": return 32
        case "dredging": return 33
        case "diving": return 34
        case "military": return 35
        case "sailing": return 36
        case "pleasure": return 37
        case "hsc": return 40
        case "pilot": return 50
        case "sar": return 51
        case "tug": return 52
        case "port tender": return 53
        case "anti-pollution": return 54
        case "law enforcement": return 55
        case "medical": return 58
        case "not party to conflict": return 59
        case "passenger": return 60
        case "cargo": return 70
        case "tanker": return 80
        case "other": return 90
        default: return nil
        }
    }
}
