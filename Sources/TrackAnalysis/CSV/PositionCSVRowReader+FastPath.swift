import CapwatchCore

extension PositionCSVRowReader {
    /// What ``readFast(_:into:)`` did with a line.
    enum FastOutcome {
        /// The row went into the builder, exactly as ``read(_:line:into:)`` would have put it.
        case record
        /// The row holds neither a position nor identity cells: nothing was added.
        case skipped
        /// The line is not one the fast path reads (a quote, blanks around a cell, a number in
        /// another form, a value out of range, changed identity cells, the wrong field count …):
        /// nothing was added, and the line must go through the splitter and ``read(_:line:into:)``,
        /// which read it (or report its error) the general way.
        case declined
    }

    /// A quote in every byte.
    private static let quotes: UInt64 = 0x2222_2222_2222_2222

    /// What the fast path does with each field of a row, by field index.
    enum FastRole: UInt8 {
        /// Not read by the fast path (its bytes are only kept for the identity memo).
        case other
        case time, mmsi, latitude, longitude, sog, cog, heading, navigationalStatus
    }

    /// The roles of the fields of `layout`'s rows, by field index; nil for a layout the fast path
    /// does not read (DMA, whose cells have text values and another time format).
    static func fastRoles(for layout: PositionCSVLayout) -> [FastRole]? {
        guard layout.format != .danishMaritimeAuthority, layout.delimiter.isASCII else { return nil }
        var roles = [FastRole](repeating: .other, count: layout.columnNames.count)
        let read: [(Column, FastRole)] = [(.time, .time), (.mmsi, .mmsi), (.latitude, .latitude), (.longitude, .longitude), (.sog, .sog),
                                          (.cog, .cog), (.heading, .heading), (.navigationalStatus, .navigationalStatus)]
        for (column, role) in read {
            let i = layout.index[column.rawValue]
            if i >= 0 { roles[i] = role }
        }
        return roles
    }

    /// Reads the common row in one pass over its bytes, without the splitter: cells are found and
    /// their numbers read in the same pass. It takes only rows whose every cell is in the plain
    /// form (no quotes, no blanks around a cell, numbers as `[sign]digits[.digits]`, the fixed
    /// ISO 8601 time, the MMSI and navigational status as digits) with values in range, and whose
    /// identity cells are empty or repeat, byte for byte, the vessel's previous ones (the
    /// ``IdentityMemo``); it declines the rest, having added nothing. What it adds is bit for bit
    /// what ``read(_:line:into:)`` adds for the same row: the same number readings
    /// (``ByteParsing/fastDecimal(_:_:_:delimiter:)``, the arithmetic of ``ByteParsing/double(_:)``),
    /// the same rules for the "not available" values, the same memo.
    /// - Parameters:
    ///   - line: one physical line without its line break (a trailing CR is dropped).
    ///   - builder: where the row goes.
    /// - Returns: what was done; ``FastOutcome/declined`` when the general path must read the line.
    @inline(__always)
    mutating func readFast(_ line: UnsafeBufferPointer<UInt8>, into builder: inout TrackBuilder) -> FastOutcome {
        guard let p = line.baseAddress, !fastRoles.isEmpty else { return .declined }
        var n = line.count
        if n > 0, p[n - 1] == 13 { n -= 1 }
        let fieldCount = fastRoles.count
        let d = delimiterByte
        let delimiters = UInt64(d) &* 0x0101_0101_0101_0101

        var time: Timestamp?
        var mmsiValue = -1
        // A number per role: NaN while its cell is empty.
        var lat = Double.nan, lon = Double.nan, sog = Double.nan, cog = Double.nan, heading = Double.nan
        var status = -1
        var lastDay = self.lastDay
        // The memo slot whose tail the line ends with (-1: none), and where the tail starts.
        let tailField = fastTailField
        var tailSlot = -1
        var tailStart = 0
        let complete = fastRoles.withUnsafeBufferPointer { roles -> Bool in
            fastStarts.withUnsafeMutableBufferPointer { starts in
                fastEnds.withUnsafeMutableBufferPointer { ends in
                    var i = 0
                    var k = 0
                    while true {
                        guard k < fieldCount else { return false }  // more fields than the header
                        if k == tailField {
                            // The rest of the line: if it is the tail the memo holds for this vessel, its
                            // cells are the remembered ones and need not be found.
                            tailStart = i
                            if let mmsi = MMSI(mmsiValue), let slot = memo.existingSlot(for: mmsi), memo.tailMatches(slot, p + i, n - i) {
                                tailSlot = slot
                                return true
                            }
                        }
                        let start = i
                        switch roles[k] {
                        case .other, .time:
                            // Eight bytes at a time to the delimiter; a quote declines the line.
                            var found = false
                            while i + 8 <= n {
                                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                                let hits = ByteParsing.zeroBytes(word ^ delimiters) | ByteParsing.zeroBytes(word ^ Self.quotes)
                                if hits != 0 {
                                    i += hits.littleEndian.trailingZeroBitCount >> 3
                                    if p[i] == 34 { return false }
                                    found = true
                                    break
                                }
                                i += 8
                            }
                            while !found, i < n {
                                let b = p[i]
                                if b == d { break }
                                if b == 34 { return false }
                                i += 1
                            }
                            if roles[k] == .time, i > start {
                                guard let t = ByteParsing.fixedISO8601(UnsafeBufferPointer(start: p + start, count: i - start), lastDay: &lastDay)
                                else { return false }
                                time = t
                            }
                        case .mmsi, .navigationalStatus:
                            var v = 0
                            if n - i >= 16, let (value, digits) = ByteParsing.leadingDigits(p + i) {
                                v = value
                                i += digits
                            } else {
                                while i < n, p[i] &- 48 < 10 {
                                    v = v &* 10 &+ Int(p[i] &- 48)
                                    i += 1
                                }
                            }
                            guard i == n || p[i] == d, i - start <= 18 else { return false }
                            if i > start {
                                if roles[k] == .mmsi { mmsiValue = v } else { status = v }
                            }
                        case .latitude, .longitude, .sog, .cog, .heading:
                            // The common cells inline: empty, or a short number; the rest (and what
                            // these refuse) through fastDecimal, which reads them all the same way.
                            let v: Double
                            if i < n, p[i] == d {
                                v = .nan
                            } else if n - i >= 17, let (value, length) = ByteParsing.signedShortDecimal(p + i, delimiter: d) {
                                v = value
                                i += length
                            } else {
                                guard let value = ByteParsing.fastDecimal(p, &i, n, delimiter: d) else { return false }
                                v = value
                            }
                            switch roles[k] {
                            case .latitude: lat = v
                            case .longitude: lon = v
                            case .sog: sog = v
                            case .cog: cog = v
                            default: heading = v
                            }
                        }
                        starts[k] = start
                        ends[k] = i
                        k += 1
                        if i >= n { break }
                        i += 1  // the delimiter
                    }
                    return k == fieldCount
                }
            }
        }
        guard complete, let time, let mmsi = MMSI(mmsiValue) else { return .declined }
        self.lastDay = lastDay

        // The rules of readRow, in its order; anything it would refuse is declined.
        var position: (sog: Float, cog: Float, heading: Int16, status: Int8)?
        switch (lat.isNaN, lon.isNaN) {
        case (true, true): break
        case (false, false):
            guard lat == 91 || (-90...90).contains(lat), lon == 181 || (-180...180).contains(lon) else { return .declined }
            if lat != 91, lon != 181 {
                if !sog.isNaN {
                    guard sog >= 0 else { return .declined }
                    if sog >= 102.3 { sog = .nan }
                }
                if !cog.isNaN {
                    guard cog >= 0 else { return .declined }
                    if cog >= 360 { cog = .nan }
                }
                var trueHeading: Int16 = -1
                if !heading.isNaN {
                    guard heading == 511 || (0..<360).contains(heading) else { return .declined }
                    if heading != 511 { trueHeading = Int16(clamping: Int(heading.rounded()) % 360) }
                }
                guard status <= 15 else { return .declined }
                position = (Float(sog), Float(cog), trueHeading, Int8(clamping: status))
            }
        default: return .declined  // one of latitude and longitude only: an error, reported by readRow
        }

        // The identity cells: none, or those the memo holds for the vessel (`reportSlot`: the
        // memo slot of the report they gave, when they gave one).
        var reportSlot: Int?
        let count = fieldCount
        if tailSlot >= 0 {
            if memo.hasReport(at: tailSlot) { reportSlot = tailSlot }
        } else {
            let known = fastStarts.withUnsafeBufferPointer { starts in
                fastEnds.withUnsafeBufferPointer { ends -> Bool in
                    let fields = CSVFields(bytes: UnsafeBufferPointer(start: p, count: n), starts: starts, ends: ends, count: count)
                    guard identityFields.contains(where: { fields[$0].count > 0 }) else { return true }
                    let slot = memo.slot(for: mmsi)
                    guard memo.matches(slot, fields, identityFields) else { return false }
                    if tailField >= 0 { memo.rememberTail(slot, p + tailStart, n - tailStart) }
                    if memo.hasReport(at: slot) { reportSlot = slot }
                    return true
                }
            }
            guard known else { return .declined }
        }

        if let position {
            builder.addPosition(mmsi: mmsi, time: time.millisecondsSince1970, latitude: lat, longitude: lon, sog: position.sog, cog: position.cog,
                                heading: position.heading, status: position.status)
        }
        guard let slot = reportSlot else { return position == nil ? .skipped : .record }
        if !builder.countRepeatedStaticReport(mmsi: mmsi, time: time), var report = memo.report(at: slot) {
            report.time = time
            builder.add(report)
        }
        return .record
    }
}
