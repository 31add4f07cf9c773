import AISDecoding
import ArgumentParser
import Foundation

/// `capwatch decode FILE… [--format jsonl|gpsd]`: one JSON object per decoded AIS message.
struct Decode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode NMEA AIS sentences (!xxVDM/!xxVDO, tag blocks, multi-sentence) to JSON lines.",
        discussion: """
            Reads each FILE in order (`-` is standard input) and writes one JSON object per message to \
            standard output. Rejected lines are counted by reason and reported on standard error; they \
            never stop the stream.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, gpsd
    }

    @Argument(help: "NMEA files to decode; - for standard input.")
    var files: [String] = ["-"]

    @Option(help: "jsonl: scaled values, pyais key names. gpsd: gpsd's unscaled AIS JSON (as `gpsdecode -u -j`).")
    var format: Format = .jsonl

    @Flag(help: "Do not print the summary of counts on standard error.")
    var quiet = false

    @Option(help: "Decoding threads (default: one per core, at most 8). With 2 or more the input is read in 2 MB blocks, each cut into slices decoded in parallel; the output is byte for byte that of one thread.")
    var threads: Int?

    /// Threads when `--threads` is not given: one per active core, at most 8. On 2 cores `decode
    /// --format gpsd` ran 1.4–2.3× one thread in three `capwatch bench all` runs and 3–5 % slower
    /// in two (README, Benchmarks); the output is the same either way.
    static var defaultThreads: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8) }

    /// Input bytes decoded per block by `--threads` 2 or more.
    static let parallelBlockBytes = 2 << 20

    func validate() throws {
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be 1...64.") }
    }

    func run() throws {
        let workers = threads ?? Decode.defaultThreads
        let statistics = workers == 1 ? try decodeSerially() : try decodeInParallel(slices: workers)
        if !quiet { try ByteOutput.standardError.write(DecodeSummary(statistics).text) }
    }

    /// One decoder, chunk by chunk.
    func decodeSerially() throws -> AISDecodingStatistics {
        let decoder = AISStreamDecoder()
        var output = FormattedOutput(format: format)
        let out = ByteOutput.standardOutput
        do {
            for path in files {
                let input = try InputFile(path: path)
                try input.forEachChunk { chunk in
                    decoder.decode(chunk: chunk) { output.write($0) }
                    try output.flush(to: out, over: 1 << 19)
                }
                // Each file's last line ends with the file, newline or not.
                decoder.endLine { output.write($0) }
            }
        } catch {
            // A file that cannot be opened or read, or gzip data that ends early: what was decoded
            // before it (every whole line) is written, then the error is reported.
            try? output.flush(to: out)
            throw error
        }
        decoder.finish { output.write($0) }
        try output.flush(to: out)
        return decoder.statistics
    }

    /// Blocks of about ``parallelBlockBytes``, each cut into slices decoded on separate cores (see
    /// ``ParallelDecoding``); memory stays bounded by the block, the warm-up input kept and the
    /// slices' output buffers.
    func decodeInParallel(slices: Int) throws -> AISDecodingStatistics {
        let blockSize = Decode.parallelBlockBytes
        let keep = 256 << 10  // earlier input kept for the warm-up of the next block's first slice
        let parallel = ParallelDecoding(format: format, slices: slices, outputCapacity: blockSize / slices * 6)
        let out = ByteOutput.standardOutput
        var statistics = AISDecodingStatistics()
        var block: [UInt8] = []
        block.reserveCapacity(blockSize + keep + (1 << 20))
        var start = 0  // where undecoded input begins in `block`
        var line = 1
        func process(final: Bool) throws {
            // Decode whole lines only; a last partial line waits for more input (or ends the input).
            var end = block.count
            if !final {
                while end > start, block[end - 1] != 10 { end -= 1 }
            }
            guard end > start else {
                if final { statistics.merge(parallel.finish()) }
                return
            }
            block.withUnsafeBytes { parallel.decode(block: $0, start: start, end: end, firstLine: line, isFinal: final) }
            try parallel.write(to: out)
            for r in parallel.results {
                statistics.merge(r.statistics)
                line += r.statistics.lines
            }
            // Keep the tail for warm-up, from a line start, and the undecoded partial line.
            var dropUpTo = max(0, end - keep)
            while dropUpTo > 0, dropUpTo < end, block[dropUpTo - 1] != 10 { dropUpTo += 1 }
            block.removeFirst(dropUpTo)
            start = end - dropUpTo
        }
        // A line longer than the decoder takes is rejected whatever it holds, so only its first
        // `overlong` bytes are kept (still too long: one `line_too_long`, as with one thread) and
        // the rest is dropped up to its newline; input without newlines stays bounded.
        let overlong = AISStreamDecoder.maximumLineLength + 1
        var skippingLine = false
        func append(_ chunk: UnsafeRawBufferPointer) {
            var rest = chunk[...]
            if skippingLine {
                guard let newline = rest.firstIndex(of: 10) else { return }
                rest = rest[newline...]
                skippingLine = false
            }
            block.append(contentsOf: rest)
            // The open line (after the last newline) is longer than `overlong` when none of the
            // last `overlong + 1` bytes after `start` is a newline.
            var i = block.count
            while i > start, block.count - i <= overlong, block[i - 1] != 10 { i -= 1 }
            guard block.count - i > overlong else { return }
            while i > start, block[i - 1] != 10 { i -= 1 }
            block.removeLast(block.count - (i + overlong))
            skippingLine = true
        }
        do {
            for path in files {
                let input = try InputFile(path: path)
                try input.forEachChunk { chunk in
                    append(chunk)
                    if block.count - start >= blockSize { try process(final: false) }
                }
                // Each file's last line ends with the file, newline or not (as with one thread).
                if block.count > start, block.last != 10 { block.append(10) }
                skippingLine = false
            }
        } catch {
            // As with one thread: every whole line read before the error is decoded and written.
            try? process(final: false)
            throw error
        }
        try process(final: true)  // every file ended with a newline above
        return statistics
    }
}

/// The one-thread output: each decoded message formatted as `jsonl` or `gpsd` into one buffer.
private struct FormattedOutput {
    let format: Decode.Format
    var writer = JSONLineWriter(capacity: 1 << 20)
    var gpsd = GPSDFormatter()

    init(format: Decode.Format) { self.format = format }

    mutating func write(_ decoded: AISDecodedMessage) {
        switch format {
        case .jsonl: writer.writeJSONLine(decoded)
        case .gpsd: gpsd.write(decoded, to: &writer)
        }
    }

    /// Writes the buffer to `out` and empties it, when it holds more than `threshold` bytes.
    /// - Throws: ``CapwatchCLIError`` when writing fails.
    mutating func flush(to out: ByteOutput, over threshold: Int = 0) throws {
        guard writer.count > threshold else { return }
        try writer.withUnsafeBytes { try out.write($0) }
        writer.removeAll()
    }
}
