/// A notice the 1718 Committee Secretary sends all Member States when the year's aggregate of
/// notified deliveries reaches a fraction of the cap (res. 2397 (2017) para 5, as reconstructed in
/// REGIME.md §1 [R]): warnings at 75 %, 90 % and 95 %; at 100 % the notice tells states to
/// immediately cease supplying refined products to the DPRK for the rest of the year.
public struct ThresholdNotice: Hashable, Sendable {
    /// The fraction of the cap reached, e.g. 0.75.
    public var fraction: Double
    /// The day the running total crossed it: the receipt date of the notification that took it over.
    public var date: CalendarDate
    /// The supplying state and month of that notification.
    public var crossingState: String
    /// The month of that notification's supply.
    public var crossingPeriod: ReportingMonth
    /// The running total once that notification was counted.
    public var runningTotal: Barrels
    /// The cap.
    public var cap: Barrels
    /// True for the notice at the cap itself: supply must stop for the rest of the year.
    public var isStopOrder: Bool
    /// The notice's text.
    public var text: String

    /// The threshold as a whole percentage, `75`.
    public var percent: Int { Int((fraction * 100).rounded()) }
}

/// The thresholds at which notices are sent: `[0.75, 0.90, 0.95, 1.00]`, the stop at `1.00`
/// (REGIME.md §1 [R]; a stop at 90 % is not supported by the sources).
public struct ThresholdPolicy: Hashable, Sendable {
    /// Fractions of the cap, ascending, each in `0...`.
    public var fractions: [Double]
    /// The fraction from which the notice is a stop order.
    public var stopFraction: Double

    /// - Parameters: see the properties.
    public init(fractions: [Double] = [0.75, 0.90, 0.95, 1.00], stopFraction: Double = 1.00) {
        self.fractions = fractions.sorted()
        self.stopFraction = stopFraction
    }

    /// The Committee's thresholds.
    public static let committee = ThresholdPolicy()
}
