import AISDecoding
import ArgumentParser
import Dispatch
import Foundation
import Synchronization

/// `capwatch bench decode`: decoding throughput in memory, one thread and two.
struct BenchDecode: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode", abstract: "AIS decoding throughput in memory (1 and 2 threads).")

    @Option(help: "NMEA input (default: the shipped AISHub capture).")
    var input = "Samples/ais-nmea-sample.log"

    @Option(help: "Repeat the input in memory this many times (12 × AISHub = 1,022,184 sentences).")
    var repeatCount = 12

    @Option(help: "Timed passes; the best is reported.")
    var passes = 10

    func run() throws {
        let bytes = try DecodeThroughput.load(input, repeatCount: repeatCount)
        let one = DecodeThroughput.singleThread(bytes, passes: passes)
        print("decode (1 thread): \(one.sentences) sentences, \(one.messages) messages in \(String(format: "%.3f", one.seconds)) s = \(Int(one.rate)) messages/s")
        let two = DecodeThroughput.twoThreads(bytes, passes: passes)
        print("decode (2 threads): \(two.messages) messages in \(String(format: "%.3f", two.seconds)) s = \(Int(two.rate)) messages/s, speed-up \(String(format: "%.2f", two.rate / one.rate))×")
    }
}

/// In-memory decoding measurements shared by `bench decode` and `bench all`.
enum DecodeThroughput {
    /// One measurement: the best of the passes.
    struct Result: Sendable {
        var sentences: Int
        var messages: Int
        var seconds: Double
        var rate: Double { Double(messages) / seconds }
    }

    /// Reads `path` and repeats it `repeatCount` times in one buffer.
    static func load(_ path: String, repeatCount: Int = 1) throws -> [UInt8] {
        let one = try Data(contentsOf: URL(fileURLWithPath: path))
        var bytes = [UInt8]()
        bytes.reserveCapacity(one.count * repeatCount)
        for _ in 0..<repeatCount { bytes.append(contentsOf: one) }
        return bytes
    }

    /// Decodes `bytes` on the calling thread `passes` times; every message is delivered to a
    /// closure that counts it (the typed message is built, nothing is written).
    static func singleThread(_ bytes: [UInt8], passes: Int) -> Result {
        var best = Result(sentences: 0, messages: 0, seconds: .infinity)
        for _ in 0..<max(passes, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let (sentences, messages) = bytes.withUnsafeBytes { decode($0) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if seconds < best.seconds { best = Result(sentences: sentences, messages: messages, seconds: seconds) }
        }
        return best
    }

    /// Splits `bytes` after the newline nearest the middle and decodes each half on its own
    /// thread with its own decoder. A multi-sentence message whose fragments straddle the split
    /// is lost (at most one per channel and sequence id: negligible against a million).
    static func twoThreads(_ bytes: [UInt8], passes: Int) -> Result {
        var middle = bytes.count / 2
        while middle < bytes.count, bytes[middle] != UInt8(ascii: "\n") { middle += 1 }
        let halves = [0..<min(middle + 1, bytes.count), min(middle + 1, bytes.count)..<bytes.count]
        var best = Result(sentences: 0, messages: 0, seconds: .infinity)
        for _ in 0..<max(passes, 1) {
            let counts = Mutex([(0, 0), (0, 0)])
            let start = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let result = bytes.withUnsafeBytes { decode(UnsafeRawBufferPointer(rebasing: $0[halves[half]])) }
                counts.withLock { $0[half] = result }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let (a, b) = counts.withLock { ($0[0], $0[1]) }
            if seconds < best.seconds { best = Result(sentences: a.0 + b.0, messages: a.1 + b.1, seconds: seconds) }
        }
        return best
    }

    /// (AIS sentences, messages) for one buffer, with a fresh decoder.
    private static func decode(_ bytes: UnsafeRawBufferPointer) -> (Int, Int) {
        let decoder = AISStreamDecoder()
        var count = 0
        decoder.decode(chunk: bytes) { _ in count &+= 1 }
        decoder.finish { _ in count &+= 1 }
        return (decoder.statistics.aisSentences, count)
    }
}
