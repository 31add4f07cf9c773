import CZlib

/// Streams gzip (RFC 1952) input through zlib's `inflate`, chunk by chunk, so a `.gz` file is
/// read directly without a temporary file and memory stays constant. Concatenated gzip members
/// (as `cat a.gz b.gz` makes) are read one after another.
final class GzipInflater {
    private var stream = z_stream()
    private let output: UnsafeMutablePointer<UInt8>
    private let outputSize: Int
    private let path: String
    private var finished = false

    /// - Throws: ``CapwatchCLIError`` when zlib cannot be initialised.
    init(path: String, outputSize: Int = 1 << 20) throws {
        self.path = path
        self.outputSize = outputSize
        output = .allocate(capacity: outputSize)
        // 16 + 15 window bits: a gzip header and trailer, the largest window.
        let status = inflateInit2_(&stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw CapwatchCLIError("\(path): zlib could not start (\(status))") }
    }

    deinit {
        inflateEnd(&stream)
        output.deallocate()
    }

    /// Inflates one chunk of compressed bytes, calling `body` with each block of output.
    /// - Throws: ``CapwatchCLIError`` naming the file when the data is not valid gzip.
    func inflate(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        while stream.avail_in > 0 {
            if finished {
                // Another gzip member follows.
                guard inflateReset(&stream) == Z_OK else { throw CapwatchCLIError("\(path): zlib reset failed") }
                finished = false
            }
            stream.next_out = output
            stream.avail_out = uInt(outputSize)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = outputSize - Int(stream.avail_out)
            if produced > 0 { try body(UnsafeRawBufferPointer(start: output, count: produced)) }
            switch status {
            case Z_OK, Z_BUF_ERROR: continue
            case Z_STREAM_END: finished = true
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw CapwatchCLIError("\(path): not valid gzip data: \(message)")
            }
            if status == Z_BUF_ERROR && produced == 0 { break }
        }
    }

    /// Checks that the input ended at the end of a gzip member.
    /// - Throws: ``CapwatchCLIError`` for a truncated file.
    func finish() throws {
        guard finished else { throw CapwatchCLIError("\(path): gzip data ends early (truncated file)") }
    }
}
