#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TrackAnalysis

/// The resampled positions (``EncounterSamples``) of one group of vessels, ordered by slice, kept
/// in memory or in a temporary file of the ``PositionSpill``: the encounter sweep then reads every
/// group one day at a time (``Reader``), so memory holds one day of samples, not all of them.
///
/// File records are 32 bytes: slice (Int64), vessel (Int32), SOG (Float32), latitude, longitude
/// (Float64), native byte order.
struct SampleStore: Sendable {
    private enum Storage: Sendable {
        case memory(EncounterSamples)
        case file(path: String, count: Int)
    }
    private let storage: Storage

    /// The file of group `p` in `directory`.
    static func path(_ directory: String, _ p: Int) -> String { "\(directory)/samples-\(p).bin" }

    /// Keeps `samples` (ordered by slice) in memory.
    init(memory samples: EncounterSamples) { storage = .memory(samples) }

    /// Writes `samples` (ordered by slice) to the file of group `p` in `directory`.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be written.
    init(file samples: EncounterSamples, directory: String, partition p: Int) throws {
        let path = Self.path(directory, p)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CapwatchCLIError("\(path): cannot create a temporary file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let perWrite = 1 << 15  // records: 1 MiB
        var buffer = [UInt8](repeating: 0, count: perWrite * 32)
        try samples.withColumns { slices, vessels, latitudes, longitudes, speeds in
            var start = 0
            while start < slices.count {
                let end = min(slices.count, start + perWrite)
                try buffer.withUnsafeMutableBytes { raw in
                    for i in start..<end {
                        let o = (i - start) * 32
                        raw.storeBytes(of: slices[i], toByteOffset: o, as: Int64.self)
                        raw.storeBytes(of: vessels[i], toByteOffset: o + 8, as: Int32.self)
                        raw.storeBytes(of: speeds[i], toByteOffset: o + 12, as: Float.self)
                        raw.storeBytes(of: latitudes[i], toByteOffset: o + 16, as: Double.self)
                        raw.storeBytes(of: longitudes[i], toByteOffset: o + 24, as: Double.self)
                    }
                    try PositionSpill.writeAll(fd, UnsafeRawBufferPointer(rebasing: raw[0..<((end - start) * 32)]), path: path)
                }
                start = end
            }
        }
        storage = .file(path: path, count: samples.count)
    }

    /// A reader from the first sample.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be opened.
    func reader() throws -> Reader {
        switch storage {
        case .memory(let samples): return Reader(samples: samples)
        case .file(let path, let count): return try Reader(path: path, count: count)
        }
    }

    /// Reads a ``SampleStore`` forwards, one day (any slice bound) at a time.
    struct Reader {
        /// Records read at a time: 4,096 (128 KiB), so that the readers of 256 groups, all open
        /// during the encounter sweep, hold about 64 MB.
        static let recordsPerRead = 4096
        /// The samples in memory: all of them, or the chunk last read from the file.
        private var chunk = EncounterSamples()
        private var next = 0
        /// Samples still in the file.
        private var remaining = 0
        private var fd: Int32 = -1
        private var path = ""

        init(samples: EncounterSamples) { chunk = samples }

        init(path: String, count: Int) throws {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw CapwatchCLIError("\(path): cannot open temporary data: \(String(cString: strerror(errno)))") }
            self.path = path
            remaining = count
        }

        /// Closes the file, if any.
        mutating func release() {
            if fd >= 0 { close(fd) }
            fd = -1
        }

        /// The slice of the next sample, nil at the end.
        mutating func peekSlice() throws -> Int64? {
            if next == chunk.count {
                guard fd >= 0, remaining > 0 else { return nil }
                try refill()
            }
            return chunk.slices[next]
        }

        /// Appends to `samples` every sample before slice `bound` (the store is ordered by slice).
        mutating func append(before bound: Int64, to samples: inout EncounterSamples) throws {
            while let slice = try peekSlice(), slice < bound {
                let end = chunk.slices.withUnsafeBufferPointer { slices in
                    var end = next + 1
                    while end < slices.count, slices[end] < bound { end += 1 }
                    return end
                }
                samples.append(contentsOf: chunk, range: next..<end)
                next = end
            }
        }

        private mutating func refill() throws {
            let records = min(remaining, Self.recordsPerRead)
            // Read into uninitialised room: zeroing it first cost a pass over every byte.
            let bytes = try [UInt8](unsafeUninitializedCapacity: records * 32) { raw, initialized in
                var done = 0
                defer { initialized = done }
                while done < raw.count {
                    let n = read(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { throw CapwatchCLIError("\(path): cannot read temporary data (\(n < 0 ? String(cString: strerror(errno)) : "truncated"))") }
                    done += n
                }
            }
            chunk = bytes.withUnsafeBytes { raw in
                func column<T>(_ offset: Int, _: T.Type) -> [T] {
                    [T](unsafeUninitializedCapacity: records) { column, initialized in
                        for r in 0..<records { column[r] = raw.loadUnaligned(fromByteOffset: r * 32 + offset, as: T.self) }
                        initialized = records
                    }
                }
                return EncounterSamples(slices: column(0, Int64.self), vessels: column(8, Int32.self), latitudes: column(16, Double.self),
                                        longitudes: column(24, Double.self), speeds: column(12, Float.self))
            }
            remaining -= records
            next = 0
        }
    }
}
