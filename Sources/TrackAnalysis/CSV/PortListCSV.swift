import CapwatchCore

extension PortList {
    /// Parses a port list from CSV text with a header naming at least `name`, a latitude column
    /// (`lat`/`latitude`) and a longitude column (`lon`/`lng`/`long`/`longitude`); `country` is read
    /// when present, other columns (such as `harbor_size`, `unlocode` in the World Port Index
    /// extract `ports.csv`) are ignored. Case-insensitive names, `,` or `;` delimiter, RFC 4180 quoting.
    ///
    /// - Parameter text: the CSV text, header first.
    /// - Returns: the ports that parsed, and an error for each row that did not (bad or
    ///   out-of-range coordinates, empty name); those rows are left out.
    /// - Throws: ``TrackAnalysisError`` with code `unknownHeader` when the header lacks a needed column.
    public static func parseCSV(_ text: String) throws(TrackAnalysisError) -> (ports: PortList, errors: [TrackAnalysisError]) {
        var splitter = CSVRecordSplitter(delimiter: 44)
        var columns: (name: Int, country: Int, lat: Int, lon: Int)?
        var header: [String] = []
        var ports: [Port] = []
        var errors: [TrackAnalysisError] = []
        var lineNumber = 0
        var recordLine = 0
        var headerError: TrackAnalysisError?
        var text = text
        text.withUTF8 { all in
            var start = 0
            while start < all.count, headerError == nil {
                var end = start
                while end < all.count, all[end] != 10 { end += 1 }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                lineNumber += 1
                if !splitter.isPending {
                    recordLine = lineNumber
                    if line.allSatisfy({ $0 == 32 || $0 == 13 }) { continue }
                    if columns == nil { splitter.delimiter = line.filter({ $0 == 59 }).count > line.filter({ $0 == 44 }).count ? 59 : 44 }
                }
                guard splitter.feed(line) else { continue }
                let cells: [String] = splitter.withRecordBytes(line: line) { buf in
                    (0..<splitter.count).map { String(decoding: ByteParsing.trimmed(UnsafeBufferPointer(rebasing: buf[splitter.range($0)])), as: UTF8.self) }
                }
                guard let c = columns else {
                    header = cells
                    let names = cells.map(PositionCSVLayout.normalise)
                    func find(_ options: [String]) -> Int? { options.lazy.compactMap { names.firstIndex(of: $0) }.first }
                    guard let n = find(["name", "port_name", "port name"]), let la = find(["lat", "latitude"]),
                        let lo = find(["lon", "lng", "long", "longitude"])
                    else {
                        headerError = TrackAnalysisError(code: .unknownHeader, line: recordLine, value: cells.joined(separator: ","),
                                                         detail: "a port list needs name, lat and lon columns")
                        continue
                    }
                    columns = (n, find(["country"]) ?? -1, la, lo)
                    continue
                }
                func cell(_ i: Int) -> String { i >= 0 && i < cells.count ? cells[i] : "" }
                func coordinate(_ i: Int, _ limit: Double) -> Double? {
                    guard let v = Double(cell(i)) else {
                        errors.append(TrackAnalysisError(code: cell(i).isEmpty ? .emptyField : .notANumber, line: recordLine, field: header[i],
                                                         value: cell(i).isEmpty ? nil : cell(i)))
                        return nil
                    }
                    guard abs(v) <= limit else {
                        errors.append(TrackAnalysisError(code: .outOfRange, line: recordLine, field: header[i], value: cell(i),
                                                         detail: "-\(Int(limit))...\(Int(limit))"))
                        return nil
                    }
                    return v
                }
                guard !cell(c.name).isEmpty else {
                    errors.append(TrackAnalysisError(code: .emptyField, line: recordLine, field: header[c.name]))
                    continue
                }
                guard let lat = coordinate(c.lat, 90), let lon = coordinate(c.lon, 180) else { continue }
                let country = cell(c.country)
                ports.append(Port(name: cell(c.name), country: country.isEmpty ? nil : country, position: GeoPoint(latitude: lat, longitude: lon)))
            }
        }
        if let headerError { throw headerError }
        if columns == nil { throw TrackAnalysisError(code: .unknownHeader, detail: "empty port list") }
        if splitter.isPending { errors.append(TrackAnalysisError(code: .unterminatedQuote, line: recordLine)) }
        return (PortList(ports), errors)
    }
}
