import CapwatchCore

/// Everything read from one CSV text: the convenience form of ``PositionCSVParser`` for text
/// already in memory (tests, small files). For large inputs feed lines to the parser and pass
/// records straight to a `TrackBuilder`.
public struct PositionCSVBatch: Sendable {
    /// The recognised layout; nil when no header was recognised.
    public var layout: PositionCSVLayout?
    /// Positions, in input order.
    public var positions: [PositionReport] = []
    /// Static reports, in input order (one per row carrying identity fields; not deduplicated).
    public var staticReports: [StaticReport] = []
    /// Every row error, in input order.
    public var errors: [TrackAnalysisError] = []
    /// Data rows that produced a record (a position, a static report, or both).
    public var recordCount = 0

    /// Parses a whole CSV text (LF or CRLF line breaks).
    /// - Parameter text: the file's contents, header first.
    public init(text: String) {
        var parser = PositionCSVParser()
        var text = text
        text.withUTF8 { all in
            var start = 0
            let n = all.count
            while start < n {
                var end = start
                while end < n, all[end] != 10 { end += 1 }
                switch parser.parse(utf8: UnsafeBufferPointer(rebasing: all[start..<end])) {
                case .header(let l): layout = l
                case .record(let r):
                    recordCount += 1
                    if let p = r.position { positions.append(p) }
                    if let s = r.staticReport { staticReports.append(s) }
                case .skipped: break
                case .failure(let e): errors.append(e)
                }
                start = end + 1
            }
        }
        if let e = parser.finish() { errors.append(e) }
    }
}
