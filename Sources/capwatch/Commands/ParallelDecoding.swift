import AISDecoding
import Dispatch

/// Decodes blocks of NMEA text on several cores and writes the output in input order, byte for
/// byte what one decoder and one formatter would write.
///
/// Each block is cut into slices at line boundaries, each moved forward to a line that starts a
/// message (not fragment 2 or later of a multi-sentence message). Each slice is decoded by its
/// own decoder, which first runs over a warm-up window — the ``warmUpLines`` lines before the
/// slice — with nothing formatted and its counts thrown away. The warm-up rebuilds the open
/// fragment groups a single decoder would hold at the slice start, so a message whose first
/// fragment is just before the cut is still emitted once, by the slice that holds its last
/// fragment. Groups older than the window are gone by then in a single decoder too (they expire
/// after 1,000 sentences) — unless more than 16 groups were open at once, when which group went
/// depends on older input. So after each block the open groups each slice started with are
/// compared with those the slice before it ended with (``OpenFragmentGroups``), and a slice whose
/// warm-up fell short is decoded again, serially, by the previous slice's decoder.
///
/// The one state that reaches further back is gpsd's type-24 ring (a part A waits there until 8
/// later part As on its channel push it out, however many lines that takes). So in `gpsd` format
/// the slices do not format type 24: they hand each type-24 message back with its place in their
/// output, and ``write(to:)`` runs them, in input order, through one ``GPSDFormatter`` that lives
/// as long as the decoding, splicing any merged record into the output at its place.
///
/// Memory: the block, the earlier input kept for warm-up, and one output buffer per slice (about
/// five times the slice for gpsd JSON), reused from block to block.
final class ParallelDecoding {
    /// Lines of warm-up before each slice (2,000 by default: twice the age at which an open group
    /// expires).
    let warmUpLines: Int

    let format: Decode.Format
    let slices: Int

    /// The output and counts of one slice of the last block.
    struct SliceResult {
        /// The slice's formatted output, without type 24 in `gpsd` format.
        var output: JSONLineWriter
        var statistics = AISDecodingStatistics()
        /// `gpsd` format: the slice's type-24 messages with the byte offset in ``output`` where
        /// their record (if the ring makes one) belongs, in input order.
        var type24: [(offset: Int, message: AISDecodedMessage)] = []
    }

    /// One per slice, reused for every block.
    private(set) var results: UnsafeMutableBufferPointer<SliceResult>
    /// The formatter that sees every type-24 message of the input, in order.
    private var type24Formatter = GPSDFormatter()
    private var merged = JSONLineWriter(capacity: 1 << 13)
    /// The decoder that read the last slice of the previous block; nil before the first block.
    private var carried: AISStreamDecoder?
    /// Slices decoded a second time because their warm-up did not rebuild the open groups.
    private(set) var slicesDecodedAgain = 0

    /// - Parameters:
    ///   - format: the output format.
    ///   - slices: slices per block (threads), at least 1.
    ///   - outputCapacity: initial bytes of each slice's output buffer (it grows when needed).
    ///   - warmUpLines: lines decoded, without output, before each slice.
    init(format: Decode.Format, slices: Int, outputCapacity: Int = 1 << 20, warmUpLines: Int = 2000) {
        self.format = format
        self.warmUpLines = warmUpLines
        self.slices = slices
        results = .allocate(capacity: slices)
        results.initialize(repeating: SliceResult(output: JSONLineWriter()))
        // Each slice its own buffer: a writer's copies share one.
        for k in 0..<slices { results[k].output = JSONLineWriter(capacity: outputCapacity) }
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }

    /// Decodes `block[start..<end]` (whole lines), whose first line is line `firstLine` of the
    /// input; `block[0..<start]` is earlier input available for warm-up. The slices' output and
    /// counts are in ``results`` until the next call; write them with ``write(to:)``.
    func decode(block: UnsafeRawBufferPointer, start: Int, end: Int, firstLine: Int, isFinal: Bool) {
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
        nonisolated(unsafe) let sharedResults = results
        nonisolated(unsafe) let sharedBytes = bytes
        let decoders = UnsafeMutableBufferPointer<AISStreamDecoder?>.allocate(capacity: slices)
        decoders.initialize(repeating: nil)
        let startStates = UnsafeMutableBufferPointer<OpenFragmentGroups>.allocate(capacity: slices)
        startStates.initialize(repeating: .empty)
        defer {
            decoders.deinitialize()
            decoders.deallocate()
            startStates.deinitialize()
            startStates.deallocate()
        }
        nonisolated(unsafe) let sharedDecoders = decoders
        nonisolated(unsafe) let sharedStarts = startStates
        let format = self.format
        let count = slices
        let sliceCuts = cuts
        let sliceLines = lineAt
        let warmUpLines = self.warmUpLines
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let from = sliceCuts[k]
            var warm = from
            var warmLines = 0
            while warm > 0, warmLines < warmUpLines {
                warm = ParallelDecoding.previousLineStart(sharedBytes, before: warm)
                warmLines += 1
            }
            let decoder = AISStreamDecoder(firstLineNumber: sliceLines[k] - warmLines)
            if warm < from {
                decoder.decode(chunk: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(sharedBytes)[warm..<from])) { _ in }
                decoder.expireFragments()
                decoder.resetStatistics()
            }
            sharedStarts[k] = decoder.openFragmentGroups
            ParallelDecoding.decodeSlice(
                sharedBytes, from..<sliceCuts[k + 1], with: decoder, format: format, finish: isFinal && k == count - 1,
                into: &sharedResults[k])
            sharedDecoders[k] = decoder
        }
        // Each slice must have started from the groups the slice before it ended with (for the
        // first slice, the last slice of the previous block). When the warm-up fell short — more
        // than FragmentAssembler's 16 groups open at once make the state depend on older input —
        // the slice is decoded again by the decoder that read the slice before it, which holds
        // exactly one decoder's state at the cut.
        var previous = carried
        for k in 0..<slices {
            let expected = previous?.openFragmentGroups ?? .empty
            if let previous, startStates[k] != expected {
                previous.resetStatistics()
                ParallelDecoding.decodeSlice(
                    bytes, cuts[k]..<cuts[k + 1], with: previous, format: format, finish: isFinal && k == slices - 1,
                    into: &results[k])
                decoders[k] = previous
                slicesDecodedAgain += 1
            }
            previous = decoders[k]
        }
        carried = isFinal ? nil : previous
    }

    /// Decodes `bytes[range]` with `decoder` into `result`: the output (`gpsd` format: without
    /// type 24, which goes to `result.type24`) and the counts. The slice ends with
    /// ``AISStreamDecoder/finish(_:)`` when it is the last of the input, else with
    /// ``AISStreamDecoder/expireFragments()`` so that its open groups can be compared.
    static func decodeSlice(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, with decoder: AISStreamDecoder, format: Decode.Format,
        finish: Bool, into result: inout SliceResult
    ) {
        var writer = result.output
        writer.removeAll()
        var type24 = result.type24
        result.type24 = []  // so the local copy is the array's only owner
        type24.removeAll(keepingCapacity: true)
        var gpsd = GPSDFormatter()
        let body: (AISDecodedMessage) -> Void = { decoded in
            switch format {
            case .jsonl: writer.writeJSONLine(decoded)
            case .gpsd:
                if case .staticDataReport = decoded.message {
                    type24.append((writer.count, decoded))
                } else {
                    gpsd.write(decoded, to: &writer)
                }
            }
        }
        decoder.decode(chunk: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[range]), body)
        if finish { decoder.finish(body) } else { decoder.expireFragments() }
        result = SliceResult(output: writer, statistics: decoder.statistics, type24: type24)
    }

    /// Ends the input when the last block was decoded as not final (the input ended exactly at a
    /// block's last line): drops and counts the groups still open, as ``AISStreamDecoder/finish(_:)``.
    /// - Returns: the counts this adds (only ``AISRejection/incompleteGroup``: slices end at a line
    ///   end, so there is no partial line to decode).
    func finish() -> AISDecodingStatistics {
        guard let decoder = carried else { return AISDecodingStatistics() }
        carried = nil
        decoder.resetStatistics()
        decoder.finish { _ in }
        return decoder.statistics
    }

    /// Writes the last block's output, slice by slice, with the type-24 records the input-wide
    /// ring makes spliced in at their places.
    /// - Throws: ``CapwatchCLIError`` when writing fails.
    func write(to out: ByteOutput) throws {
        for k in 0..<slices {
            let result = results[k]
            try result.output.withUnsafeBytes { output in
                var from = 0
                for (offset, message) in result.type24 {
                    merged.removeAll()
                    type24Formatter.write(message, to: &merged)
                    guard merged.count > 0 else { continue }  // a part A, or a part B with no part A
                    try out.write(UnsafeRawBufferPointer(rebasing: output[from..<offset]))
                    try merged.withUnsafeBytes { try out.write($0) }
                    from = offset
                }
                try out.write(UnsafeRawBufferPointer(rebasing: output[from...]))
            }
        }
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

    /// Newlines in `b[from..<to]`, eight bytes at a time: a byte is a newline when it is zero
    /// after XOR with `\n`, and `~(((x & 0x7F…) + 0x7F…) | x) & 0x80…` has the high bit of
    /// exactly the zero bytes of `x`.
    static func countLines(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var n = 0
        var i = from
        let raw = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= to {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
            n += (~(((x & low7) &+ low7) | x) & ~low7).nonzeroBitCount
            i += 8
        }
        while i < to {
            if b[i] == 10 { n += 1 }
            i += 1
        }
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
