import AISDecoding
import ArgumentParser

/// `capwatch decode FILE… [--format jsonl|gpsd]`: one JSON object per decoded AIS message.
struct Decode: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func run() throws {
        let decoder = AISStreamDecoder()
        let format = self.format  // read the option once, not per message
        var writer = JSONLineWriter(capacity: 1 << 20)
        var gpsd = GPSDFormatter()
        let out = ByteOutput.standardOutput
        func flushIfLarge() throws {
            if writer.count > 1 << 19 {
                try writer.withUnsafeBytes { try out.write($0) }
                writer.removeAll()
            }
        }
        for path in files {
            let input = try InputFile(path: path)
            try input.forEachChunk { chunk in
                decoder.decode(chunk: chunk) { decoded in
                    switch format {
                    case .jsonl: writer.writeJSONLine(decoded)
                    case .gpsd: gpsd.write(decoded, to: &writer)
                    }
                }
                try flushIfLarge()
            }
        }
        decoder.finish { decoded in
            switch format {
            case .jsonl: writer.writeJSONLine(decoded)
            case .gpsd: gpsd.write(decoded, to: &writer)
            }
        }
        try writer.withUnsafeBytes { try out.write($0) }
        if !quiet { try ByteOutput.standardError.write(DecodeSummary(decoder.statistics).text) }
    }
}
