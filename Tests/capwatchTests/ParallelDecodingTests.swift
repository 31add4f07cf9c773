import Foundation
import Testing
@testable import capwatch

/// `decode --threads N` decodes blocks of the input in slices; each block's slice outputs must be
/// freed once written (they were leaked, so memory grew with the input: 5.8 GB on a 1 GB file).
@Suite("Parallel decoding")
struct ParallelDecodingTests {
    @Test("the slice outputs handed back are the only references to their bytes")
    func outputsAreNotRetainedElsewhere() throws {
        // From pyais's tests/ais_test_messages: a type 1 report, repeated to make two slices.
        let line = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n"
        let block = Array(String(repeating: line, count: 400).utf8)
        var results = block.withUnsafeBytes {
            ParallelDecoding(format: .jsonl, slices: 2).decode(block: $0, start: 0, end: block.count, firstLine: 1, isFinal: true)
        }
        #expect(results.count == 2)
        #expect(results.map(\.statistics.messages).reduce(0, +) == 400)
        for k in results.indices {
            // Writing to a buffer nothing else holds happens in place; a buffer still held
            // elsewhere (the leak) is copied first, so its address changes.
            let before = results[k].output.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            let after = results[k].output.withUnsafeMutableBufferPointer { UInt(bitPattern: $0.baseAddress) }
            #expect(before == after, "slice \(k)'s output is referenced elsewhere")
        }
    }
}
