#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file descriptor (standard output by default) with `write(2)`.
struct ByteOutput {
    let fd: Int32

    static let standardOutput = ByteOutput(fd: 1)
    static let standardError = ByteOutput(fd: 2)

    /// Writes all of `bytes`.
    /// - Throws: ``CapwatchCLIError`` when the write fails (a closed pipe, a full disk).
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let n = Darwin.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw CapwatchCLIError("write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// True when the descriptor is a terminal (for progress bars).
    var isTerminal: Bool { isatty(fd) != 0 }
}
