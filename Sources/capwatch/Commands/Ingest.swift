import AISDecoding
import CapwatchCore
import Foundation
import TrackAnalysis

/// Reads inputs of either kind into one ``TrackBuilder``, keeping the counts the summary prints.
struct Ingest {
    var builder = TrackBuilder()
    var decoding = AISDecodingStatistics()
    var nmeaFiles = 0
    var csvFiles = 0
    var csvRows = 0
    var csvRowErrors = 0
    var positionsWithoutFix = 0
    var untimed = 0
    var invalidMMSI = 0
    /// The first few CSV row errors, already prefixed with the file name.
    var csvErrorSamples: [String] = []
    /// Where positions go once the builder holds ``drainThreshold`` of them; nil to keep them all in memory.
    var spill: PositionSpill?
    /// Positions held in the builder before they are moved to ``spill``.
    static let drainThreshold = 1 << 19

    /// Moves every position the builder still holds to ``spill`` and flushes it (no-op without one).
    /// - Throws: ``CapwatchCLIError`` when the temporary files cannot be written.
    mutating func finishSpilling() throws {
        guard let spill else { return }
        try spill.drain(&builder)
        try spill.finishWriting()
    }

    mutating func read(path: String, progress: inout Progress) throws {
        let input = try InputFile(path: path)
        if let size = input.size, size >= SplitCSVFileReader.minimumBytes, try Self.isPlainCSV(input.positional),
            try readSplit(input.positional, size: size, progress: &progress)
        {
            return
        }
        var kind: InputKind?
        var head: [UInt8] = []
        let decoder = AISStreamDecoder()
        var extractor = AISObservationExtractor()
        var csv = ParallelCSVReader(path: path, samples: csvErrorSamples)
        // Move the builder out (not copy it): a copy would share every column, and the first
        // append would then duplicate them all.
        var builder = TrackBuilder(parameters: self.builder.parameters)
        swap(&builder, &self.builder)
        defer { self.builder = builder }

        func observe(_ o: AISObservationExtractor.Observation) {
            switch o {
            case .position(let p): builder.add(p)
            case .staticData(let s): builder.add(s)
            }
        }
        func process(_ chunk: UnsafeRawBufferPointer) {
            switch kind {
            case .nmea?: decoder.decode(chunk: chunk) { extractor.extract($0, observe) }
            case .csv?: csv.feed(chunk, into: &builder)
            case nil: break
            }
        }
        let spill = self.spill
        try input.forEachChunk { chunk in
            progress.advance(by: chunk.count)
            if kind == nil {
                head.append(contentsOf: chunk)
                guard head.count >= 65_536 else { return }
                kind = try InputKind.recognise(Array(head.prefix(65_536)), path: path)
                head.withUnsafeBytes { process($0) }
                head = []
            } else {
                process(chunk)
            }
            if let spill, builder.heldPositionCount >= Self.drainThreshold { try spill.drain(&builder) }
        }
        if kind == nil {
            kind = try InputKind.recognise(head, path: path)
            head.withUnsafeBytes { process($0) }
        }
        switch kind {
        case .nmea?:
            decoder.finish { extractor.extract($0, observe) }
            extractor.finish()
            decoding.merge(decoder.statistics)
            positionsWithoutFix += extractor.positionsWithoutFix
            untimed += extractor.untimed
            invalidMMSI += extractor.invalidMMSI
            nmeaFiles += 1
            if decoder.statistics.messages > 0, extractor.untimed == decoder.statistics.messages {
                FileHandle.standardError.write(Data("\(path): warning: no tag-block times and no base-station (type 4) reports: positions cannot be timed\n".utf8))
            }
        case .csv?:
            csv.finish(into: &builder)
            try count(csv.tally)
        case nil:
            break
        }
    }

    /// True when the file starts like a position CSV and is not gzip-compressed.
    private static func isPlainCSV(_ file: PositionalFile) throws -> Bool {
        var head = [UInt8](repeating: 0, count: 65_536)
        let n = try head.withUnsafeMutableBytes { try file.read(at: 0, into: $0) }
        head.removeLast(head.count - n)
        guard n >= 2, !(head[0] == 0x1F && head[1] == 0x8B) else { return false }
        return (try? InputKind.recognise(head, path: file.path)) == .csv
    }

    /// Reads a large plain CSV file with ``SplitCSVFileReader`` (both halves at once).
    /// - Returns: false, having read nothing, when the reader found no header near the start.
    private mutating func readSplit(_ file: PositionalFile, size: Int, progress: inout Progress) throws -> Bool {
        let shared = SharedProgress(progress)
        let reader = SplitCSVFileReader(file: file, size: size, parameters: builder.parameters, spill: spill)
        guard var pieces = try reader.read(progress: { shared.advance(by: $0) }) else { return false }
        progress = shared.progress
        var tally = CSVFileTally(path: file.path, samples: csvErrorSamples)
        var last = pieces[pieces.count - 1].parser
        // Each piece is taken out of the array before it is joined: a piece left in it would share
        // its columns with the builder, and the next join would copy them all.
        while !pieces.isEmpty { tally.join(pieces.removeFirst(), into: &builder) }
        tally.finish(&last)
        try count(tally)
        return true
    }

    /// Adds a CSV file's counts and error samples to the totals.
    /// - Throws: ``CapwatchCLIError`` when the file gave no usable row, with its first error.
    private mutating func count(_ tally: CSVFileTally) throws {
        csvErrorSamples = tally.samples
        csvFiles += 1
        csvRows += tally.rows
        csvRowErrors += tally.rowErrors
        if tally.rows == 0, let first = tally.firstError {
            throw CapwatchCLIError("\(tally.path): no usable rows; first error: \(first)")
        }
    }
}

/// A ``Progress`` advanced from several threads.
private final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Progress
    init(_ progress: Progress) { value = progress }

    func advance(by bytes: Int) {
        lock.lock()
        value.advance(by: bytes)
        lock.unlock()
    }

    var progress: Progress {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
