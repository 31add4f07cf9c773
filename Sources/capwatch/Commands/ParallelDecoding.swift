import AISDecoding
import Dispatch

/// Decodes a block of NMEA text on several cores and returns the output in input order, identical
/// to what one decoder would write.
///
/// The block is cut into slices at line boundaries, each moved forward to a line that starts a
/// message (not fragment 2 or later of a multi-sentence message). Each slice is decoded by its
/// own decoder and formatter, which first run over a warm-up window — the ``warmUpLines`` lines
/// before the slice — with their output and counts thrown away. The warm-up rebuilds the state a
/// single decoder would have at the slice start: open fragment groups (so a message whose first
/// fragment is just before the cut is still emitted once, by the slice that holds its last
/// fragment) and gpsd's type-24 part-A ring. State older than the window is gone by then in a
/// single decoder too (groups expire after 1,000 sentences, so `jsonl` output is exact), except
/// gpsd's type-24 ring: a part A older than the window whose channel saw fewer than 8 other part
/// As since then is lost, and its merge is missed (measured: 1 record in 964,620 on AISHub ×12).
///
/// Status: experimental and opt-in (`--threads`). On this 2-core machine it is not yet faster than
/// one thread end to end (the slices' output is copied and written serially, and blocks are
/// rebuilt); the in-memory two-core decode rate is what `capwatch bench` reports.
struct ParallelDecoding {
    /// Lines of warm-up before each slice.
    static let warmUpLines = 2000

    let format: Decode.Format
    let slices: Int

    /// The output and counts of one slice.
    struct SliceResult {
        var output: [UInt8] = []
        var statistics = AISDecodingStatistics()
    }

    /// Decodes `block[start..<end]` (whole lines), whose first line is line `firstLine` of the
    /// input; `block[0..<start]` is earlier input available for warm-up.
    /// - Returns: one result per slice, in order.
    func decode(block: UnsafeRawBufferPointer, start: Int, end: Int, firstLine: Int, isFinal: Bool) -> [SliceResult] {
        let bytes = block.bindMemory(to: UInt8.self)
        // Cut points at line starts.
        var cuts = [start]
        for k in 1..<slices {
            var cut = start + (end - start) * k / slices
            cut = ParallelDecoding.nextLineStart(bytes, from: cut, end: end)
            var moved = 0
            while cut < end, moved < 100, ParallelDecoding.isContinuationFragment(bytes, at: cut, end: end) {
                cut = ParallelDecoding.nextLineStart(bytes, from: cut + 1, end: end)
                moved += 1
            }
            cuts.append(max(cut, cuts.last!))
        }
        cuts.append(end)
        // Line numbers at each cut.
        var lineAt = [firstLine]
        for k in 1..<cuts.count - 1 {
            lineAt.append(lineAt[k - 1] + ParallelDecoding.countLines(bytes, cuts[k - 1], cuts[k]))
        }
        let results = UnsafeMutableBufferPointer<SliceResult>.allocate(capacity: slices)
        results.initialize(repeating: SliceResult())
        defer {
            // The elements too: deallocating alone leaked every slice's output, block after block.
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let sharedResults = results
        nonisolated(unsafe) let sharedBytes = bytes
        let format = self.format
        let count = slices
        let sliceCuts = cuts
        let sliceLines = lineAt
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let from = sliceCuts[k]
            let to = sliceCuts[k + 1]
            var warm = from
            var warmLines = 0
            while warm > 0, warmLines < ParallelDecoding.warmUpLines {
                warm = ParallelDecoding.previousLineStart(sharedBytes, before: warm)
                warmLines += 1
            }
            let decoder = AISStreamDecoder(firstLineNumber: sliceLines[k] - warmLines)
            var writer = JSONLineWriter(capacity: max(1 << 16, (to - from) * 3))
            var gpsd = GPSDFormatter()
            let body: (AISDecodedMessage) -> Void = { decoded in
                switch format {
                case .jsonl: writer.writeJSONLine(decoded)
                case .gpsd: gpsd.write(decoded, to: &writer)
                }
            }
            if warm < from {
                decoder.decode(chunk: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(sharedBytes)[warm..<from]), body)
                writer.removeAll()
                decoder.resetStatistics()
            }
            decoder.decode(chunk: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(sharedBytes)[from..<to]), body)
            if isFinal && k == count - 1 { decoder.finish(body) }
            sharedResults[k] = SliceResult(output: writer.bytes, statistics: decoder.statistics)
        }
        return Array(results)
    }

    static func nextLineStart(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        var i = from
        if i > 0, b[i - 1] == 10 { return i }
        while i < end, b[i] != 10 { i += 1 }
        return min(i + 1, end)
    }

    static func previousLineStart(_ b: UnsafeBufferPointer<UInt8>, before: Int) -> Int {
        var i = before - 1  // the newline ending the previous line
        while i > 0, b[i - 1] != 10 { i -= 1 }
        return max(i, 0)
    }

    static func countLines(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var n = 0
        for i in from..<to where b[i] == 10 { n += 1 }
        return n
    }

    /// True when the line at `i` is a VDM/VDO fragment numbered 2 or more (`!AIVDM,2,2,…`),
    /// possibly behind a tag block.
    static func isContinuationFragment(_ b: UnsafeBufferPointer<UInt8>, at i0: Int, end: Int) -> Bool {
        var i = i0
        if i < end, b[i] == UInt8(ascii: "\\") {
            i += 1
            while i < end, b[i] != UInt8(ascii: "\\"), b[i] != 10 { i += 1 }
            i += 1
        }
        guard i + 10 < end, b[i] == UInt8(ascii: "!") else { return false }
        // !xxVDM,c,n,
        return b[i + 6] == UInt8(ascii: ",") && b[i + 8] == UInt8(ascii: ",") && b[i + 9] != UInt8(ascii: "1")
            && b[i + 9] >= 48 && b[i + 9] <= 57
    }
}
