/// An assumption about how full a tanker was on a delivery: the volume delivered is its capacity
/// times ``fraction``.
///
/// The three scenarios of the United States' submission to the 1718 Committee of July 2018
/// (REGIME.md §4; AP, 12 Jul 2018): one third laden (above 500,000 bbl), about half laden
/// (759,793 bbl, the headline figure) and 90 % laden (1,367,628 bbl), on the listed capacity of the
/// tankers behind 89 DPRK port calls from 1 January to 30 May 2018.
public struct LadenScenario: Hashable, Sendable {
    /// A short name: `one_third`, `half`, `ninety_percent`.
    public var name: String
    /// The laden fraction, `0...1`.
    public var fraction: Double

    /// - Parameters: see the properties.
    public init(name: String, fraction: Double) {
        self.name = name
        self.fraction = fraction
    }

    /// One third laden.
    public static let oneThird = LadenScenario(name: "one_third", fraction: 1.0 / 3.0)
    /// Half laden.
    public static let half = LadenScenario(name: "half", fraction: 0.5)
    /// 90 % laden.
    public static let ninetyPercent = LadenScenario(name: "ninety_percent", fraction: 0.9)

    /// The July 2018 US submission's three scenarios.
    public static let unitedStatesJuly2018: [LadenScenario] = [.oneThird, .half, .ninetyPercent]
}
