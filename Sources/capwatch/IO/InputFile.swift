#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input file (or standard input for `-`) read in fixed-size chunks, so memory does not grow
/// with the file.
struct InputFile: ~Copyable {
    /// The name as given on the command line, for messages.
    let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading; `-` is standard input.
    /// - Throws: ``CapwatchCLIError`` naming the file when it cannot be opened.
    init(path: String) throws {
        self.path = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else { throw CapwatchCLIError("\(path): cannot open: \(String(cString: strerror(errno)))") }
            var info = stat()
            if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw CapwatchCLIError("\(path): is a directory")
            }
            fd = opened
            ownsDescriptor = true
        }
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Size in bytes when known (a regular file), for progress reporting.
    var size: Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reading at any offset, from several threads at once (for a regular file; valid while this
    /// input is open).
    var positional: PositionalFile { PositionalFile(path: path, descriptor: fd) }

    /// Calls `body` with successive chunks of at most `chunkSize` bytes until the end of input.
    /// gzip input (recognised by its magic bytes `1f 8b`, whatever the name) is inflated on the
    /// fly, so `body` always sees the uncompressed bytes.
    /// - Throws: ``CapwatchCLIError`` on a read error or corrupt gzip data, or what `body` throws.
    func forEachChunk(chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var inflater: GzipInflater?
        var first = true
        var held = 0  // bytes of a first read too short to recognise gzip by, kept for the next read
        while true {
            let got = read(fd, buffer.baseAddress! + held, chunkSize - held)
            if got < 0 {
                if errno == EINTR { continue }
                throw CapwatchCLIError("\(path): read failed: \(String(cString: strerror(errno)))")
            }
            let n = held + got
            if got == 0, n == 0 {
                try inflater?.finish()
                return
            }
            // A pipe may deliver the first byte alone: read on until the two magic bytes are in.
            if first, n < 2, got > 0 {
                held = n
                continue
            }
            held = 0
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            if first {
                first = false
                if n >= 2, chunk[0] == 0x1F, chunk[1] == 0x8B { inflater = try GzipInflater(path: path) }
            }
            if let inflater {
                try inflater.inflate(chunk, body)
            } else {
                try body(chunk)
            }
        }
    }
}

extension InputFile {
    /// The whole text of a small input file (a notification CSV, a vessel register, a query list):
    /// read through ``forEachChunk(chunkSize:_:)``, so pipes, FIFOs, `-` and gzip work as for the
    /// large inputs.
    /// - Parameter path: the file, or `-` for standard input.
    /// - Throws: ``CapwatchCLIError`` naming the file when it cannot be opened or read, is a
    ///   directory, or is not UTF-8 text.
    static func readText(_ path: String) throws -> String {
        let input = try InputFile(path: path)
        var bytes: [UInt8] = []
        try input.forEachChunk { bytes.append(contentsOf: $0) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CapwatchCLIError("\(path): not UTF-8 text")
        }
        return text
    }
}

/// An open regular file read at given offsets (pread), safe to use from several threads at once;
/// made by ``InputFile/positional`` and valid while that input is open.
struct PositionalFile: Sendable {
    /// The name as given on the command line, for messages.
    let path: String
    let descriptor: Int32

    /// Reads up to `buffer.count` bytes at byte `offset`.
    /// - Returns: the number of bytes read; fewer than asked only at the end of the file (0 there).
    /// - Throws: ``CapwatchCLIError`` naming the file on a read error.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw CapwatchCLIError("\(path): read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            done += n
        }
        return done
    }
}
