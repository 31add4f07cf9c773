import TrackAnalysis

/// What reading one part of a position CSV produced (a round's half, a file's half, the lines up
/// to the header): the builder its rows went into, the parser as it stands after the part's last
/// line, and the part's row and error counts. Both CSV readers (``ParallelCSVReader``,
/// ``SplitCSVFileReader``) read their parts into one of these and join them in file order.
struct CSVPart: Sendable {
    var builder: TrackBuilder
    var parser: PositionCSVParser
    /// Data rows that gave a record.
    var rows = 0
    /// Rows (or headers) that failed.
    var errorCount = 0
    /// The first errors (at most 10), line numbers as counted by ``parser``.
    var errors: [TrackAnalysisError] = []

    /// An empty part read by `parser`, into a new builder with `parameters`.
    init(parser: PositionCSVParser, parameters: TrackParameters) {
        self.parser = parser
        builder = TrackBuilder(parameters: parameters)
    }

    /// Parses one physical line (without its line break; it may be empty, and then it still counts
    /// as a line).
    mutating func parse(line: UnsafeBufferPointer<UInt8>) {
        switch parser.parse(utf8: line, into: &builder) {
        case .record:
            rows += 1
        case .failure(let e):
            errorCount += 1
            if errors.count < 10 { errors.append(e) }
        case .header, .skipped: break
        }
    }
}
