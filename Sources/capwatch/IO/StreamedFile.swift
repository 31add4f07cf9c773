#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in pieces, so that memory does not grow with the file: bytes collect in
/// ``buffer`` and go to a temporary file beside the target whenever ``flushIfFull()`` finds more
/// than 1 MiB waiting; ``commit(_:)`` renames the temporary files of a set into place, so a reader
/// never sees a half-written file and earlier files of those names stay whole until then. Dropped
/// without a commit, or when the process is interrupted (``SpillCleanup``), the temporary file is
/// removed. The temporary file has a random name and is created only if no file (or link) of that
/// name exists, so a link planted in a shared output directory cannot redirect the write.
final class StreamedFile {
    /// Bytes not yet written.
    var buffer: [UInt8] = []
    /// The target path.
    let path: String
    private let temporary: String
    private var fd: Int32
    private static let flushBytes = 1 << 20

    /// Creates the temporary file.
    /// - Throws: ``CapwatchCLIError`` naming the path when it cannot be created.
    init(path: String) throws {
        self.path = path
        var made: (String, Int32)?
        for _ in 0..<8 {
            let temporary = path + ".partial-\(getpid())-\(String(UInt64.random(in: 0..<(1 << 48)), radix: 36))"
            let fd = try SpillCleanup.shared.register(file: temporary) {
                let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
                guard fd >= 0 || errno == EEXIST else { throw CapwatchCLIError("\(path): cannot write: \(String(cString: strerror(errno)))") }
                return fd
            }
            if fd >= 0 {
                made = (temporary, fd)
                break
            }
            SpillCleanup.shared.unregister(file: temporary)
        }
        guard let (temporary, fd) = made else { throw CapwatchCLIError("\(path): cannot write: no free temporary name beside it") }
        self.temporary = temporary
        self.fd = fd
        buffer.reserveCapacity(Self.flushBytes + 64 * 1024)
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporary)
        }
        SpillCleanup.shared.unregister(file: temporary)
    }

    /// Writes the buffer out when it holds more than 1 MiB.
    /// - Throws: ``CapwatchCLIError`` naming the path when the write fails (a full disk).
    @inline(__always) func flushIfFull() throws {
        if buffer.count >= Self.flushBytes { try flush() }
    }

    /// Writes the buffer, then `bytes` straight from the caller's array (for pieces rendered elsewhere).
    /// - Throws: ``CapwatchCLIError`` naming the path when the write fails (a full disk).
    func write(_ bytes: [UInt8]) throws {
        if !buffer.isEmpty { try flush() }
        do {
            try ByteOutput(fd: fd).write(bytes)
        } catch {
            throw CapwatchCLIError("\(path): cannot write: \(error)")
        }
    }

    private func flush() throws {
        do {
            try ByteOutput(fd: fd).write(buffer)
        } catch {
            throw CapwatchCLIError("\(path): cannot write: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what each file has left, then moves them all into place. A target that is a
    /// directory is refused before any file moves; the moves happen with interrupts held off
    /// (``SpillCleanup/holdingInterrupts(forgetting:_:)``), so a signal never leaves some of the
    /// files new and some old.
    /// - Throws: ``CapwatchCLIError`` naming the path when a write or a move fails.
    static func commit(_ files: [StreamedFile]) throws {
        for file in files { try file.flush() }
        // From here the temporary files are closed: on failure this removes them (deinit no longer does).
        func failed(_ error: CapwatchCLIError) -> CapwatchCLIError {
            for file in files { unlink(file.temporary) }
            return error
        }
        for file in files {
            let closed = close(file.fd)
            file.fd = -1
            guard closed == 0 else { throw failed(CapwatchCLIError("\(file.path): cannot write: \(String(cString: strerror(errno)))")) }
        }
        for file in files {
            var target = stat()
            if lstat(file.path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                throw failed(CapwatchCLIError("\(file.path): cannot write: it is a directory (no output file was replaced)"))
            }
        }
        try SpillCleanup.shared.holdingInterrupts(forgetting: files.map(\.temporary)) {
            for file in files {
                guard rename(file.temporary, file.path) == 0 else {
                    throw failed(CapwatchCLIError("\(file.path): cannot write: \(String(cString: strerror(errno)))"))
                }
            }
        }
    }
}
