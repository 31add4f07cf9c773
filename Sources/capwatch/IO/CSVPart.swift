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

/// What reading one position CSV file produced, its parts joined in file order: rows, errors,
/// the first error, and samples of the errors for the summary. Both CSV readers keep one.
struct CSVFileTally {
    /// The file's path, prefixed to the samples.
    let path: String
    /// Data rows that produced a record.
    private(set) var rows = 0
    /// Rows (or headers) that failed.
    private(set) var rowErrors = 0
    /// The file's first error (a bad row or header), nil when there was none.
    private(set) var firstError: TrackAnalysisError?
    /// The first errors (at most 10 in all), prefixed with the path, after those given at the start.
    private(set) var samples: [String]

    /// - Parameter samples: error samples of earlier files, which the ten count.
    init(path: String, samples: [String] = []) {
        self.path = path
        self.samples = samples
    }

    /// Adds `part`'s counts and errors and appends its builder to `builder` (parts in file order).
    mutating func join(_ part: CSVPart, into builder: inout TrackBuilder) {
        rows += part.rows
        note(part.errors, count: part.errorCount)
        builder.append(contentsOf: part.builder)
    }

    /// Ends the file read by `parser` (the last part's): an unterminated quote is counted as an error.
    mutating func finish(_ parser: inout PositionCSVParser) {
        if let e = parser.finish() { note([e], count: 1) }
    }

    private mutating func note(_ errors: [TrackAnalysisError], count: Int) {
        rowErrors += count
        if firstError == nil { firstError = errors.first }
        for e in errors where samples.count < 10 { samples.append("\(path): \(e)") }
    }
}
