import AISDecoding
import Foundation

/// Where the conformance files are: the fixtures beside the tests, and the shared corpus (the
/// AISHub capture and its goldens, too large for the repository).
enum Corpus {
    /// `Tests/AISDecodingTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// `/work/shared/data/ais` seen from `/work/main/Tests/AISDecodingTests/Support/Corpus.swift`.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/ais")

    static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }
    static func sharedFile(_ path: String) -> URL { shared.appendingPathComponent(path) }

    static let aisHubLog = sharedFile("gpsd/ais-nmea-sample.log")
    static let aisHubGPSD = sharedFile("gpsd/ais-nmea-sample.log.gpsdecode-3.22.ju.jsonl.gz")
    static let aisHubPyais = sharedFile("gpsd/ais-nmea-sample.log.pyais.expected.jsonl.gz")
    /// True when the AISHub capture and both goldens are present.
    static let hasAISHub = [aisHubLog, aisHubGPSD, aisHubPyais].allSatisfy { FileManager.default.fileExists(atPath: $0.path) }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// The lines of a text file, or of a `.gz` file through `/bin/gzip -dc`.
    static func lines(_ url: URL) throws -> [Substring] {
        let data: Data
        if url.pathExtension == "gz" {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-dc", url.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        } else {
            data = try Data(contentsOf: url)
        }
        // Split on bytes: in Swift "\r\n" is one Character, so a Character split would miss it.
        return data.split(separator: 10).map { line in
            Substring(String(decoding: line.last == 13 ? line.dropLast() : line[...], as: UTF8.self))
        }
    }

    /// One JSON object per line.
    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try lines(url).map { try object(String($0)) }
    }

    static func object(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// Decodes `bytes` in chunks of `chunkSize`, returning the messages and the decoder.
    static func decode(_ bytes: [UInt8], chunkSize: Int = 1 << 16) -> ([AISDecodedMessage], AISStreamDecoder) {
        let decoder = AISStreamDecoder()
        var out: [AISDecodedMessage] = []
        bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(raw.count, start + chunkSize)
                decoder.decode(chunk: UnsafeRawBufferPointer(rebasing: raw[start..<end])) { out.append($0) }
                start = end
            }
        }
        decoder.finish { out.append($0) }
        return (out, decoder)
    }

    /// gpsd JSON lines for a file through ``GPSDFormatter``, as flat members without `device`.
    static func gpsdObjects(_ bytes: [UInt8]) -> [[(key: String, value: String)]] {
        let (messages, _) = decode(bytes)
        var formatter = GPSDFormatter()
        var writer = JSONLineWriter()
        for m in messages { formatter.write(m, to: &writer) }
        return String(decoding: writer.bytes, as: UTF8.self).split(separator: "\n").map { flatJSON($0).filter { $0.key != "device" } }
    }

    /// The supported message types, the ones the typed API and the gpsd format cover.
    static let supportedTypes: Set<Int> = [1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27]
}

/// The members of a flat JSON object line (`{"k":v,…}`, no nested values) in order, each value
/// as its raw JSON text: comparing texts checks the value and how it is printed.
func flatJSON(_ line: Substring) -> [(key: String, value: String)] {
    let b = Array(line.utf8)
    var out: [(key: String, value: String)] = []
    var i = 1
    func stringEnd(_ from: Int) -> Int {  // index just past the closing quote of a string at `from`
        var j = from + 1
        while j < b.count, b[j] != UInt8(ascii: "\"") {
            j += b[j] == UInt8(ascii: "\\") ? 2 : 1
        }
        return j + 1
    }
    while i < b.count, b[i] == UInt8(ascii: "\"") {
        let keyEnd = stringEnd(i)
        let key = String(decoding: b[(i + 1)..<(keyEnd - 1)], as: UTF8.self)
        let valueStart = keyEnd + 1
        var valueEnd = valueStart
        if b[valueStart] == UInt8(ascii: "\"") {
            valueEnd = stringEnd(valueStart)
        } else {
            while valueEnd < b.count, b[valueEnd] != UInt8(ascii: ","), b[valueEnd] != UInt8(ascii: "}") { valueEnd += 1 }
        }
        out.append((key, String(decoding: b[valueStart..<valueEnd], as: UTF8.self)))
        i = valueEnd + 1
    }
    return out
}
