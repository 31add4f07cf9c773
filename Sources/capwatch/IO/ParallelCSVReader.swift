#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore
import TrackAnalysis

/// Reads a position CSV on both cores: the bytes are taken in rounds of a few megabytes, each
/// round is cut at a line break near its middle, and the two halves are parsed at once (the second
/// with ``PositionCSVParser/continuation(afterLines:)``, so line numbers in errors stay exact), each
/// into a track builder of its own. The two are then appended to the main builder in file order
/// (``TrackBuilder/append(contentsOf:)``), so the tracks are the same as from one parser reading
/// line by line.
///
/// The lines up to the header are parsed first, on one core. A round is parsed on one core when
/// no header has been found, when the round is small, or when the first half ends inside a quoted
/// field (a line break inside quotes: the second half is then parsed again, continuing the first). Memory is bounded by the round size, not the file.
struct ParallelCSVReader {
    /// Bytes per round (split in two halves); rounds end at a line break.
    let roundBytes: Int
    private(set) var parser = PositionCSVParser()
    private var round: [UInt8] = []
    /// The bytes of ``round`` already searched for a line break and found to hold none.
    private var searched = 0
    /// Rows, errors and error samples so far.
    private(set) var tally: CSVFileTally

    /// - Parameters:
    ///   - path: the file's path, for error messages.
    ///   - samples: error samples of earlier files (see ``CSVFileTally``).
    init(path: String, samples: [String] = [], roundBytes: Int = 8 << 20) {
        tally = CSVFileTally(path: path, samples: samples)
        self.roundBytes = roundBytes
    }

    /// Takes the next chunk of the file; parses a round when enough bytes are there.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, into builder: inout TrackBuilder) {
        round.append(contentsOf: chunk)
        guard round.count >= roundBytes else { return }
        // Only the bytes not searched before: a line longer than a round (no break in it yet)
        // would otherwise be searched again after every chunk, in time growing as its square.
        guard let lastBreak = round[searched...].lastIndex(of: 10) else {
            searched = round.count
            return
        }
        let rest = Array(round[(lastBreak + 1)...])
        round.removeLast(round.count - lastBreak - 1)
        parseRound(into: &builder)
        round = rest
        searched = rest.count  // what follows the last break holds none
    }

    /// Parses what is left (a last line may lack its line break).
    /// - Returns: the parser's end-of-input error (an unterminated quote), already counted.
    mutating func finish(into builder: inout TrackBuilder) {
        parseRound(into: &builder)
        round = []
        searched = 0
        tally.finish(&parser)
    }

    private mutating func parseRound(into builder: inout TrackBuilder) {
        guard !round.isEmpty else { return }
        let parameters = builder.parameters
        var start = parser
        let parts: [CSVPart] = round.withUnsafeBufferPointer { all -> [CSVPart] in
            var parts: [CSVPart] = []
            var from = 0
            if start.layout == nil {
                // The lines up to the header (usually just the first) on this core: the other half
                // of the round can only start from a parser that knows the layout.
                var head = CSVPart(parser: start, parameters: parameters)
                while from < all.count, head.parser.layout == nil || head.parser.isInsideQuotedField {
                    let end = Self.lineEnd(all, from: from)
                    // One line, empty or not: parse(_:into:) would skip an empty one uncounted,
                    // and every line number after it would be one too low.
                    head.parse(line: UnsafeBufferPointer(rebasing: all[from..<end]))
                    from = end + 1
                }
                start = head.parser
                parts.append(head)
            }
            guard from < all.count else { return parts }
            let rest = UnsafeBufferPointer(rebasing: all[from...])
            let n = rest.count
            var split = n / 2
            while split < n, rest[split] != 10 { split += 1 }
            split += 1
            let linesBefore = split <= n ? Self.countLineBreaks(UnsafeBufferPointer(rebasing: rest[0..<split])) : 0
            guard n >= 1 << 20, split < n, let second = start.continuation(afterLines: linesBefore) else {
                return parts + [Self.parse(rest, start, parameters)]
            }
            nonisolated(unsafe) let bytes = rest
            let cut = split
            let first = start
            var halves = Parallel.map(2) { i in
                i == 0 ? Self.parse(UnsafeBufferPointer(rebasing: bytes[0..<cut]), first, parameters)
                    : Self.parse(UnsafeBufferPointer(rebasing: bytes[cut...]), second, parameters)
            }
            if halves[0].parser.isInsideQuotedField {
                // A quoted field spans the cut: the second half continues the first.
                halves[1] = Self.parse(UnsafeBufferPointer(rebasing: bytes[split...]), halves[0].parser, parameters)
            }
            return parts + halves
        }
        for part in parts { tally.join(part, into: &builder) }
        parser = parts[parts.count - 1].parser
    }

    /// The index of the line break at or after `from`, or the end of `bytes`.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        return memchr(base + from, 10, bytes.count - from).map { UnsafeRawPointer($0) - base } ?? bytes.count
    }

    /// Parses whole lines (the last one may lack its break) with `parser`.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ parser: PositionCSVParser, _ parameters: TrackParameters) -> CSVPart {
        var part = CSVPart(parser: parser, parameters: parameters)
        parse(bytes, into: &part)
        return part
    }

    /// Parses whole lines (the last one may lack its break) into `part`.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into part: inout CSVPart) {
        var start = 0
        let n = bytes.count
        while start < n {
            let end = lineEnd(bytes, from: start)
            part.parse(line: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end + 1
        }
    }


    private static func countLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for b in bytes where b == 10 { count += 1 }
        return count
    }
}
