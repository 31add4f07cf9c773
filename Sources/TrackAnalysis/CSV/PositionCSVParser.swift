import CapwatchCore

/// Reads AIS position CSV one line at a time: recognises the layout from the header
/// (see ``PositionCSVLayout``), then turns each row into a ``PositionCSVRecord`` (a
/// `PositionReport` and, when the row carries identity fields, a `StaticReport`).
///
/// Streaming and pure: feed it lines from any source with ``parse(line:)`` or
/// ``parse(utf8:)`` (without the line break; a trailing CR is dropped), then call ``finish()``.
/// Quoting follows RFC 4180, including line breaks inside quotes. The delimiter (`,` or `;`) is
/// the one that occurs more often in the header.
///
/// A bad row never stops the stream: it comes back as ``Output/failure(_:)`` with the line
/// number, field name and text (`line 17, field "lat": "abc" is not a number`) and the next line
/// is read normally. An unrecognised header is a failure too; until a recognised header arrives,
/// every line is tried as a header and other rows fail with ``TrackAnalysisError/Code/missingHeader``.
///
/// A data row must have as many fields as the header; one with more or fewer is refused
/// (``TrackAnalysisError/Code/wrongFieldCount``) rather than read with shifted columns.
///
/// Cell rules, applied to every layout:
/// - empty cell = not provided (nil); DMA's `Unknown`, `Unknown value`, `Undefined` likewise;
/// - required: time and MMSI; latitude and longitude both or neither (a row without a position
///   can still carry identity);
/// - AIS "not available" sentinels become nil, not errors: latitude 91, longitude 181, SOG ≥ 102.3 kn,
///   COG ≥ 360°, true heading 511; zero ship type, draught, length and beam;
/// - other out-of-range values (latitude 95, negative SOG, heading 400) are errors.
public struct PositionCSVParser: Sendable {
    /// What one line produced.
    public enum Output: Sendable {
        /// A header was recognised.
        case header(PositionCSVLayout)
        /// A data row.
        case record(PositionCSVRecord)
        /// Nothing: a blank line, a row with neither position nor identity, or a line that
        /// continues inside a quoted field.
        case skipped
        /// A row or header that cannot be used; the stream continues.
        case failure(TrackAnalysisError)
    }

    /// The recognised layout; nil until a header has been read.
    public var layout: PositionCSVLayout? { rows?.layout }
    /// Physical lines consumed so far.
    public private(set) var lineNumber = 0

    private var splitter = CSVRecordSplitter(delimiter: 44)
    private var recordStartLine = 0
    /// Reads the data rows; nil until a header has been recognised.
    private var rows: PositionCSVRowReader?

    /// A parser that expects a header first.
    public init() {}

    /// Parses one physical line (without its line break).
    public mutating func parse(line: some StringProtocol) -> Output {
        var s = String(line)
        return s.withUTF8 { parse(utf8: $0) }
    }

    /// What one line produced when records go straight into a builder
    /// (``parse(utf8:into:)``): ``Output`` without the record.
    public enum LineKind: Sendable {
        /// A header was recognised.
        case header
        /// A data row, added to the builder.
        case record
        /// Nothing (see ``Output/skipped``).
        case skipped
        /// A row or header that cannot be used; the stream continues.
        case failure(TrackAnalysisError)
    }

    /// Parses one physical line given as UTF-8 bytes (without its line break).
    public mutating func parse(utf8 line: UnsafeBufferPointer<UInt8>) -> Output {
        switch begin(line) {
        case .skipped: return .skipped
        case .header: return readHeaderRecord(line)
        case .row(let start): return splitter.withFields(line: line) { fields in rows!.read(fields, line: start) }
        }
    }

    /// Parses one physical line like ``parse(utf8:)`` and adds a data row's record to `builder`
    /// (``TrackBuilder/add(_:)-(PositionCSVRecord)``) instead of returning it: the form for bulk
    /// reading, which saves the copies of the record. A plain row is read in one pass over its
    /// bytes (``PositionCSVRowReader/readFast(_:into:)``); the builder ends the same either way.
    public mutating func parse(utf8 line: UnsafeBufferPointer<UInt8>, into builder: inout TrackBuilder) -> LineKind {
        // The common row in one pass (PositionCSVRowReader.readFast); any other line, and a row
        // it declines, the general way: splitter, then the row reader.
        if !splitter.isPending, rows != nil {
            let outcome = rows!.readFast(line, into: &builder)
            if outcome != .declined {
                lineNumber += 1
                recordStartLine = lineNumber
                return outcome == .record ? .record : .skipped
            }
        }
        switch begin(line) {
        case .skipped: return .skipped
        case .header:
            switch readHeaderRecord(line) {
            case .header: return .header
            case .failure(let e): return .failure(e)
            case .skipped, .record: return .skipped
            }
        case .row(let start): return splitter.withFields(line: line) { fields in rows!.read(fields, line: start, into: &builder) }
        }
    }

    /// What the splitter made of a line (small, so returning it copies nothing large).
    private enum Begin {
        /// Nothing to read: a blank line, or a line that continues inside a quoted field.
        case skipped
        /// A whole record before any header: to be read as one (``readHeaderRecord(_:)``).
        case header
        /// A whole data row, starting at this line, is in the splitter.
        case row(Int)
    }

    /// Counts the line and feeds it to the splitter.
    private mutating func begin(_ line: UnsafeBufferPointer<UInt8>) -> Begin {
        lineNumber += 1
        if !splitter.isPending {
            recordStartLine = lineNumber
            if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { return .skipped }
            if rows == nil { splitter.delimiter = Self.detectDelimiter(line) }
        }
        guard splitter.feed(line) else { return .skipped }
        return rows == nil ? .header : .row(recordStartLine)
    }

    /// Reads the record in the splitter, whose last line is `line`, as a header.
    private mutating func readHeaderRecord(_ line: UnsafeBufferPointer<UInt8>) -> Output {
        if splitter.fieldsInLine { return readHeader(line) }
        let copied = splitter.bytes
        return copied.withUnsafeBufferPointer { readHeader($0) }
    }

    /// A parser for the text that starts `lines` physical lines after the point this one has
    /// reached, with the same layout: how a reader parses two parts of one file at once. Nil when
    /// there is no layout yet or a quoted field is open (the next part cannot be parsed on its own).
    ///
    /// The copy keeps this parser's memo of identity cells (see ``PositionCSVRecord/staticReport``):
    /// the memo only maps a vessel's identity cells to the report those very bytes give, whatever
    /// was read in between, so it holds for any part of any file of the same layout and both
    /// parsers may use and extend their own copy at once. (A memo that dropped repeats, relying on
    /// what a `TrackBuilder` already holds, would not survive this: the other part may have
    /// changed the vessel's identity in the meantime.)
    /// - Parameter lines: the number of physical lines between here and the start of the other part, ≥ 0.
    public func continuation(afterLines lines: Int) -> PositionCSVParser? {
        guard rows != nil, !splitter.isPending else { return nil }
        var other = self
        other.lineNumber += lines
        other.rows = rows?.unshared()  // read on another thread: no buffers in common
        return other
    }

    /// Moves the line count on by `lines` (≥ 0), the record being read included: for a parser
    /// that read a part of a file not knowing how many lines came before it (made with
    /// ``continuation(afterLines:)`` and 0), once that is known.
    public mutating func shiftLineNumbers(by lines: Int) {
        lineNumber += lines
        recordStartLine += lines
    }

    /// True when the last line ended inside a quoted field (the record continues on the next line).
    public var isInsideQuotedField: Bool { splitter.isPending }

    /// Ends the input. Returns an error when it ended inside a quoted field.
    public mutating func finish() -> TrackAnalysisError? {
        guard splitter.isPending else { return nil }
        splitter.reset()
        return TrackAnalysisError(code: .unterminatedQuote, line: recordStartLine)
    }

    private static func detectDelimiter(_ line: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0
        var semicolons = 0
        for b in line {
            if b == 44 { commas += 1 } else if b == 59 { semicolons += 1 }
        }
        return semicolons > commas ? 59 : 44
    }

    private mutating func readHeader(_ buf: UnsafeBufferPointer<UInt8>) -> Output {
        let names = (0..<splitter.count).map { i in String(decoding: UnsafeBufferPointer(rebasing: buf[splitter.range(i)]), as: UTF8.self) }
        let delimiter = Character(Unicode.Scalar(splitter.delimiter))
        // A carriage return inside the header line: the file's lines end with CR alone (classic
        // Mac OS), so the whole file is this one line. Said so, rather than read as 0 rows.
        if names.contains(where: { $0.unicodeScalars.contains("\r") }) {
            defer { triedHeader = true }
            let seen = names.joined(separator: String(delimiter))
            return .failure(
                TrackAnalysisError(
                    code: .unknownHeader, line: recordStartLine, value: seen,
                    detail: "the lines end with a carriage return alone; convert them to line feeds first, e.g. tr '\\r' '\\n'"))
        }
        if let layout = PositionCSVLayout(header: names, delimiter: delimiter) {
            rows = PositionCSVRowReader(layout: layout)
            return .header(layout)
        }
        let seen = names.joined(separator: String(delimiter))
        defer { triedHeader = true }
        return .failure(
            TrackAnalysisError(
                code: triedHeader ? .missingHeader : .unknownHeader,
                line: recordStartLine, value: seen.count > 200 ? String(seen.prefix(200)) + "…" : seen,
                detail: "expected the Capwatch (timestamp,mmsi,lat,lon,…), DMA (# Timestamp,Type of mobile,MMSI,…) or "
                    + "NOAA MarineCadastre (MMSI,BaseDateTime,LAT,LON,…) layout"))
    }

    /// True once a first candidate header failed: later unrecognised lines are rows without a header.
    private var triedHeader = false
}

/// One data row of a position CSV.
public struct PositionCSVRecord: Hashable, Sendable {
    /// The 1-based line where the row starts.
    public var line: Int
    /// The position, nil when the row has none (empty or "not available" latitude/longitude).
    public var position: PositionReport?
    /// The row's identity fields (name, call sign, IMO, ship type code, draught, dimensions,
    /// destination) when any is present. Rows of the same vessel usually repeat them: feed them
    /// to a `TrackBuilder`, which keeps only changes.
    public var staticReport: StaticReport?
    /// True when ``staticReport`` equals, field for field except its time, the static report this
    /// parser last returned for the same MMSI (the row repeats the vessel's identity cells byte for
    /// byte): a ``TrackBuilder`` then need not compare the fields again.
    public var staticReportRepeatsPrevious = false

    /// - Parameters: see the properties.
    public init(line: Int, position: PositionReport?, staticReport: StaticReport?) {
        self.line = line
        self.position = position
        self.staticReport = staticReport
    }

    /// Records are equal when their line, position and static report are: the repeat hint
    /// (``staticReportRepeatsPrevious``) says how the parser found the report, not what it is.
    public static func == (l: PositionCSVRecord, r: PositionCSVRecord) -> Bool {
        l.line == r.line && l.position == r.position && l.staticReport == r.staticReport
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(position)
        hasher.combine(staticReport)
    }
}
