/// How much a tanker can carry, in barrels of its product, and how that was found.
public struct CargoCapacity: Hashable, Sendable {
    /// Where a capacity comes from.
    public enum Basis: Hashable, Sendable {
        /// From the deadweight in a vessel register: `deadweight t × barrels per tonne` of the product.
        /// Deadweight includes fuel, water and stores, so this is an upper bound on cargo (a few per cent high).
        case deadweight(tonnes: Double, product: PetroleumProduct, barrelsPerTonne: Double, tableID: String)
        /// Estimated from AIS dimensions and draught (``CapacityParameters``):
        /// `L × B × T × Cb × ρ(seawater)` = displacement in tonnes, `× deadweight/displacement` = deadweight,
        /// `× barrels per tonne` of the product.
        case dimensions(
            lengthMetres: Double, beamMetres: Double, draughtMetres: Double, blockCoefficient: Double,
            deadweightTonnes: Double, product: PetroleumProduct, barrelsPerTonne: Double, tableID: String)
        /// Given directly in barrels (a published capacity).
        case stated(source: String)
    }

    /// The capacity in barrels; finite, `> 0`.
    public var barrels: Barrels
    /// How it was found.
    public var basis: Basis

    /// - Parameters: see the properties.
    public init(barrels: Barrels, basis: Basis) {
        self.barrels = barrels
        self.basis = basis
    }

    /// `register`, `dimensions` or `stated`.
    public var basisName: String {
        switch basis {
        case .deadweight: "register_deadweight"
        case .dimensions: "ais_dimensions"
        case .stated: "stated"
        }
    }
}

/// A vessel register row: what is known of a tanker beyond AIS (from `--vessels FILE`, columns `imo,deadweight_t,product`).
public struct RegisteredVessel: Hashable, Sendable {
    /// The IMO number.
    public var imo: IMONumber
    /// Summer deadweight in metric tonnes, `> 0`; nil when unknown.
    public var deadweightTonnes: Double?
    /// The product it carries; nil when unknown (the estimator's default product is assumed).
    public var product: PetroleumProduct?
    /// Where the row comes from.
    public var source: String

    /// - Parameters: see the properties.
    public init(imo: IMONumber, deadweightTonnes: Double?, product: PetroleumProduct? = nil, source: String = "") {
        self.imo = imo
        self.deadweightTonnes = deadweightTonnes
        self.product = product
        self.source = source
    }
}

/// The assumptions that turn a vessel into a cargo capacity.
///
/// Defaults and their sources:
/// - ``blockCoefficient`` 0.80: tankers' block coefficients at design draught are 0.84–0.87 for large
///   ships (D. G. M. Watson, *Practical Ship Design*, 1998, Table 1.3); small product tankers, like the
///   DPRK's, are finer, and AIS gives length overall rather than between perpendiculars, so 0.80 is used.
/// - ``seawaterDensity`` 1.025 t/m³ (standard salt water).
/// - ``deadweightPerDisplacement`` 0.75: the deadweight/displacement ratio of tankers rises with size from
///   about 0.7 near 5,000 t deadweight to about 0.85 for large ships (Watson, Fig. 3.3, read approximately).
/// - ``defaultProduct`` gas oil/diesel and ``table`` the Committee's chart: the product factor converts
///   tonnes of cargo to barrels when the register gives no product.
///
/// The AIS draught is the present draught entered by the crew (laden or in ballast), so the estimate
/// is of what the hull displaced then, not of the design capacity: a ballast draught understates it.
public struct CapacityParameters: Hashable, Sendable {
    /// Block coefficient Cb, `0 < Cb ≤ 1`.
    public var blockCoefficient: Double
    /// Seawater density in t/m³.
    public var seawaterDensity: Double
    /// Deadweight as a fraction of full-load displacement, `0...1`.
    public var deadweightPerDisplacement: Double
    /// The product assumed when the register gives none.
    public var defaultProduct: PetroleumProduct
    /// The table that converts tonnes to barrels.
    public var table: ConversionTable

    /// - Parameters: see the properties.
    public init(
        blockCoefficient: Double = 0.80, seawaterDensity: Double = 1.025, deadweightPerDisplacement: Double = 0.75,
        defaultProduct: PetroleumProduct = .gasOil, table: ConversionTable = .committeeChart
    ) {
        self.blockCoefficient = blockCoefficient
        self.seawaterDensity = seawaterDensity
        self.deadweightPerDisplacement = deadweightPerDisplacement
        self.defaultProduct = defaultProduct
        self.table = table
    }

    /// The defaults above.
    public static let standard = CapacityParameters()

    /// The capacity of a vessel: from the register's deadweight when known, else from the AIS
    /// length, beam and draught; nil when neither is known.
    /// - Parameters:
    ///   - register: the vessel's register row, if any.
    ///   - identity: what the vessel says about itself on AIS, if anything.
    public func capacity(register: RegisteredVessel?, identity: VesselIdentity?) -> CargoCapacity? {
        var product = register?.product ?? defaultProduct
        if product == .unspecified { product = defaultProduct }
        guard let factor = table.barrelsPerTonne[product] else { return nil }
        if let dwt = register?.deadweightTonnes, dwt > 0, dwt.isFinite {
            return CargoCapacity(
                barrels: Barrels(dwt * factor),
                basis: .deadweight(tonnes: dwt, product: product, barrelsPerTonne: factor, tableID: table.id))
        }
        guard let l = identity?.length, let b = identity?.beam, let t = identity?.draught, l > 0, b > 0, t > 0 else { return nil }
        let dwt = l * b * t * blockCoefficient * seawaterDensity * deadweightPerDisplacement
        return CargoCapacity(
            barrels: Barrels(dwt * factor),
            basis: .dimensions(
                lengthMetres: l, beamMetres: b, draughtMetres: t, blockCoefficient: blockCoefficient,
                deadweightTonnes: dwt, product: product, barrelsPerTonne: factor, tableID: table.id))
    }
}
