/// A petroleum product as a supplying state notifies it to the 1718 Committee.
///
/// The Committee converts a figure given in another unit than barrels with the factor of its
/// product (REGIME.md §2), so the product decides the barrels. ``unspecified`` is a notification
/// that did not name one: the Committee's rule for that case is not known, so a figure in tonnes
/// of an unspecified product is only converted under an explicit assumption
/// (see ``ConversionTable/convert(_:_:product:assuming:)``).
public enum PetroleumProduct: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Motor gasoline (petrol).
    case gasoline
    /// Gas oil / diesel.
    case gasOil = "gas_oil"
    /// Kerosene and jet fuel.
    case kerosene
    /// Residual fuel oil.
    case fuelOil = "fuel_oil"
    /// Liquefied petroleum gases.
    case lpg
    /// Crude oil (capped separately, res. 2397 (2017) para 4); kept for the crude regime and reference.
    case crude
    /// The notification does not say.
    case unspecified

    public var description: String { rawValue }

    /// A readable label: "gas oil/diesel", "kerosene/jet", …
    public var label: String {
        switch self {
        case .gasoline: "gasoline"
        case .gasOil: "gas oil/diesel"
        case .kerosene: "kerosene/jet"
        case .fuelOil: "fuel oil"
        case .lpg: "LPG"
        case .crude: "crude oil"
        case .unspecified: "unspecified"
        }
    }

    /// Parses the names used in notifications and spreadsheets, case-insensitive, blanks, `-`, `_`
    /// and `/` ignored: `gasoline`/`petrol`/`motor gasoline`, `gas oil`/`gasoil`/`diesel`/`gas oil/diesel`,
    /// `kerosene`/`jet`/`jet fuel`/`kerosene/jet`, `fuel oil`/`residual fuel oil`/`heavy fuel oil`/`mazut`,
    /// `lpg`, `crude`/`crude oil`, `unspecified`/`unknown`/`other`. Returns nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let key = String(text.lowercased().filter { $0.isLetter })
        switch key {
        case "gasoline", "petrol", "motorgasoline", "mogas": self = .gasoline
        case "gasoil", "diesel", "gasoildiesel", "dieselgasoil", "dieseloil": self = .gasOil
        case "kerosene", "jet", "jetfuel", "kerosenejet", "jetkerosene": self = .kerosene
        case "fueloil", "residualfueloil", "heavyfueloil", "hfo", "mazut": self = .fuelOil
        case "lpg", "liquefiedpetroleumgas", "liquefiedpetroleumgases": self = .lpg
        case "crude", "crudeoil": self = .crude
        case "unspecified", "unknown", "other", "refinedproducts": self = .unspecified
        default: return nil
        }
    }
}
