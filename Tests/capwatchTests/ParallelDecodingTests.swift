import AISDecoding
import Foundation
import Testing
@testable import capwatch

/// `decode --threads N` decodes blocks of the input in slices and writes them in order; gpsd's
/// type-24 merges go through one formatter for the whole input, so they do not depend on where
/// the slices are cut.
@Suite("Parallel decoding")
struct ParallelDecodingTests {
    /// Writes the decoder's output to a temporary file and reads it back.
    private func written(_ parallel: ParallelDecoding) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).json")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try parallel.write(to: ByteOutput(fd: handle.fileDescriptor))
        try handle.close()
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("a type-24 part A far before the cut still merges with its part B after it")
    func type24AcrossTheCut() throws {
        // Part A and part B of one type 24 from gpsd's test/sample.aivdm (MMSI 271041815, the
        // expected record in its sample.aivdm.ju.chk), a type 1 from pyais's tests on channel A,
        // 4,000 type-1 lines apart. Two slices cut near line 2,500: the part A is 2,500 lines
        // before the second slice, more than its 2,000-line warm-up, and the part B is in it, so
        // only a ring that lives across slices can merge them. gpsd prints one merged record, the part A name with the
        // part B fields.
        let partA = "!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D\n"
        let partB = "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40\n"
        let filler = "!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5F\n"
        let text = partA + String(repeating: filler, count: 4000) + partB + String(repeating: filler, count: 1000)
        let block = Array(text.utf8)
        let parallel = ParallelDecoding(format: .gpsd, slices: 2)
        block.withUnsafeBytes { parallel.decode(block: $0, start: 0, end: block.count, firstLine: 1, isFinal: true) }
        #expect(parallel.results.map(\.statistics.messages).reduce(0, +) == 5002)
        let lines = try written(parallel).split(separator: "\n")
        let type24 = lines.filter { $0.contains("\"type\":24") }
        #expect(type24.count == 1)
        #expect(type24.first?.contains("\"mmsi\":271041815") == true)
        #expect(type24.first?.contains("\"shipname\":\"PROGUY\"") == true)
        // The merged record sits where the part B was: after the 4,000 type 1 before it.
        #expect(lines.firstIndex { $0.contains("\"type\":24") } == 4000)
        #expect(lines.count == 5001)
    }

    @Test("slice buffers are reused from block to block")
    func buffersAreReused() throws {
        let line = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n"
        let block = Array(String(repeating: line, count: 400).utf8)
        let parallel = ParallelDecoding(format: .jsonl, slices: 2, outputCapacity: 1 << 16)
        block.withUnsafeBytes { parallel.decode(block: $0, start: 0, end: block.count, firstLine: 1, isFinal: false) }
        let first = try written(parallel)
        block.withUnsafeBytes { parallel.decode(block: $0, start: 0, end: block.count, firstLine: 401, isFinal: true) }
        #expect(parallel.results.count == 2)
        #expect(parallel.results.map(\.statistics.messages).reduce(0, +) == 400)
        let second = try written(parallel)
        // Each block's output is that block's 400 lines only: nothing of the first is left over.
        #expect(first.split(separator: "\n").count == 400)
        #expect(second.split(separator: "\n").count == 400)
    }

    /// One decoder and one formatter over the whole text: what the slices must reproduce.
    private func serial(_ text: String, format: Decode.Format) -> (output: String, statistics: AISDecodingStatistics) {
        let decoder = AISStreamDecoder()
        var writer = JSONLineWriter()
        var gpsd = GPSDFormatter()
        let body: (AISDecodedMessage) -> Void = {
            switch format {
            case .jsonl: writer.writeJSONLine($0)
            case .gpsd: gpsd.write($0, to: &writer)
            }
        }
        Array(text.utf8).withUnsafeBytes { decoder.decode(chunk: $0, body) }
        decoder.finish(body)
        return (writer.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }, decoder.statistics)
    }

    @Test("a slice whose warm-up missed an open group is decoded again by the decoder before it", arguments: [Decode.Format.jsonl, .gpsd])
    func shortWarmUpIsCaught(format: Decode.Format) throws {
        // gpsd's test/sample.aivdm: a type 5 in two fragments (MMSI 351759000), here with 600
        // type-1 lines between them, so the cut near the middle falls inside the open group.
        // With no warm-up the second slice starts knowing nothing of it: alone it would call
        // fragment 2 an orphan and lose the type 5.
        let one = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n"
        let two = "!AIVDM,2,2,1,A,88888888880,2*25\n"
        let filler = "!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5F\n"
        let text = String(repeating: filler, count: 100) + one + String(repeating: filler, count: 600) + two
            + String(repeating: filler, count: 100)
        let expected = serial(text, format: format)
        #expect(expected.statistics.messagesByType[5] == 1)
        let block = Array(text.utf8)
        let parallel = ParallelDecoding(format: format, slices: 2, warmUpLines: 0)
        block.withUnsafeBytes { parallel.decode(block: $0, start: 0, end: block.count, firstLine: 1, isFinal: true) }
        #expect(parallel.slicesDecodedAgain == 1)
        var statistics = AISDecodingStatistics()
        for r in parallel.results { statistics.merge(r.statistics) }
        #expect(statistics == expected.statistics)
        #expect(try written(parallel) == expected.output)
    }

    @Test("an input that ends at a block's last line still counts the groups left open")
    func finishAfterTheLastBlock() throws {
        // The first fragment of gpsd's two-fragment type 5, and the input ends: one decoder
        // counts one incomplete group at the end.
        let text = "!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5F\n"
            + "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n"
        let expected = serial(text, format: .jsonl).statistics
        #expect(expected[.incompleteGroup] == 1)
        let block = Array(text.utf8)
        let parallel = ParallelDecoding(format: .jsonl, slices: 2)
        block.withUnsafeBytes { parallel.decode(block: $0, start: 0, end: block.count, firstLine: 1, isFinal: false) }
        var statistics = AISDecodingStatistics()
        for r in parallel.results { statistics.merge(r.statistics) }
        #expect(statistics[.incompleteGroup] == 0)
        statistics.merge(parallel.finish())
        #expect(statistics == expected)
    }
}

@Suite("Parallel decoding: line counts")
struct ParallelDecodingLineCountTests {
    @Test("newlines counted eight bytes at a time match a byte-by-byte count")
    func countLines() {
        // Every byte value next to newlines, at every offset and length up to 40: the word-wise
        // test must count exactly the bytes equal to 10 (0x0A), not 0x8A, 0x0B or 0x09.
        var bytes = [UInt8]()
        for v in 0...255 { bytes += [UInt8(v), 10, UInt8(v), UInt8(v ^ 0x80)] }
        bytes.withUnsafeBufferPointer { b in
            for from in 0..<16 {
                for length in 0...40 {
                    let to = min(from + length, b.count)
                    let expected = b[from..<to].filter { $0 == 10 }.count
                    #expect(ParallelDecoding.countLines(b, from, to) == expected)
                }
            }
            // 256 inserted newlines; v = 10 adds two more (v itself, twice) and v = 0x8A one (v ^ 0x80).
            #expect(ParallelDecoding.countLines(b, 0, b.count) == 256 + 2 + 1)
        }
    }
}
