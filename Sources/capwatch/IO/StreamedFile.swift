#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in pieces, so that memory does not grow with the file: bytes collect in
/// ``buffer`` and go to a temporary file beside the target whenever ``flushIfFull()`` finds more
/// than 1 MiB waiting; ``commit()`` renames the temporary file into place, so a reader never sees
/// a half-written file and an earlier file of that name stays whole until then. Dropped without
/// ``commit()``, or when the process is interrupted (``SpillCleanup``), the temporary file is removed.
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
        let temporary = path + ".partial-\(getpid())"
        self.temporary = temporary
        fd = try SpillCleanup.shared.register(file: temporary) {
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw CapwatchCLIError("\(path): cannot write: \(String(cString: strerror(errno)))") }
            return fd
        }
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

    /// Writes what is left and moves the file into place.
    /// - Throws: ``CapwatchCLIError`` naming the path when the write or the rename fails.
    func commit() throws {
        try flush()
        let closed = close(fd)
        fd = -1
        defer { SpillCleanup.shared.unregister(file: temporary) }
        guard closed == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CapwatchCLIError("\(path): cannot write: \(reason)")
        }
    }
}
