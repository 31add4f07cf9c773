extension SecretaryNotice {
    /// The committee-log form of a cap-ledger threshold notice (the hook between `LedgerStatus` and
    /// the committee log). Dated at midnight UTC of the ledger's crossing day; the ledger reference
    /// names the year, the threshold and the notification that crossed it.
    /// - Parameters:
    ///   - notice: a notice from ``LedgerStatus/notices``.
    ///   - year: the cap year of the status it came from.
    public init(_ notice: ThresholdNotice, year: Int) {
        self.init(year: year, threshold: notice.fraction, date: notice.date.start, text: notice.text,
                  ledgerReference: "ledger:\(year):refined:\(notice.percent)%:crossed-by:\(notice.crossingState):\(notice.crossingPeriod)")
    }
}
