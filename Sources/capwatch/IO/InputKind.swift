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
        var crOnly = false
        while lineStart < prefix.count, inspected < 200 {
            var end = lineStart
            while end < prefix.count, prefix[end] != 10 { end += 1 }
            let line = Array(prefix[lineStart..<end])
            lineStart = end + 1
            let trimmed = line.drop(while: { $0 == 32 || $0 == 9 || $0 == 13 })
            guard let first = trimmed.first else { continue }
            inspected += 1
            if first == UInt8(ascii: "!") || first == UInt8(ascii: "\\") || first == UInt8(ascii: "$") {
                // Only a line that is a real sentence (checksum and all) makes the file NMEA:
                // random bytes that happen to start a line with `!` or `$` do not.
                if InputKind.isValidSentence(Array(trimmed)) { return .nmea }
                continue
            }
            if trimmed.starts(with: Array("//".utf8)) { continue }
            let isHeader = line.withUnsafeBufferPointer { buf -> Bool in
                if case .header = parser.parse(utf8: buf) { return true }
                return false
            }
            if isHeader { return .csv }
            if firstLine == nil, first != UInt8(ascii: "#") {
                // Printable ASCII only, so a binary file gives a readable message.
                firstLine = String(decoding: line.prefix(80).map { $0 >= 32 && $0 < 127 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
                // A carriage return before the end: lines that end with CR alone (classic Mac OS).
                if let cr = line.firstIndex(of: 13), cr < line.count - 1 { crOnly = true }
            }
            // Lines that contain a sentence after a prefix (a logger's time stamp) are NMEA too.
            if let bang = line.firstIndex(of: UInt8(ascii: "!")), InputKind.isValidSentence(Array(line[bang...])) { return .nmea }
        }
        throw CapwatchCLIError(
            "\(path): unrecognised input: neither NMEA AIS sentences nor a known position CSV header"
                + (firstLine.map { " (first line: \"\($0)\")" } ?? " (no data lines)")
                + (crOnly ? "; its lines end with a carriage return alone: convert them to line feeds first, e.g. tr '\\r' '\\n'" : ""))
    }

    /// True when `line` holds an NMEA sentence whose `*hh` checksum matches (a tag block in front
    /// is allowed): `!AIVDM,…*hh`, `$GPRMC,…*hh`.
    static func isValidSentence(_ line: [UInt8]) -> Bool {
        var start = 0
        if line.first == UInt8(ascii: "\\") {
            guard let close = line.dropFirst().firstIndex(of: UInt8(ascii: "\\")) else { return false }
            start = close + 1
        }
        guard start < line.count, line[start] == UInt8(ascii: "!") || line[start] == UInt8(ascii: "$"),
            let star = line[start...].firstIndex(of: UInt8(ascii: "*")), star + 2 < line.count
        else { return false }
        var x: UInt8 = 0
        for b in line[(start + 1)..<star] { x ^= b }
        let hex = String(decoding: line[(star + 1)...(star + 2)], as: UTF8.self)
        return UInt8(hex, radix: 16) == x
    }
}
