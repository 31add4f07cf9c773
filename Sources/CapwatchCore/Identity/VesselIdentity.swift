/// What a vessel says it is: the identity fields of AIS static and voyage data (message types 5,
/// 19 and 24) that analysts follow over time.
///
/// Every field is optional because each source carries a subset. Destination and ETA are
/// voyage data, not identity, and are left out on purpose.
public struct VesselIdentity: Hashable, Sendable {
    /// Ship name, as transmitted; nil when unknown.
    public var name: String?
    /// Radio call sign; nil when unknown.
    public var callSign: String?
    /// IMO number as transmitted (see ``IMONumber/isValid`` for the check digit).
    public var imo: IMONumber?
    /// Type of ship and cargo, ITU-R M.1371-5 Table 53 (`80...89` tankers); nil when unknown.
    public var shipType: Int?
    /// Overall length in metres; nil when unknown.
    public var length: Double?
    /// Overall beam in metres; nil when unknown.
    public var beam: Double?
    /// Maximum present static draught in metres, `0.1...25.5`; nil when unknown.
    public var draught: Double?

    /// - Parameters: see the properties.
    public init(name: String? = nil, callSign: String? = nil, imo: IMONumber? = nil, shipType: Int? = nil, length: Double? = nil,
                beam: Double? = nil, draught: Double? = nil) {
        self.name = name
        self.callSign = callSign
        self.imo = imo
        self.shipType = shipType
        self.length = length
        self.beam = beam
        self.draught = draught
    }

    /// The identity fields of a static report.
    public init(_ report: StaticReport) {
        self.init(name: report.name, callSign: report.callSign, imo: report.imo, shipType: report.shipType, length: report.length,
                  beam: report.beam, draught: report.draught)
    }

    /// True when no field is known.
    public var isEmpty: Bool {
        name == nil && callSign == nil && imo == nil && shipType == nil && length == nil && beam == nil && draught == nil
    }

    /// This identity updated by a newer one: each field the newer one knows replaces ours; a field
    /// it does not carry (nil) keeps our value, because a Class B part A (name only) says nothing
    /// about the call sign sent in part B.
    public func updated(with newer: VesselIdentity) -> VesselIdentity {
        VesselIdentity(name: newer.name ?? name, callSign: newer.callSign ?? callSign, imo: newer.imo ?? imo,
                       shipType: newer.shipType ?? shipType, length: newer.length ?? length, beam: newer.beam ?? beam,
                       draught: newer.draught ?? draught)
    }
}
