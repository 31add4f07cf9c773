import CapwatchCore
import Foundation

/// The SHA-256 of a list file, as stamped on ``ListVersion``: 64 lowercase hexadecimal digits of
/// the file's bytes (FIPS 180-4, ``SHA256`` in CapwatchCore), hashed straight from the buffer.
enum ListDigest {
    /// - Parameter data: the file's bytes.
    /// - Returns: the digest as 64 lowercase hexadecimal digits.
    static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { buffer in
            var h = SHA256()
            h.update(bufferPointer: buffer)
            return SHA256.hex(h.finalize())
        }
    }
}
