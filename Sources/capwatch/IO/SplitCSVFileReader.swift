#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore
import Foundation
import TrackAnalysis

/// Reads a large position CSV that is a regular, uncompressed file on both cores at once: the
/// header first, then the rest cut at a line break near its middle, each half read from its own
/// offset (``PositionalFile``) by its own parser into its own ``TrackBuilder``, which moves its
/// positions to its own writer of the ``PositionSpill`` as it goes. Nothing waits on the other
/// half until both are done; the static reports are then joined in file order.
///
/// What comes out is what ``ParallelCSVReader`` gives on the same file: the same rows, the same
/// errors with the same line numbers (the second half's parser starts from the header's line
/// count, as if the first half were empty, and is shifted by the first half's count at the end), the same tracks (the positions of a vessel may reach the
/// spill in another order, which building does not depend on). When the first half ends inside a
/// quoted field (a line break inside quotes straddling the cut), the second half's work is
/// thrown away and it is read again, continuing the first.
struct SplitCSVFileReader {
    /// Files below this size are read by ``ParallelCSVReader`` (1 MiB: smaller files take too
    /// little time for two threads to matter).
    static let minimumBytes = 1 << 20
    /// Positions a half's builder holds before they go to the spill (2¹⁸, 10 MB).
    static let drainThreshold = 1 << 18
    /// Bytes read at a time by each half (512 KiB: the buffer stays in the core's cache and costs
    /// few page faults; a longer line still fits, the buffer growing to hold it).
    static let chunkBytes = 1 << 19

    let file: PositionalFile
    let size: Int
    let parameters: TrackParameters
    let spill: PositionSpill?

    /// Reads the file.
    /// - Parameter progress: told of the bytes read, from either thread.
    /// - Returns: the pieces in file order (the header's lines, the first half, the second half:
    ///   the last piece's parser is where the file ends); nil when no header was found in the first
    ///   megabyte (the caller then reads the file the ordinary way, which reports it).
    /// - Throws: ``CapwatchCLIError`` on a read error or when the spill cannot be written.
    func read(progress: @escaping @Sendable (Int) -> Void) throws -> [CSVPart]? {
        // The header (and anything before it) on this thread.
        let prefixBytes = min(size, 1 << 20)
        var prefix = [UInt8](repeating: 0, count: prefixBytes)
        let got = try prefix.withUnsafeMutableBytes { try file.read(at: 0, into: $0) }
        var head = CSVPart(parser: PositionCSVParser(), parameters: parameters)
        var bodyStart = 0
        prefix.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < got, head.parser.layout == nil || head.parser.isInsideQuotedField {
                guard let end = Self.lineEnd(bytes, from: start, to: got) else { return }
                head.parse(line: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end + 1
                bodyStart = start
            }
        }
        guard head.parser.layout != nil, !head.parser.isInsideQuotedField else { return nil }
        progress(bodyStart)

        let split = try lineStart(near: bodyStart + (size - bodyStart) / 2)
        guard let second = head.parser.continuation(afterLines: 0) else { return nil }
        let starts = [(bodyStart, head.parser), (split, second)]
        let ends = [split, size]
        let results = Parallel.map(2) { i in
            Result { () throws -> CSVPart in
                var piece = CSVPart(parser: starts[i].1, parameters: parameters)
                // Room for the rows (one per 48 bytes, more than real exports have; pages not
                // written are not resident): the first half's builder, which the second is appended
                // to without a spill, for both; with a spill, for what a half holds between drains.
                let rows = ((spill == nil && i == 0 ? size : ends[i]) - starts[i].0) / 48
                piece.builder.reserveCapacity(positions: spill == nil ? rows : min(rows, Self.drainThreshold + Self.chunkBytes / 16))
                try readRange(starts[i].0..<ends[i], into: &piece, writer: i, progress: progress)
                return piece
            }
        }
        var first = try results[0].get()
        var pieces = [head]
        if first.parser.isInsideQuotedField {
            // The cut fell inside a quoted field: the second half continues the first.
            try spill?.discard(writer: 1)
            try readRange(split..<size, into: &first, writer: 0, progress: { _ in })
            pieces.append(first)
        } else {
            var last = try results[1].get()
            let shift = first.parser.lineNumber - head.parser.lineNumber
            last.parser.shiftLineNumbers(by: shift)
            for i in last.errors.indices { last.errors[i].line = last.errors[i].line.map { $0 + shift } }
            pieces.append(first)
            pieces.append(last)
        }
        return pieces
    }

    /// The offset just after the first line break at or after `offset`; the file's size when there is none.
    private func lineStart(near offset: Int) throws -> Int {
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while at < size {
            let n = try window.withUnsafeMutableBytes { try file.read(at: at, into: $0) }
            guard n > 0 else { break }
            if let i = window[0..<n].firstIndex(of: 10) { return at + i + 1 }
            at += n
        }
        return size
    }

    /// Parses the lines of `range` (which starts at a line start) into `piece`, moving positions
    /// to writer `writer` of the spill as they pile up and at the end.
    private func readRange(_ range: Range<Int>, into piece: inout CSVPart, writer: Int, progress: (Int) -> Void) throws {
        var buffer = [UInt8]()
        var carried = 0  // bytes of an unfinished line kept at the front of `buffer`
        var offset = range.lowerBound
        while offset < range.upperBound {
            let want = min(Self.chunkBytes, range.upperBound - offset)
            if buffer.count < carried + want { buffer.append(contentsOf: repeatElement(0, count: carried + want - buffer.count)) }
            let n = try buffer.withUnsafeMutableBytes { try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[carried..<(carried + want)])) }
            guard n > 0 else { break }  // the file shrank while read
            offset += n
            progress(n)
            let filled = carried + n
            let atEnd = offset >= range.upperBound
            carried = buffer.withUnsafeBufferPointer { bytes -> Int in
                var start = 0
                while let end = Self.lineEnd(bytes, from: start, to: filled) {
                    piece.parse(line: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end + 1
                }
                if atEnd, start < filled {  // the last line of the file, without its line break
                    piece.parse(line: UnsafeBufferPointer(rebasing: bytes[start..<filled]))
                    start = filled
                }
                return filled - start
            }
            if carried > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + (filled - carried), carried)
                }
            }
            if let spill, piece.builder.heldPositionCount >= Self.drainThreshold { try spill.drain(&piece.builder, writer: writer) }
        }
        // The rest too, on this half's core, rather than after the join on one.
        if let spill { try spill.drain(&piece.builder, writer: writer) }
    }

    /// The index of the first line break in `bytes[from..<to]`, nil when there is none.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        let base = UnsafeRawPointer(bytes.baseAddress!)
        return memchr(base + from, 10, to - from).map { UnsafeRawPointer($0) - base }
    }
}
