import TrackAnalysis

/// What an input file holds, recognised from its first lines (not its name).
enum InputKind: Equatable {
    /// NMEA 0183 sentences (`!AIVDM`, tag blocks `\…\`, other `$` sentences).
    case nmea
    /// A position CSV whose header matches a known layout.
    case csv

    /// Recognises the kind from the start of a file.
    /// - Parameters:
    ///   - prefix: the first bytes of the file (64 KiB is plenty).
    ///   - path: the file name, for the error.
    /// - Throws: ``CapwatchCLIError`` naming the file when neither NMEA nor a known CSV header is found.
    static func recognise(_ prefix: [UInt8], path: String) throws -> InputKind {
        var parser = PositionCSVParser()
        var lineStart = 0
        var inspected = 0
        var firstLine: String?
        while lineStart < prefix.count, inspected < 200 {
            var end = lineStart
            while end < prefix.count, prefix[end] != 10 { end += 1 }
            let line = Array(prefix[lineStart..<end])
            lineStart = end + 1
            let trimmed = line.drop(while: { $0 == 32 || $0 == 9 || $0 == 13 })
            guard let first = trimmed.first else { continue }
            inspected += 1
            if first == UInt8(ascii: "!") || first == UInt8(ascii: "\\") || first == UInt8(ascii: "$") { return .nmea }
            if trimmed.starts(with: Array("//".utf8)) { continue }
            let isHeader = line.withUnsafeBufferPointer { buf -> Bool in
                if case .header = parser.parse(utf8: buf) { return true }
                return false
            }
            if isHeader { return .csv }
            if firstLine == nil, first != UInt8(ascii: "#") { firstLine = String(decoding: line.prefix(80), as: UTF8.self) }
            // Lines that contain a sentence after a prefix (a logger's time stamp) are NMEA too.
            if let bang = line.firstIndex(of: UInt8(ascii: "!")), line[bang...].starts(with: Array("!AIVD".utf8)) || line.count > bang + 6 && line[(bang + 3)..<(bang + 6)].elementsEqual("VDM".utf8) {
                return .nmea
            }
        }
        throw CapwatchCLIError(
            "\(path): unrecognised input: neither NMEA AIS sentences nor a known position CSV header"
                + (firstLine.map { " (first line: \"\($0)\")" } ?? " (no data lines)"))
    }
}
