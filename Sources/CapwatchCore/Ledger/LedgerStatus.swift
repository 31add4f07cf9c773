/// The state of the cap in one calendar year: notified barrels by supplier and month (the table the
/// Committee publishes, REGIME.md §2), the total against the cap, and the threshold notices issued.
///
/// Counting: the effective entries (corrections replace what they supersede) whose period falls in
/// the cap's window for the year and whose product belongs to the regime (crude for
/// ``PetroleumCap/Regime/crudeOil``, every other product for refined). Every notified delivery
/// counts toward the aggregate, including those whose conditions were not met; those are also listed
/// in ``notCovered`` because the allowance does not cover them (prohibited whatever the total).
///
/// Notices: entries are counted in order of receipt (then period, then entry id); when the running
/// total first reaches a threshold of the policy, a ``ThresholdNotice`` is dated with the receipt
/// date of the entry that took it there. One entry can cross several thresholds at once.
public struct LedgerStatus: Sendable {
    /// One cell of the table.
    public struct Cell: Hashable, Sendable {
        /// The supplying state.
        public var state: String
        /// The month.
        public var period: ReportingMonth
        /// The notified barrels.
        public var barrels: Barrels
        /// How many entries make up the cell.
        public var entries: Int
    }

    /// The calendar year.
    public let year: Int
    /// The cap in force.
    public let cap: PetroleumCap
    /// The counted entries, in order of receipt.
    public let entries: [LedgerEntry]
    /// Cells, by state then month.
    public let cells: [Cell]
    /// The suppliers, alphabetical.
    public let suppliers: [String]
    /// Barrels by supplier.
    public let totalsBySupplier: [String: Barrels]
    /// Barrels by month.
    public let totalsByMonth: [ReportingMonth: Barrels]
    /// The aggregate of all suppliers.
    public let total: Barrels
    /// `total / cap.limit`.
    public let fractionOfCap: Double
    /// The notices issued, in order.
    public let notices: [ThresholdNotice]
    /// Counted entries whose conditions were not met (not covered by the allowance).
    public let notCovered: [LedgerEntry]

    /// Computes the status.
    /// - Parameters:
    ///   - year: the calendar year.
    ///   - entries: ledger entries, any order, corrections and superseded ones included.
    ///   - regime: refined products (default) or crude oil.
    ///   - schedule: the caps; the Security Council's by default.
    ///   - policy: the thresholds; the Committee's by default.
    /// - Returns: nil when no cap of the regime applies that year.
    public init?(
        year: Int, entries: [LedgerEntry], regime: PetroleumCap.Regime = .refinedProducts, schedule: CapSchedule = .securityCouncil,
        policy: ThresholdPolicy = .committee
    ) {
        guard let cap = schedule.cap(for: regime, year: year), let window = cap.window(year: year) else { return nil }
        self.year = year
        self.cap = cap
        let counted = LedgerEntry.effective(entries).filter { e in
            let n = e.notification
            let inRegime = regime == .crudeOil ? n.product == .crude : n.product != .crude
            return inRegime && window.contains(n.period.firstDay)
        }.sorted { ($0.notification.received, $0.notification.period, $0.id) < ($1.notification.received, $1.notification.period, $1.id) }
        self.entries = counted

        var cellMap: [String: [ReportingMonth: Cell]] = [:]
        var bySupplier: [String: Barrels] = [:]
        var byMonth: [ReportingMonth: Barrels] = [:]
        var total = Barrels.zero
        var notices: [ThresholdNotice] = []
        var pending = policy.fractions[...]
        for e in counted {
            let n = e.notification
            var cell = cellMap[n.state]?[n.period] ?? Cell(state: n.state, period: n.period, barrels: .zero, entries: 0)
            cell.barrels += e.barrels
            cell.entries += 1
            cellMap[n.state, default: [:]][n.period] = cell
            bySupplier[n.state, default: .zero] += e.barrels
            byMonth[n.period, default: .zero] += e.barrels
            total += e.barrels
            while let f = pending.first, cap.limit.value > 0, total.value >= f * cap.limit.value {
                pending = pending.dropFirst()
                let stop = f >= policy.stopFraction
                notices.append(
                    ThresholdNotice(
                        fraction: f, date: n.received, crossingState: n.state, crossingPeriod: n.period, runningTotal: total,
                        cap: cap.limit, isStopOrder: stop,
                        text: LedgerStatus.noticeText(fraction: f, stop: stop, total: total, cap: cap, year: year, date: n.received)))
            }
        }
        self.suppliers = bySupplier.keys.sorted()
        self.cells = suppliers.flatMap { s in cellMap[s]!.values.sorted { $0.period < $1.period } }
        self.totalsBySupplier = bySupplier
        self.totalsByMonth = byMonth
        self.total = total
        self.fractionOfCap = cap.limit.value > 0 ? total.value / cap.limit.value : 0
        self.notices = notices
        self.notCovered = counted.filter { !$0.notification.conditionsMet }
    }

    /// The months that have at least one entry, ascending.
    public var months: [ReportingMonth] { totalsByMonth.keys.sorted() }

    /// True when the notice for `fraction` (e.g. 0.90) was issued.
    public func issued(_ fraction: Double) -> Bool { notices.contains { abs($0.fraction - fraction) < 1e-9 } }

    /// The text of a notice (wording reconstructed from REGIME.md §1; the stop wording is the one the
    /// 2018 and 2020 requests asked the Committee to send).
    public static func noticeText(fraction: Double, stop: Bool, total: Barrels, cap: PetroleumCap, year: Int, date: CalendarDate) -> String {
        let what = cap.regime == .crudeOil ? "crude oil" : "refined petroleum products"
        let head =
            "As of \(date), the aggregate amount of \(what) notified as supplied to the DPRK in \(year) is \(total), "
            + "\(percentText(total.value / cap.limit.value)) of the \(Barrels.grouped(cap.limit.value))-barrel limit (\(cap.citation))."
        guard stop else { return head + " This notice is sent at \(Int((fraction * 100).rounded())) % of the limit." }
        return head + " The limit has been reached: all Member States must immediately cease selling, supplying or transferring \(what) "
            + "to the DPRK for the remainder of \(year)."
    }

    /// `83.7 %` (one decimal).
    public static func percentText(_ fraction: Double) -> String {
        let tenths = Int64((fraction * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths % 10)) %"
    }
}
