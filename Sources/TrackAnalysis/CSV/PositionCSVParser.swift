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
    public private(set) var layout: PositionCSVLayout?
    /// Physical lines consumed so far.
    public private(set) var lineNumber = 0

    private var splitter = CSVRecordSplitter(delimiter: 44)
    private var recordStartLine = 0

    /// A parser that expects a header first.
    public init() {}

    /// Parses one physical line (without its line break).
    public mutating func parse(line: some StringProtocol) -> Output {
        var s = String(line)
        return s.withUTF8 { parse(utf8: $0) }
    }

    /// Parses one physical line given as UTF-8 bytes (without its line break).
    public mutating func parse(utf8 line: UnsafeBufferPointer<UInt8>) -> Output {
        lineNumber += 1
        if !splitter.isPending {
            recordStartLine = lineNumber
            if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { return .skipped }
            if layout == nil { splitter.delimiter = Self.detectDelimiter(line) }
        }
        guard splitter.feed(line) else { return .skipped }
        if splitter.fieldsInLine { return read(line) }
        let copied = splitter.bytes
        return copied.withUnsafeBufferPointer { read($0) }
    }

    /// Reads the record just split, whose fields are in `buf`.
    private mutating func read(_ buf: UnsafeBufferPointer<UInt8>) -> Output {
        guard let layout else { return readHeader(buf) }
        do throws(TrackAnalysisError) {
            return try readRow(buf, layout)
        } catch {
            return .failure(error)
        }
    }

    /// A parser for the text that starts `lines` physical lines after the point this one has
    /// reached, with the same layout: how a reader parses two parts of one file at once. Nil when
    /// there is no layout yet or a quoted field is open (the next part cannot be parsed on its own).
    /// - Parameter lines: the number of physical lines between here and the start of the other part, ≥ 0.
    public func continuation(afterLines lines: Int) -> PositionCSVParser? {
        guard layout != nil, !splitter.isPending else { return nil }
        var other = self
        other.lineNumber += lines
        return other
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
        if let layout = PositionCSVLayout(header: names, delimiter: delimiter) {
            self.layout = layout
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

    // MARK: - Rows

    private func readRow(_ buf: UnsafeBufferPointer<UInt8>, _ layout: PositionCSVLayout) throws(TrackAnalysisError) -> Output {
        guard splitter.count == layout.columnNames.count else {
            throw TrackAnalysisError(
                code: .wrongFieldCount, line: recordStartLine, value: String(splitter.count),
                detail: "the header has \(layout.columnNames.count); a delimiter inside an unquoted value shifts the columns after it, so the row is not used")
        }
        let row = Row(buf: buf, splitter: splitter, layout: layout, line: recordStartLine)
        let time = try row.time()
        let mmsiValue = try row.requiredInteger(.mmsi)
        guard let mmsi = MMSI(mmsiValue) else { throw row.error(.outOfRange, .mmsi, detail: "an MMSI is 0...999999999") }

        var position: PositionReport?
        let lat = try row.double(.latitude)
        let lon = try row.double(.longitude)
        switch (lat, lon) {
        case (nil, nil): break
        case (nil, _): throw row.error(.emptyField, .latitude, detail: "longitude given without latitude")
        case (_, nil): throw row.error(.emptyField, .longitude, detail: "latitude given without longitude")
        case (let lat?, let lon?):
            guard lat == 91 || (-90...90).contains(lat) else { throw row.error(.outOfRange, .latitude, detail: "latitude is -90...90, 91 = not available") }
            guard lon == 181 || (-180...180).contains(lon) else {
                throw row.error(.outOfRange, .longitude, detail: "longitude is -180...180, 181 = not available")
            }
            if lat != 91, lon != 181 {
                var sog = try row.double(.sog)
                if let s = sog {
                    guard s >= 0 else { throw row.error(.outOfRange, .sog, detail: "SOG is 0...102.2 kn, 102.3 = not available") }
                    if s >= 102.3 { sog = nil }
                }
                var cog = try row.double(.cog)
                if let c = cog {
                    guard c >= 0 else { throw row.error(.outOfRange, .cog, detail: "COG is 0...359.9°, 360 = not available") }
                    if c >= 360 { cog = nil }
                }
                var heading: Int?
                if let h = try row.double(.heading) {
                    guard h == 511 || (0..<360).contains(h) else {
                        throw row.error(.outOfRange, .heading, detail: "true heading is 0...359°, 511 = not available")
                    }
                    heading = h == 511 ? nil : Int(h.rounded()) % 360
                }
                let status = try row.navigationalStatus()
                position = PositionReport(mmsi: mmsi, time: time, position: GeoPoint(latitude: lat, longitude: lon), sog: sog, cog: cog,
                                          heading: heading, navigationalStatus: status)
            }
        }

        var report = StaticReport(mmsi: mmsi, time: time)
        report.name = row.text(.name)
        report.callSign = row.text(.callSign)
        report.imo = try row.imo()
        report.shipType = try row.shipType()
        report.draught = try row.positive(.draught)
        report.length = try row.positive(.length)
        report.beam = try row.positive(.beam)
        if report.length == nil, let a = try row.positive(.dimensionA), let b = try row.positive(.dimensionB) { report.length = a + b }
        if report.beam == nil, let c = try row.positive(.dimensionC), let d = try row.positive(.dimensionD) { report.beam = c + d }
        report.destination = row.text(.destination)
        let hasStatic = report.name != nil || report.callSign != nil || report.imo != nil || report.shipType != nil || report.draught != nil
            || report.length != nil || report.beam != nil || report.destination != nil
        if position == nil && !hasStatic { return .skipped }
        return .record(PositionCSVRecord(line: recordStartLine, position: position, staticReport: hasStatic ? report : nil))
    }
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

    /// - Parameters: see the properties.
    public init(line: Int, position: PositionReport?, staticReport: StaticReport?) {
        self.line = line
        self.position = position
        self.staticReport = staticReport
    }
}

/// Typed access to the cells of one row.
private struct Row {
    typealias Column = PositionCSVLayout.Column
    let buf: UnsafeBufferPointer<UInt8>
    let splitter: CSVRecordSplitter
    let layout: PositionCSVLayout
    let line: Int

    /// The trimmed cell of `column`; empty when the layout or the row lacks it.
    func cell(_ column: Column) -> UnsafeBufferPointer<UInt8> {
        let i = layout.index[column.rawValue]
        guard i >= 0, i < splitter.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let cell = ByteParsing.trimmed(UnsafeBufferPointer(rebasing: buf[splitter.range(i)]))
        if layout.format == .danishMaritimeAuthority, cell.count >= 7, cell[0] == 85 || cell[0] == 117,
            ByteParsing.equalsLowercase(cell, "unknown") || ByteParsing.equalsLowercase(cell, "undefined")
                || ByteParsing.equalsLowercase(cell, "unknown value")
        {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return cell
    }

    func string(_ cell: UnsafeBufferPointer<UInt8>) -> String { String(decoding: cell, as: UTF8.self) }

    func error(_ code: TrackAnalysisError.Code, _ column: Column, detail: String? = nil) -> TrackAnalysisError {
        let c = cell(column)
        return TrackAnalysisError(code: code, line: line, field: layout.name(of: column), value: c.isEmpty ? nil : string(c), detail: detail)
    }

    func time() throws(TrackAnalysisError) -> Timestamp {
        let c = cell(.time)
        guard !c.isEmpty else { throw error(.emptyField, .time) }
        if layout.format == .danishMaritimeAuthority {
            guard let t = ByteParsing.dayMonthYearTime(c) else { throw error(.invalidTimestamp, .time, detail: "expected dd/MM/yyyy HH:mm:ss") }
            return t
        }
        guard let t = Timestamp(iso8601UTF8: c) else { throw error(.invalidTimestamp, .time, detail: "expected ISO 8601, e.g. 2018-04-01T00:03:15Z") }
        return t
    }

    func requiredInteger(_ column: Column) throws(TrackAnalysisError) -> Int {
        let c = cell(column)
        guard !c.isEmpty else { throw error(.emptyField, column) }
        guard let v = ByteParsing.integer(c) else { throw error(.notANumber, column) }
        return v
    }

    func double(_ column: Column) throws(TrackAnalysisError) -> Double? {
        let c = cell(column)
        guard !c.isEmpty else { return nil }
        guard let v = ByteParsing.double(c) else { throw error(.notANumber, column) }
        return v
    }

    /// A number where 0 means "not available" (draught, length, beam, dimensions to the reference point).
    func positive(_ column: Column) throws(TrackAnalysisError) -> Double? {
        guard let v = try double(column) else { return nil }
        guard v >= 0 else { throw error(.outOfRange, column, detail: "must not be negative") }
        return v == 0 ? nil : v
    }

    func text(_ column: Column) -> String? {
        var c = cell(column)
        while c.count > 0, c[c.count - 1] == 64 || c[c.count - 1] == 32 { c = UnsafeBufferPointer(rebasing: c[0..<(c.count - 1)]) }  // '@' padding
        return c.isEmpty ? nil : string(c)
    }

    func imo() throws(TrackAnalysisError) -> IMONumber? {
        let c = cell(.imo)
        guard !c.isEmpty else { return nil }
        var digits = c
        if c.count >= 3, ByteParsing.equalsLowercase(UnsafeBufferPointer(rebasing: c[0..<3]), "imo") {
            digits = ByteParsing.trimmed(UnsafeBufferPointer(rebasing: c[3...]))
        }
        guard let v = ByteParsing.integer(digits) else { throw error(.notANumber, .imo) }
        if v == 0 { return nil }  // "IMO0000000" / 0: not available
        guard let imo = IMONumber(rawValue: v) else { throw error(.invalidValue, .imo, detail: "an IMO number has at most seven digits") }
        return imo
    }

    func shipType() throws(TrackAnalysisError) -> Int? {
        let c = cell(.shipType)
        guard !c.isEmpty else { return nil }
        if let v = ByteParsing.integer(c) {
            guard v <= 255 else { throw error(.outOfRange, .shipType, detail: "ship type is 0...255") }
            return v == 0 ? nil : v
        }
        guard layout.format == .danishMaritimeAuthority else { throw error(.notANumber, .shipType) }
        return PositionCSVLayout.shipTypeCode(text: string(c))
    }

    func navigationalStatus() throws(TrackAnalysisError) -> Int? {
        let c = cell(.navigationalStatus)
        guard !c.isEmpty else { return nil }
        if let v = ByteParsing.integer(c) {
            guard v <= 15 else { throw error(.outOfRange, .navigationalStatus, detail: "navigational status is 0...15") }
            return v
        }
        return PositionCSVLayout.navigationalStatusCode(text: string(c))
    }
}
