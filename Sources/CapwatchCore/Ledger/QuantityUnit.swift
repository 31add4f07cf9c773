/// The unit a supplying state notified a quantity in.
public enum QuantityUnit: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// US oil barrels (42 US gallons, 0.158987294928 m³). The cap's own unit: kept as notified.
    case barrels = "bbl"
    /// Metric tonnes (1,000 kg): converted with the product's factor from a ``ConversionTable``.
    case metricTonnes = "t"
    /// Kilolitres (m³): converted by volume, 1 kl = 1 / 0.158987294928 bbl ≈ 6.2898 bbl.
    case kilolitres = "kl"

    public var description: String { rawValue }

    /// Parses `bbl`/`barrel(s)`, `t`/`mt`/`tonne(s)`/`metric tonnes`/`tons`, `kl`/`kilolitre(s)`/`kiloliter(s)`/`m3`,
    /// case-insensitive. Returns nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let key = String(text.lowercased().filter { $0.isLetter || $0.isNumber })
        switch key {
        case "bbl", "bbls", "barrel", "barrels": self = .barrels
        case "t", "mt", "tonne", "tonnes", "metrictonne", "metrictonnes", "ton", "tons": self = .metricTonnes
        case "kl", "kilolitre", "kilolitres", "kiloliter", "kiloliters", "m3", "cubicmetres", "cubicmeters": self = .kilolitres
        default: return nil
        }
    }
}
