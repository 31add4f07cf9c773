/// One Security Council limit on petroleum supplied to the DPRK: which products, how much, over
/// which period, under which resolution and paragraph, and whether a later resolution replaced it.
///
/// Data, not constants: ``CapSchedule/securityCouncil`` lists the caps of res. 2375 (2017) and
/// res. 2397 (2017) as REGIME.md §1 records them.
public struct PetroleumCap: Hashable, Sendable {
    /// What a cap limits.
    public enum Regime: String, Hashable, Sendable, Codable, CaseIterable {
        /// All refined petroleum products (res. 2397 (2017) para 5).
        case refinedProducts = "refined"
        /// Crude oil (res. 2397 (2017) para 4).
        case crudeOil = "crude"
    }

    /// What the cap limits.
    public var regime: Regime
    /// The resolution, e.g. `S/RES/2397 (2017)`.
    public var resolution: String
    /// The operative paragraph.
    public var paragraph: Int
    /// The limit in barrels (aggregate of all suppliers).
    public var limit: Barrels
    /// An alternative limit in metric tonnes, when the resolution gives one (crude: 525,000 t); nil otherwise.
    public var limitTonnes: Double?
    /// First day of the first period.
    public var firstDay: CalendarDate
    /// Last day of the last period, nil when the cap recurs every calendar year from ``firstDay`` on.
    public var lastDay: CalendarDate?
    /// The resolution and paragraph that replaced this cap, nil while it is in force.
    public var supersededBy: String?
    /// Where the figures were confirmed, with the status mark of REGIME.md ([C], [R]).
    public var source: String

    /// - Parameters: see the properties.
    public init(
        regime: Regime, resolution: String, paragraph: Int, limit: Barrels, limitTonnes: Double? = nil, firstDay: CalendarDate,
        lastDay: CalendarDate?, supersededBy: String? = nil, source: String
    ) {
        self.regime = regime
        self.resolution = resolution
        self.paragraph = paragraph
        self.limit = limit
        self.limitTonnes = limitTonnes
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.supersededBy = supersededBy
        self.source = source
    }

    /// `res. 2397 (2017) para 5`.
    public var citation: String {
        let short = resolution.hasPrefix("S/RES/") ? String(resolution.dropFirst(6)) : resolution
        return "res. \(short) para \(paragraph)"
    }

    /// The counting window of this cap that contains the calendar year `year` — the year itself for
    /// a recurring cap, the cap's own period for a fixed one — or nil when the cap does not apply
    /// that year.
    public func window(year: Int) -> ClosedRange<CalendarDate>? {
        let jan1 = CalendarDate(year: year, month: 1, day: 1)!
        let dec31 = CalendarDate(year: year, month: 12, day: 31)!
        if let lastDay {
            guard firstDay <= dec31, lastDay >= jan1 else { return nil }
            return max(firstDay, jan1)...min(lastDay, dec31)
        }
        guard year >= firstDay.year else { return nil }
        return max(firstDay, jan1)...dec31
    }
}

/// The caps in force over time.
public struct CapSchedule: Hashable, Sendable {
    /// All caps, superseded ones included (they stay visible for history).
    public var caps: [PetroleumCap]

    /// - Parameter caps: the caps.
    public init(caps: [PetroleumCap]) { self.caps = caps }

    /// The Security Council's caps (REGIME.md §1):
    /// - refined products, 1 Oct – 31 Dec 2017: 500,000 bbl (res. 2375 (2017) para 14 — paragraph [R]);
    /// - refined products from 1 Jan 2018: 2,000,000 bbl per 12 months (res. 2375 para 14), superseded by
    ///   res. 2397 (2017) para 5 before it took effect;
    /// - refined products: 500,000 bbl per calendar year from 2018 (res. 2397 para 5), aggregate of all suppliers;
    /// - crude oil: 4,000,000 bbl or 525,000 t per calendar year from 2018 (res. 2397 para 4).
    public static let securityCouncil = CapSchedule(caps: [
        PetroleumCap(
            regime: .refinedProducts, resolution: "S/RES/2375 (2017)", paragraph: 14, limit: 500_000,
            firstDay: CalendarDate(year: 2017, month: 10, day: 1)!, lastDay: CalendarDate(year: 2017, month: 12, day: 31)!,
            source: "[C] Thompson Hine, 12 Sep 2017; ROK MOFA on res. 2375 (paragraph number [R])"),
        PetroleumCap(
            regime: .refinedProducts, resolution: "S/RES/2375 (2017)", paragraph: 14, limit: 2_000_000,
            firstDay: CalendarDate(year: 2018, month: 1, day: 1)!, lastDay: nil, supersededBy: "S/RES/2397 (2017) para 5",
            source: "[C] Thompson Hine, 12 Sep 2017; ROK MOFA on res. 2375 (paragraph number [R])"),
        PetroleumCap(
            regime: .refinedProducts, resolution: "S/RES/2397 (2017)", paragraph: 5, limit: 500_000,
            firstDay: CalendarDate(year: 2018, month: 1, day: 1)!, lastDay: nil,
            source: "[C] 1718 Committee page \"Supply, sale or transfer of all refined petroleum products to the DPRK\""),
        PetroleumCap(
            regime: .crudeOil, resolution: "S/RES/2397 (2017)", paragraph: 4, limit: 4_000_000, limitTonnes: 525_000,
            firstDay: CalendarDate(year: 2018, month: 1, day: 1)!, lastDay: nil,
            source: "[C] US fact sheet on res. 2397; Open Nuclear Network sanctions database"),
    ])

    /// The cap in force for `regime` in calendar year `year`: not superseded, applying that year;
    /// nil when none does (refined products before Oct 2017).
    public func cap(for regime: PetroleumCap.Regime, year: Int) -> PetroleumCap? {
        caps.last { $0.regime == regime && $0.supersededBy == nil && $0.window(year: year) != nil }
    }
}
