#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore
import Foundation
import TrackAnalysis

/// Positions kept in temporary files while the inputs are read, so that `capwatch analyze` holds
/// one group of vessels in memory at a time instead of every position of the input.
///
/// Vessels are spread over ``partitionCount`` groups by a hash of the MMSI; each group has one
/// file per writer (``writerCount``: one per core reading) in a private temporary directory (under
/// `TMPDIR`, else `/tmp`), removed when the spill is released, and when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP: ``SpillCleanup``). The position files are unlinked as soon as they are
/// open, so they leave nothing behind even when the process is killed outright. ``drain(_:writer:)`` moves the positions a
/// ``TrackBuilder`` holds into the files (each vessel's positions as one block: MMSI, count, then
/// the columns as raw little-endian values); ``read(partition:into:)`` appends one group's blocks
/// back (writer 0's first, each in the order written). The tracks built are the same as if the
/// positions had never left the builder: the builder sorts each vessel's positions and orders
/// positions of the same time by their values, so the order of the blocks does not matter.
///
/// Each writer is used by one thread at a time, different writers by different threads at once;
/// reading different partitions from several threads at once is safe (after ``finishWriting()``).
final class PositionSpill: @unchecked Sendable {
    /// The number of vessel groups.
    let partitionCount: Int
    /// The number of writers (sets of files, one per group).
    static let writerCount = 2
    /// The private directory holding the files.
    let directory: String
    private let writers: [Writer]
    /// Bytes a partition's buffer collects before they are written: 256 KiB, less when there are
    /// many partitions, so that all buffers together hold at most about 16 MiB (16 KiB at least).
    let bufferBytes: Int

    /// One writer's files and buffers, one per group.
    private final class Writer: @unchecked Sendable {
        var buffers: [[UInt8]]
        var descriptors: [Int32] = []
        init(partitions: Int) { buffers = Array(repeating: [], count: partitions) }
    }

    /// Creates the directory and the empty files.
    /// - Throws: ``CapwatchCLIError`` when the temporary directory or a file cannot be created.
    init(partitions: Int) throws {
        partitionCount = max(1, partitions)
        bufferBytes = max(1 << 14, min(1 << 18, (16 << 20) / (Self.writerCount * partitionCount)))
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        directory = try SpillCleanup.shared.register(partitions: partitionCount) {
            var template = Array((base + "/capwatch-spill.XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                throw CapwatchCLIError("\(base): cannot create a temporary directory for the positions (set TMPDIR to a writable directory): \(String(cString: strerror(errno)))")
            }
            return String(cString: made)
        }
        writers = (0..<Self.writerCount).map { _ in Writer(partitions: max(1, partitions)) }
        for w in 0..<Self.writerCount {
            for p in 0..<partitionCount {
                let fd = open(Self.path(directory, w, p), O_RDWR | O_CREAT | O_TRUNC, 0o600)
                guard fd >= 0 else {
                    let reason = String(cString: strerror(errno))
                    cleanUp()
                    throw CapwatchCLIError("\(Self.path(directory, w, p)): cannot create a temporary file: \(reason)")
                }
                // Written and read through the descriptor only: its name goes at once, so the
                // space is freed however the process ends (even killed by SIGKILL or for memory).
                unlink(Self.path(directory, w, p))
                writers[w].descriptors.append(fd)
            }
        }
    }

    deinit {
        SpillCleanup.shared.unregister(directory: directory)
        cleanUp()
    }

    private func cleanUp() {
        for writer in writers {
            for fd in writer.descriptors { close(fd) }
            writer.descriptors = []
        }
        Self.removeFiles(directory: directory, partitions: partitionCount)
    }

    /// Removes the files of a spill with `partitions` groups and its directory (also when the
    /// process is interrupted: ``SpillCleanup``).
    static func removeFiles(directory: String, partitions: Int) {
        for w in 0..<writerCount { for p in 0..<partitions { unlink(path(directory, w, p)) } }
        for p in 0..<partitions { unlink(SampleStore.path(directory, p)) }
        unlink(EventRuns.path(directory))
        rmdir(directory)
    }

    private static func path(_ directory: String, _ w: Int, _ p: Int) -> String { "\(directory)/positions-\(w)-\(p).bin" }

    /// The group of `mmsi`, `0..<count`: a multiplicative hash of the MMSI (Knuth's constant
    /// 2654435761, bits 16 and up) modulo the count.
    static func partition(of mmsi: MMSI, count: Int) -> Int {
        Int(((UInt64(mmsi.rawValue) &* 2_654_435_761) >> 16) % UInt64(count))
    }

    /// Moves every position `builder` holds into writer `w`'s files.
    /// - Throws: ``CapwatchCLIError`` when a file cannot be written (disk full).
    func drain(_ builder: inout TrackBuilder, writer w: Int = 0) throws {
        let writer = writers[w]
        try builder.takePositions(raw: { mmsi, count, raw in
            let p = Self.partition(of: mmsi, count: partitionCount)
            var header = (mmsi.rawValue.littleEndian, UInt32(count).littleEndian)
            // A buffer never grows past its size: a block that would overflow it is written first,
            // and a block as large as a buffer goes straight to the file after it.
            if writer.buffers[p].count + 8 + raw.count > bufferBytes { try flush(w, p) }
            if writer.buffers[p].capacity < bufferBytes { writer.buffers[p].reserveCapacity(bufferBytes) }
            withUnsafeBytes(of: &header) { writer.buffers[p].append(contentsOf: $0) }
            if 8 + raw.count > bufferBytes {
                try flush(w, p)
                try Self.writeAll(writer.descriptors[p], raw, path: Self.path(directory, w, p))
            } else {
                writer.buffers[p].append(contentsOf: raw)
            }
        })
    }

    /// Forgets everything writer `w` was given (its files emptied): for a part of the input that
    /// has to be read again.
    /// - Throws: ``CapwatchCLIError`` when a file cannot be emptied.
    func discard(writer w: Int) throws {
        let writer = writers[w]
        for p in 0..<partitionCount {
            writer.buffers[p].removeAll(keepingCapacity: true)
            guard ftruncate(writer.descriptors[p], 0) == 0, lseek(writer.descriptors[p], 0, SEEK_SET) == 0 else {
                throw CapwatchCLIError("\(Self.path(directory, w, p)): cannot empty a temporary file: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes what the buffers hold: call once reading is over, before ``read(partition:into:)``.
    /// - Throws: ``CapwatchCLIError`` when a file cannot be written.
    func finishWriting() throws {
        for w in writers.indices { for p in 0..<partitionCount { try flush(w, p) } }
    }

    private func flush(_ w: Int, _ p: Int) throws {
        let writer = writers[w]
        try writer.buffers[p].withUnsafeBytes { try Self.writeAll(writer.descriptors[p], $0, path: Self.path(directory, w, p)) }
        writer.buffers[p].removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw CapwatchCLIError("\(path): cannot write temporary data: \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    /// Appends the positions of partition `p` to `builder`, one set of columns per vessel
    /// (``TrackBuilder/append(mmsi:positions:)``): its blocks in writer 0's files, then writer
    /// 1's, each in the order drained. The files are read twice over in memory: once to count each
    /// vessel's positions, once to copy the blocks into columns of exactly that size.
    /// - Throws: ``CapwatchCLIError`` when a file cannot be read or is not what was written.
    func read(partition p: Int, into builder: inout TrackBuilder) throws {
        let files = try writers.indices.map { w in
            (path: Self.path(directory, w, p), bytes: try Self.readAll(writers[w].descriptors[p], path: Self.path(directory, w, p)))
        }
        // Pass 1: each vessel's count, vessels in order of first block.
        var slots: [UInt32: Int] = [:]
        var vessels: [(mmsi: MMSI, count: Int)] = []
        for file in files {
            try Self.forEachBlock(file.bytes, path: file.path) { mmsi, count, _ in
                if let s = slots[mmsi.rawValue] {
                    vessels[s].count += count
                } else {
                    slots[mmsi.rawValue] = vessels.count
                    vessels.append((mmsi, count))
                }
            }
        }
        // Pass 2: the columns, filled block by block.
        var columns = vessels.map { PositionColumns(capacity: $0.count) }
        for file in files {
            try Self.forEachBlock(file.bytes, path: file.path) { mmsi, count, block in
                columns[slots[mmsi.rawValue]!].append(count: count, rawColumns: block)
            }
        }
        for s in vessels.indices {
            var taken = PositionColumns(capacity: 0)
            swap(&taken, &columns[s])  // moved to the builder, not copied
            builder.append(mmsi: vessels[s].mmsi, positions: taken)
        }
    }

    /// Calls `body` with each block of a file: the vessel, its number of positions, and the
    /// block's columns (times, latitudes, longitudes, speeds, courses, headings, statuses, back to back).
    private static func forEachBlock(_ bytes: [UInt8], path: String, _ body: (MMSI, Int, UnsafeRawBufferPointer) throws -> Void) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard offset + 8 <= raw.count else { throw CapwatchCLIError("\(path): temporary file truncated") }
                let mmsiValue = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
                offset += 8
                guard let mmsi = MMSI(Int(mmsiValue)) else { throw CapwatchCLIError("\(path): temporary file damaged (MMSI \(mmsiValue))") }
                let length = count * PositionColumns.bytesPerPosition
                guard offset + length <= raw.count else { throw CapwatchCLIError("\(path): temporary file truncated") }
                try body(mmsi, count, UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]))
                offset += length
            }
        }
    }

    /// The whole content of `fd` from offset 0 (pread: safe from several threads).
    static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CapwatchCLIError("\(path): cannot read temporary data: \(String(cString: strerror(errno)))") }
        let size = Int(info.st_size)
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            try read(fd, into: UnsafeMutableRawBufferPointer(buffer), at: 0, path: path)
            initialized = size
        }
    }

    /// Fills `buffer` from `fd` at byte `offset` (pread, through ``PositionalFile``: safe from
    /// several threads).
    /// - Throws: ``CapwatchCLIError`` naming `path` when the read fails or the file ends first.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String) throws {
        guard try PositionalFile(path: path, descriptor: fd).read(at: offset, into: buffer) == buffer.count else {
            throw CapwatchCLIError("\(path): cannot read temporary data: it ends early")
        }
    }
}
