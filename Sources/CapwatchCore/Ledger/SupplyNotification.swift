/// A supplying state's notification to the 1718 Committee of refined petroleum (or crude) supplied to
/// the DPRK in one month, as the allowance of res. 2397 (2017) para 5 requires every 30 days
/// (crude: every 90 days, para 4).
///
/// A value of this type is valid by construction (``init(state:period:product:quantity:unit:received:conditionsMet:parties:notes:source:)``
/// checks every field); it holds the figure as notified, in the notified unit. Barrels come from
/// ``ConversionTable/convert(_:_:product:assuming:)`` and are stored beside it (``LedgerEntry``).
public struct SupplyNotification: Hashable, Sendable {
    /// The notifying state as named in the Committee's table ("China", "Russian Federation"); not empty.
    public var state: String
    /// The month of the supply.
    public var period: ReportingMonth
    /// The product.
    public var product: PetroleumProduct
    /// The amount in ``unit``; finite, `>= 0` (a state may notify a month of zero).
    public var quantity: Double
    /// The notified unit.
    public var unit: QuantityUnit
    /// The day the Committee received the notification.
    public var received: CalendarDate
    /// Whether the supply met the conditions of the allowance (res. 2375 (2017) para 14 [R], repeated
    /// in res. 2397 (2017) para 5): notified with all parties, no designated person involved,
    /// exclusively for livelihood purposes. A supply that fails them is not covered by the
    /// allowance: prohibited whatever the running total.
    public var conditionsMet: Bool
    /// The parties to the transaction, as notified (vessels, companies); may be empty.
    public var parties: [String]
    /// Free text.
    public var notes: String
    /// Where the figure comes from (a Committee table, a press report, `file.csv:4`).
    public var source: String

    /// A validated notification.
    /// - Parameters: see the properties.
    /// - Throws: ``LedgerError`` (`.invalidField`) naming the field when `state` is blank, `quantity` is negative or
    ///   not finite, or `received` is before the start of `period` (a notification cannot precede the supply).
    public init(
        state: String, period: ReportingMonth, product: PetroleumProduct, quantity: Double, unit: QuantityUnit,
        received: CalendarDate, conditionsMet: Bool, parties: [String] = [], notes: String = "", source: String = ""
    ) throws {
        let state = state.ledgerTrimmed
        guard !state.isEmpty else { throw LedgerError(.invalidField, field: "state", "the supplying state is empty") }
        guard quantity.isFinite, quantity >= 0 else {
            throw LedgerError(.invalidField, field: "quantity", "\(quantity) is not a non-negative number")
        }
        guard received >= period.firstDay else {
            throw LedgerError(.invalidField, field: "received", "\(received) is before the period \(period) it reports")
        }
        self.state = state
        self.period = period
        self.product = product
        self.quantity = quantity
        self.unit = unit
        self.received = received
        self.conditionsMet = conditionsMet
        self.parties = parties.map(\.ledgerTrimmed).filter { !$0.isEmpty }
        self.notes = notes
        self.source = source
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var ledgerTrimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
