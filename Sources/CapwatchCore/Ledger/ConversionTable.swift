/// A table of barrels per metric tonne for each product, with its source: data, not constants in
/// code, so that each converted figure records which table converted it.
///
/// Three tables are known (REGIME.md §2): ``committeeChart`` (the 1718 Committee's chart, whose
/// LPG row is confirmed and matches BP's pre-2021 factors), ``bp2021`` (BP's July 2021 update) and
/// ``unEnergyYearbook``. Kilolitres are converted by volume, which needs no table.
public struct ConversionTable: Hashable, Sendable, Identifiable {
    /// A short stable identifier stored with every converted figure (`committee-chart`, `bp-2021`, `un-energy-yearbook`).
    public let id: String
    /// A readable name.
    public let name: String
    /// Where the factors come from, and how far they are confirmed.
    public let source: String
    /// Barrels per metric tonne, by product. A product missing here cannot be converted with this table.
    public let barrelsPerTonne: [PetroleumProduct: Double]

    /// - Parameters: see the properties. Factors must be positive and finite.
    public init(id: String, name: String, source: String, barrelsPerTonne: [PetroleumProduct: Double]) {
        self.id = id
        self.name = name
        self.source = source
        self.barrelsPerTonne = barrelsPerTonne
    }

    /// The identifier recorded for a kilolitre figure converted by volume (1 bbl = 0.158987294928 m³ exactly).
    public static let volumeConversionID = "volume"

    /// The Committee Secretary's conversion chart as far as known. Its LPG row (t→bbl ×11.6,
    /// bbl→t ×0.086, kl→t ×0.542) is confirmed from the Committee's page; it matches the BP
    /// Statistical Review's pre-2021 "approximate conversion factors", so the other rows are taken
    /// from that BP table (gasoline 8.5, kerosene/jet 7.8, gas oil/diesel 7.5, fuel oil 6.7,
    /// crude 7.33) — reconstructed, not read from the chart (REGIME.md §2).
    public static let committeeChart = ConversionTable(
        id: "committee-chart", name: "1718 Committee chart (BP pre-2021 factors)",
        source:
            "1718 Committee refined-petroleum page (LPG row confirmed); other rows BP Statistical Review approximate conversion factors (pre-2021), reconstructed",
        barrelsPerTonne: [.lpg: 11.6, .gasoline: 8.5, .kerosene: 7.8, .gasOil: 7.5, .fuelOil: 6.7, .crude: 7.33])

    /// BP's "Approximate conversion factors" as updated in July 2021 (crude not given in the copy read).
    public static let bp2021 = ConversionTable(
        id: "bp-2021", name: "BP approximate conversion factors (July 2021)",
        source: "BP Statistical Review of World Energy, Approximate conversion factors, July 2021 (copy on info.5y1.org)",
        barrelsPerTonne: [.lpg: 11.6, .gasoline: 8.35, .kerosene: 7.88, .gasOil: 7.46, .fuelOil: 6.35])

    /// The UN Energy Statistics Yearbook's barrels per tonne (motor gasoline for gasoline).
    public static let unEnergyYearbook = ConversionTable(
        id: "un-energy-yearbook", name: "UN Energy Statistics Yearbook",
        source: "UN Statistics Division, Energy Statistics Yearbook, conversion factors (unstats.un.org/unsd/energy/yearbook/conversion.htm)",
        barrelsPerTonne: [.lpg: 11.65, .gasoline: 8.50, .kerosene: 7.77, .gasOil: 7.23, .fuelOil: 6.62, .crude: 7.32])

    /// The known tables, the Committee's first.
    public static let all: [ConversionTable] = [.committeeChart, .bp2021, .unEnergyYearbook]

    /// The table with identifier `id` among ``all``, or nil.
    public static func named(_ id: String) -> ConversionTable? { all.first { $0.id == id } }

    /// Converts a notified quantity to barrels, following the Committee Secretary's order
    /// (REGIME.md §2): barrels are kept as notified; tonnes are converted with this table's factor
    /// for the product; kilolitres by volume.
    /// - Parameters:
    ///   - quantity: the notified amount, in `unit`; finite and not negative.
    ///   - unit: the notified unit.
    ///   - product: the notified product.
    ///   - assumed: the product whose factor converts tonnes of an ``PetroleumProduct/unspecified``
    ///     product (the Committee's own rule for that case is not known); nil to refuse.
    /// - Returns: the barrels with the way they were obtained.
    /// - Throws: ``LedgerError`` (`.cannotConvert`) when tonnes of an unspecified product are given without
    ///   an assumption, or when this table has no factor for the product.
    public func convert(_ quantity: Double, _ unit: QuantityUnit, product: PetroleumProduct, assuming assumed: PetroleumProduct? = nil) throws
        -> ConvertedQuantity
    {
        switch unit {
        case .barrels:
            return ConvertedQuantity(barrels: Barrels(quantity), method: .asNotified)
        case .kilolitres:
            let factor = 1 / (Barrels.cubicMetresPerBarrel)
            return ConvertedQuantity(
                barrels: Barrels(quantity * factor), method: .table(id: Self.volumeConversionID, factor: factor, assumedProduct: nil))
        case .metricTonnes:
            var used = product
            var assumption: PetroleumProduct?
            if product == .unspecified {
                guard let assumed, assumed != .unspecified else {
                    throw LedgerError(
                        .cannotConvert, field: "product",
                        "tonnes of an unspecified product cannot be converted (the Committee's rule is not known): give the product or an assumed product"
                    )
                }
                used = assumed
                assumption = assumed
            }
            guard let factor = barrelsPerTonne[used] else {
                throw LedgerError(.cannotConvert, field: "product", "table \(id) has no factor for \(used.label)")
            }
            return ConvertedQuantity(barrels: Barrels(quantity * factor), method: .table(id: id, factor: factor, assumedProduct: assumption))
        }
    }
}

/// A notified quantity in barrels and how it was obtained.
public struct ConvertedQuantity: Hashable, Sendable {
    /// How a figure became barrels.
    public enum Method: Hashable, Sendable {
        /// Notified in barrels: kept as is, never recomputed.
        case asNotified
        /// Converted with a factor (barrels per notified unit) from the table `id`
        /// (``ConversionTable/volumeConversionID`` for kilolitres), under an assumed product when the
        /// notified one was unspecified.
        case table(id: String, factor: Double, assumedProduct: PetroleumProduct?)
    }

    /// The barrels.
    public var barrels: Barrels
    /// How they were obtained.
    public var method: Method

    /// - Parameters: see the properties.
    public init(barrels: Barrels, method: Method) {
        self.barrels = barrels
        self.method = method
    }

    /// The identifier of the converting table, `as-notified` for barrels.
    public var tableID: String {
        switch method {
        case .asNotified: "as-notified"
        case .table(let id, _, _): id
        }
    }
}
