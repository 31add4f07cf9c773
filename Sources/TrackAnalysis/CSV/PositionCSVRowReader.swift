import CapwatchCore

/// Turns the fields of one data row into a ``PositionCSVRecord``, for the layout a
/// ``PositionCSVParser`` recognised: the parser's row half, which applies the cell rules listed
/// on ``PositionCSVParser``.
///
/// Built for a hot loop: the fields are read in place (``CSVFields``), the column positions are
/// looked up once per layout, the fixed ISO 8601 form of times is read directly
/// (``ByteParsing/fixedISO8601(_:lastDay:)``), and a row whose identity cells repeat, byte for
/// byte, the vessel's previous ones gets the report those cells gave then, with this row's time
/// (``IdentityMemo``), instead of building a new one with its strings.
struct PositionCSVRowReader: Sendable {
    typealias Column = PositionCSVLayout.Column

    /// The identity columns, in the order their cells are compared by the memo.
    private static let identityColumns: [Column] = [
        .name, .callSign, .imo, .shipType, .draught, .length, .beam, .dimensionA, .dimensionB, .dimensionC, .dimensionD, .destination,
    ]

    /// The layout the rows follow.
    let layout: PositionCSVLayout
    /// Field index of each column (by raw value), -1 when the layout lacks it.
    private let index: [Int]
    /// Fields in every row: the header's count.
    private let fieldCount: Int
    /// True for the DMA layout (`Unknown` cells, text ship types, `dd/MM/yyyy` times).
    private let isDMA: Bool
    /// Field indices of the identity columns the layout has, in ``identityColumns`` order.
    let identityFields: [Int]
    var memo = IdentityMemo()
    var lastDay = ByteParsing.ISODay()
    /// The line of the row being read, for errors.
    private var line = 0
    /// The field delimiter as a byte.
    let delimiterByte: UInt8
    /// What ``readFast(_:into:)`` does with each field; empty when it reads no row of the layout.
    let fastRoles: [FastRole]
    /// ``readFast(_:into:)``'s field offsets, one per field, kept between rows (no allocation per row).
    var fastStarts: [Int]
    var fastEnds: [Int]
    /// The first field after the last one ``readFast(_:into:)`` reads a value from, when the
    /// identity memo's tails can be used (every identity cell is at or after it, the MMSI
    /// before it; see ``IdentityMemo/tailMatches(_:_:_:)``); -1 otherwise.
    let fastTailField: Int

    /// - Parameter layout: the recognised layout.
    init(layout: PositionCSVLayout) {
        self.layout = layout
        index = layout.index.map { $0 }  // a buffer of its own (see unshared())
        fieldCount = layout.columnNames.count
        isDMA = layout.format == .danishMaritimeAuthority
        identityFields = Self.identityColumns.map { layout.index[$0.rawValue] }.filter { $0 >= 0 }
        delimiterByte = layout.delimiter.asciiValue ?? 44
        fastRoles = Self.fastRoles(for: layout) ?? []
        fastStarts = [Int](repeating: 0, count: fastRoles.count)
        fastEnds = fastStarts
        let tail = (fastRoles.lastIndex { $0 != .other } ?? -1) + 1
        let mmsiField = fastRoles.firstIndex(of: .mmsi) ?? Int.max
        fastTailField = tail > 0 && tail < fastRoles.count && mmsiField < tail && !identityFields.isEmpty && identityFields.allSatisfy { $0 >= tail }
            ? tail : -1
    }

    /// This reader with its own copies of the arrays it reads at every row (the field roles and
    /// indices), which copies of a reader otherwise share: a reader for another thread, so that
    /// the two do not retain and release the same buffers row after row (an atomic count on one
    /// cache line, passed between the cores at every row). The memo and day caches go along.
    func unshared() -> PositionCSVRowReader {
        var copy = PositionCSVRowReader(layout: layout)
        copy.memo = memo
        copy.lastDay = lastDay
        copy.line = line
        return copy
    }

    /// Reads one row.
    /// - Parameters:
    ///   - fields: the row's fields.
    ///   - line: the line where the row starts.
    /// - Returns: the record, `.skipped` for a row with neither position nor identity, or the
    ///   row's first error.
    @inline(__always)
    mutating func read(_ fields: CSVFields, line: Int) -> PositionCSVParser.Output {
        self.line = line
        do throws(TrackAnalysisError) {
            var read: StaticReport?
            let row = try readRow(fields, report: &read)
            var record = PositionCSVRecord(line: line, position: nil, staticReport: nil)
            if let p = row.position {
                record.position = PositionReport(mmsi: row.mmsi, time: row.time, position: GeoPoint(latitude: p.latitude, longitude: p.longitude),
                                                 sog: p.sog, cog: p.cog, heading: p.heading, navigationalStatus: p.status)
            }
            switch row.identity {
            case .none: break
            case .repeated(let slot):
                record.staticReport = memo.report(at: slot)
                record.staticReport?.time = row.time
                record.staticReportRepeatsPrevious = true
            case .read: record.staticReport = read
            }
            return row.position == nil && record.staticReport == nil ? .skipped : .record(record)
        } catch {
            return .failure(error)
        }
    }

    /// Reads one row into `builder`: its position straight into the builder's columns
    /// (``TrackBuilder/addPosition(mmsi:time:latitude:longitude:sog:cog:heading:status:)``), its
    /// static report only when the identity cells differ from the vessel's previous ones or the
    /// builder needs it. The builder ends as if given the record ``read(_:line:)`` returns.
    /// - Returns: `.record` when the builder took something, else `.skipped` or the row's first
    ///   error (nothing of a failed row is added).
    @inline(__always)
    mutating func read(_ fields: CSVFields, line: Int, into builder: inout TrackBuilder) -> PositionCSVParser.LineKind {
        self.line = line
        do throws(TrackAnalysisError) {
            var read: StaticReport?
            let row = try readRow(fields, report: &read)
            if let p = row.position {
                builder.addPosition(mmsi: row.mmsi, time: row.time.millisecondsSince1970, latitude: p.latitude, longitude: p.longitude,
                                    sog: p.sog.map { Float($0) } ?? .nan, cog: p.cog.map { Float($0) } ?? .nan,
                                    heading: p.heading.map { Int16(clamping: $0) } ?? -1, status: p.status.map { Int8(clamping: $0) } ?? -1)
            }
            switch row.identity {
            case .none:
                return row.position == nil ? .skipped : .record
            case .repeated(let slot):
                if !builder.countRepeatedStaticReport(mmsi: row.mmsi, time: row.time), var report = memo.report(at: slot) {
                    report.time = row.time
                    builder.add(report)
                }
            case .read:
                builder.add(read!)
            }
            return .record
        } catch {
            return .failure(error)
        }
    }

    /// What a row holds, before it becomes a record or goes into a builder (but a static report
    /// read from its cells, which goes apart: with it, copying this would copy its strings).
    private struct Row {
        var time: Timestamp
        var mmsi: MMSI
        /// Nil when the row has no position (empty or "not available" latitude and longitude).
        var position: (latitude: Double, longitude: Double, sog: Double?, cog: Double?, heading: Int?, status: Int?)?
        var identity: Identity
    }

    /// The row's static report.
    private enum Identity {
        /// Every identity cell is empty, or the cells give no value.
        case none
        /// The cells are those of the vessel's previous row with any: the report remembered in
        /// this memo slot, with the row's time.
        case repeated(Int)
        /// The report read from the cells (given apart).
        case read
    }

    /// Reads the row's cells (everything is read before anything is added, so a failed row adds
    /// nothing); a static report read from the identity cells is put in `report` (nil on entry).
    @inline(__always)
    private mutating func readRow(_ f: CSVFields, report: inout StaticReport?) throws(TrackAnalysisError) -> Row {
        guard f.count == fieldCount else {
            throw TrackAnalysisError(
                code: .wrongFieldCount, line: line, value: String(f.count),
                detail: f.count > fieldCount
                    ? "the header has \(fieldCount); a delimiter inside an unquoted value shifts the columns after it, so the row is not used"
                    : "the header has \(fieldCount); a value or its delimiter is missing, or the line was cut, so the row is not used")
        }
        let time = try self.time(f)
        let mmsiValue = try requiredInteger(f, .mmsi)
        guard let mmsi = MMSI(mmsiValue) else { throw error(f, .outOfRange, .mmsi, detail: "an MMSI is 0...999999999") }

        var row = Row(time: time, mmsi: mmsi, position: nil, identity: .none)
        let lat = try double(f, .latitude)
        let lon = try double(f, .longitude)
        switch (lat, lon) {
        case (nil, nil): break
        case (nil, _): throw error(f, .emptyField, .latitude, detail: "longitude given without latitude")
        case (_, nil): throw error(f, .emptyField, .longitude, detail: "latitude given without longitude")
        case (let lat?, let lon?):
            guard lat == 91 || (-90...90).contains(lat) else {
                throw error(f, .outOfRange, .latitude, detail: "latitude is -90...90, 91 = not available")
            }
            guard lon == 181 || (-180...180).contains(lon) else {
                throw error(f, .outOfRange, .longitude, detail: "longitude is -180...180, 181 = not available")
            }
            if lat != 91, lon != 181 {
                var sog = try double(f, .sog)
                if let s = sog {
                    guard s >= 0 else { throw error(f, .outOfRange, .sog, detail: "SOG is 0...102.2 kn, 102.3 = not available") }
                    if s >= 102.3 { sog = nil }
                }
                var cog = try double(f, .cog)
                if let c = cog {
                    guard c >= 0 else { throw error(f, .outOfRange, .cog, detail: "COG is 0...359.9°, 360 = not available") }
                    if c >= 360 { cog = nil }
                }
                var heading: Int?
                if let h = try double(f, .heading) {
                    guard h == 511 || (0..<360).contains(h) else {
                        throw error(f, .outOfRange, .heading, detail: "true heading is 0...359°, 511 = not available")
                    }
                    heading = h == 511 ? nil : Int(h.rounded()) % 360
                }
                let status = try navigationalStatus(f)
                row.position = (lat, lon, sog, cog, heading, status)
            }
        }
        row.identity = try identity(f, mmsi: mmsi, time: time, report: &report)
        return row
    }

    /// The row's static report: none when every identity cell is empty; the memoised report
    /// (`.repeated`) when the cells repeat the vessel's previous ones and gave a report then;
    /// else the report read from the cells, when they give one (`.read`, the report put in `report`).
    @inline(__always)
    private mutating func identity(_ f: CSVFields, mmsi: MMSI, time: Timestamp, report: inout StaticReport?) throws(TrackAnalysisError) -> Identity {
        var anyCell = false
        for i in identityFields where f[i].count > 0 {
            anyCell = true
            break
        }
        guard anyCell else { return .none }  // every cell empty: every field nil, as staticReport(_:mmsi:time:) would find
        let slot = memo.slot(for: mmsi)
        if memo.matches(slot, f, identityFields) {
            return memo.hasReport(at: slot) ? .repeated(slot) : .none
        }
        report = try staticReport(f, mmsi: mmsi, time: time)
        memo.remember(report, at: slot, cellsOf: f, at: identityFields)
        return report == nil ? .none : .read
    }

    /// Reads the identity cells; nil when none gives a value.
    private mutating func staticReport(_ f: CSVFields, mmsi: MMSI, time: Timestamp) throws(TrackAnalysisError) -> StaticReport? {
        var report = StaticReport(mmsi: mmsi, time: time)
        report.name = text(f, .name)
        report.callSign = text(f, .callSign)
        report.imo = try imo(f)
        report.shipType = try shipType(f)
        report.draught = try positive(f, .draught)
        report.length = try positive(f, .length)
        report.beam = try positive(f, .beam)
        if report.length == nil, let a = try positive(f, .dimensionA), let b = try positive(f, .dimensionB) { report.length = a + b }
        if report.beam == nil, let c = try positive(f, .dimensionC), let d = try positive(f, .dimensionD) { report.beam = c + d }
        report.destination = text(f, .destination)
        let hasStatic = report.name != nil || report.callSign != nil || report.imo != nil || report.shipType != nil || report.draught != nil
            || report.length != nil || report.beam != nil || report.destination != nil
        return hasStatic ? report : nil
    }

    // MARK: - Cells

    /// The cell of `column` without blanks around it; empty when the layout lacks the column, and
    /// for DMA's `Unknown`, `Unknown value` and `Undefined`.
    @inline(__always)
    private func cell(_ f: CSVFields, _ column: Column) -> UnsafeBufferPointer<UInt8> {
        let i = index[column.rawValue]
        guard i >= 0, i < f.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        var c = f[i]
        if let first = c.first, let last = c.last, first == 32 || first == 9 || last == 32 || last == 9 { c = ByteParsing.trimmed(c) }
        if isDMA, c.count >= 7, c[0] == 85 || c[0] == 117,
            ByteParsing.equalsLowercase(c, "unknown") || ByteParsing.equalsLowercase(c, "undefined") || ByteParsing.equalsLowercase(c, "unknown value")
        {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return c
    }

    private func string(_ cell: UnsafeBufferPointer<UInt8>) -> String { String(decoding: cell, as: UTF8.self) }

    private func error(_ f: CSVFields, _ code: TrackAnalysisError.Code, _ column: Column, detail: String? = nil) -> TrackAnalysisError {
        let c = cell(f, column)
        return TrackAnalysisError(code: code, line: line, field: layout.name(of: column), value: c.isEmpty ? nil : string(c), detail: detail)
    }

    private mutating func time(_ f: CSVFields) throws(TrackAnalysisError) -> Timestamp {
        let c = cell(f, .time)
        guard !c.isEmpty else { throw error(f, .emptyField, .time) }
        if isDMA {
            guard let t = ByteParsing.dayMonthYearTime(c) else { throw error(f, .invalidTimestamp, .time, detail: "expected dd/MM/yyyy HH:mm:ss") }
            return t
        }
        if let t = ByteParsing.fixedISO8601(c, lastDay: &lastDay) { return t }
        guard let t = Timestamp(iso8601UTF8: c) else {
            throw error(f, .invalidTimestamp, .time, detail: "expected ISO 8601, e.g. 2018-04-01T00:03:15Z")
        }
        return t
    }

    // The readers of the cells every row has (`requiredInteger`, `double`, `navigationalStatus`)
    // are `mutating` though they change nothing: a mutating method gets the reader by reference,
    // while a non-mutating one is handed a copy of it (160 bytes, one memcpy per call), which
    // cost about a tenth of the time of reading a row.

    private mutating func requiredInteger(_ f: CSVFields, _ column: Column) throws(TrackAnalysisError) -> Int {
        let c = cell(f, column)
        guard !c.isEmpty else { throw error(f, .emptyField, column) }
        guard let v = ByteParsing.integer(c) else { throw error(f, .notANumber, column) }
        return v
    }

    @inline(__always)
    private mutating func double(_ f: CSVFields, _ column: Column) throws(TrackAnalysisError) -> Double? {
        let c = cell(f, column)
        guard !c.isEmpty else { return nil }
        guard let v = ByteParsing.double(c) else { throw error(f, .notANumber, column) }
        return v
    }

    /// A number where 0 means "not available" (draught, length, beam, dimensions to the reference point).
    private mutating func positive(_ f: CSVFields, _ column: Column) throws(TrackAnalysisError) -> Double? {
        guard let v = try double(f, column) else { return nil }
        guard v >= 0 else { throw error(f, .outOfRange, column, detail: "must not be negative") }
        return v == 0 ? nil : v
    }

    /// Text without `@` padding and trailing blanks; nil when nothing is left.
    private func text(_ f: CSVFields, _ column: Column) -> String? {
        var c = cell(f, column)
        while c.count > 0, c[c.count - 1] == 64 || c[c.count - 1] == 32 { c = UnsafeBufferPointer(rebasing: c[0..<(c.count - 1)]) }
        return c.isEmpty ? nil : string(c)
    }

    private func imo(_ f: CSVFields) throws(TrackAnalysisError) -> IMONumber? {
        let c = cell(f, .imo)
        guard !c.isEmpty else { return nil }
        var digits = c
        if c.count >= 3, ByteParsing.equalsLowercase(UnsafeBufferPointer(rebasing: c[0..<3]), "imo") {
            digits = ByteParsing.trimmed(UnsafeBufferPointer(rebasing: c[3...]))
        }
        guard let v = ByteParsing.integer(digits) else { throw error(f, .notANumber, .imo) }
        if v == 0 { return nil }  // "IMO0000000" / 0: not available
        guard let imo = IMONumber(rawValue: v) else { throw error(f, .invalidValue, .imo, detail: "an IMO number has at most seven digits") }
        return imo
    }

    private func shipType(_ f: CSVFields) throws(TrackAnalysisError) -> Int? {
        let c = cell(f, .shipType)
        guard !c.isEmpty else { return nil }
        if let v = ByteParsing.integer(c) {
            guard v <= 255 else { throw error(f, .outOfRange, .shipType, detail: "ship type is 0...255") }
            return v == 0 ? nil : v
        }
        guard isDMA else { throw error(f, .notANumber, .shipType) }
        return PositionCSVLayout.shipTypeCode(text: string(c))
    }

    private mutating func navigationalStatus(_ f: CSVFields) throws(TrackAnalysisError) -> Int? {
        let c = cell(f, .navigationalStatus)
        guard !c.isEmpty else { return nil }
        if let v = ByteParsing.integer(c) {
            guard v <= 15 else { throw error(f, .outOfRange, .navigationalStatus, detail: "navigational status is 0...15") }
            return v
        }
        return PositionCSVLayout.navigationalStatusCode(text: string(c))
    }
}
