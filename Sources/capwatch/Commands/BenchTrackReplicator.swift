/// Builds large position CSVs from real ones, for `capwatch bench make-tracks`: the rows of the
/// sources are written again and again, each copy ("replica") with its own MMSIs and shifted in
/// time, until the requested number of positions is reached.
///
/// - Vessels: every (source file, MMSI) pair gets an index `i` in order of first appearance
///   (V pairs in all). In replica `r` its MMSI becomes `MMSI / 10⁶ × 10⁶ + (r × V + i) mod 10⁶`:
///   the first three digits (the flag, MID) are kept and no two vessels of any replica share an
///   MMSI as long as replicas × V ≤ 10⁶.
/// - Time: replica `r` is shifted by `r × replicaDays` days, so copies of one area do not meet
///   each other (which would add encounters between a vessel and its own copies).
/// - Every other column is copied byte for byte; rows keep their order within a replica.
///
/// The output depends only on the sources and the parameters.
struct BenchTrackReplicator {
    private struct Row {
        var seconds: Int64
        var source: Int
        var vessel: Int
        var mmsi: Int
        /// The bytes after the MMSI column, from its comma to the newline inclusive.
        var rest: ArraySlice<UInt8>
    }

    /// The header line of the sources (with its newline).
    let header: [UInt8]
    private var rows: [Row] = []
    /// Distinct (source, MMSI) pairs.
    private(set) var vesselCount = 0
    /// Whole days each source spans (its first to last row, rounded up, at least 1).
    private(set) var sourceDays: [Int] = []

    var rowCount: Int { rows.count }

    /// - Parameter sources: the bytes of each CSV in the Capwatch layout (`timestamp,mmsi,…`,
    ///   timestamps as `YYYY-MM-DDThh:mm:ssZ`).
    /// - Throws: ``CapwatchCLIError`` when headers differ or a row cannot be read.
    init(sources: [(name: String, bytes: [UInt8])]) throws {
        var header: [UInt8]?
        var vessels: [String: Int] = [:]
        var spans: [Int: (first: Int64, last: Int64)] = [:]
        for (sourceIndex, source) in sources.enumerated() {
            let bytes = source.bytes
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                let line = bytes[lineStart..<min(end + 1, bytes.count)]
                lineStart = end + 1
                lineNumber += 1
                if lineNumber == 1 {
                    if let header, !header.elementsEqual(line) { throw CapwatchCLIError("\(source.name): header differs from the first source's") }
                    header = Array(line)
                    continue
                }
                guard line.count > 22, let comma = line.dropFirst(21).firstIndex(of: 44), line[line.startIndex + 20] == 44,
                    let seconds = Self.epochSeconds(line.prefix(20)),
                    let mmsi = Int(String(decoding: line[(line.startIndex + 21)..<comma], as: UTF8.self))
                else { throw CapwatchCLIError("\(source.name):\(lineNumber): not a `YYYY-MM-DDThh:mm:ssZ,mmsi,…` row") }
                let key = "\(sourceIndex):\(mmsi)"
                let vessel: Int
                if let known = vessels[key] {
                    vessel = known
                } else {
                    vessel = vessels.count
                    vessels[key] = vessel
                }
                var rest = line[comma...]
                if rest.last != 10 { rest = ArraySlice(Array(rest) + [10]) }
                rows.append(Row(seconds: seconds, source: sourceIndex, vessel: vessel, mmsi: mmsi, rest: rest))
                spans[sourceIndex] = (min(spans[sourceIndex]?.first ?? seconds, seconds), max(spans[sourceIndex]?.last ?? seconds, seconds))
            }
        }
        guard let header, !rows.isEmpty else { throw CapwatchCLIError("no rows in the track sources") }
        self.header = header
        self.vesselCount = vessels.count
        self.sourceDays = sources.indices.map { i in spans[i].map { Int(($0.last - $0.first) / 86_400) + 1 } ?? 1 }
    }

    /// Writes the header and `positions` rows, calling `flush` with about 1 MiB at a time.
    /// - Throws: ``CapwatchCLIError`` when so many replicas would make MMSIs collide, or what `flush` throws.
    /// - Parameter sameVessels: keep every row's MMSI in every replica (the same fleet over a longer
    ///   time: tracks grow, the number of vessels does not). Each source's replicas then follow one
    ///   another without a pause: replica `r` of a source is shifted by `r ×` the days it spans
    ///   (`replicaDays` is not used), so its vessels carry on the next day as in a longer capture.
    func write(positions: Int, replicaDays: Int, sameVessels: Bool = false, flush: ([UInt8]) throws -> Void) throws {
        let replicas = (positions + rows.count - 1) / rows.count
        guard sameVessels || replicas * vesselCount <= 1_000_000 else {
            throw CapwatchCLIError("\(positions) positions need \(replicas) replicas of \(vesselCount) vessels: more than 10⁶ MMSIs per flag")
        }
        var buffer = header
        buffer.reserveCapacity(1 << 21)
        var written = 0
        replicaLoop: for replica in 0..<replicas {
            for row in rows {
                if written == positions { break replicaLoop }
                let shift = Int64(replica) * Int64(sameVessels ? sourceDays[row.source] : replicaDays) * 86_400
                Self.appendTimestamp(row.seconds + shift, to: &buffer)
                buffer.append(44)
                let mmsi = sameVessels ? row.mmsi : row.mmsi / 1_000_000 * 1_000_000 + (replica * vesselCount + row.vessel) % 1_000_000
                buffer.append(contentsOf: String(mmsi).utf8)
                buffer.append(contentsOf: row.rest)
                written += 1
                if buffer.count >= 1 << 20 {
                    try flush(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try flush(buffer)
    }

    /// Seconds since 1970 of `YYYY-MM-DDThh:mm:ssZ` (proleptic Gregorian, UTC), or nil.
    static func epochSeconds(_ text: ArraySlice<UInt8>) -> Int64? {
        let b = Array(text)
        guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int64(b[i] - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), let hh = number(11..<13), let mm = number(14..<16),
            let ss = number(17..<19), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return daysFromCivil(y, m, d) * 86_400 + hh * 3600 + mm * 60 + ss
    }

    /// Howard Hinnant's `days_from_civil`.
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Appends `YYYY-MM-DDThh:mm:ssZ` for `seconds` since 1970 (Hinnant's `civil_from_days`).
    static func appendTimestamp(_ seconds: Int64, to buffer: inout [UInt8]) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                buffer.append(UInt8(48 + v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        buffer.append(45)
        digits(month, 2)
        buffer.append(45)
        digits(day, 2)
        buffer.append(84)
        digits(secondOfDay / 3600, 2)
        buffer.append(58)
        digits(secondOfDay / 60 % 60, 2)
        buffer.append(58)
        digits(secondOfDay % 60, 2)
        buffer.append(90)
    }
}
