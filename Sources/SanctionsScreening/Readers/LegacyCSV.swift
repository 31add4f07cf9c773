import Foundation

/// The dialect of OFAC's legacy CSV files: Latin-1 text, double-quoted fields with `""` escapes,
/// CRLF records, `-0-` (often followed by a blank) for an empty field, and a trailing 0x1A
/// (DOS end-of-file) byte.
enum LegacyCSV {
    /// Splits `data` into records of fields, decoding each byte as Latin-1 (every byte is a valid
    /// Latin-1 character, so decoding never fails) and mapping `-0-` to the empty string.
    ///
    /// Outside quotes, CR and 0x1A are skipped and LF ends a record; trailing blanks of a field are
    /// removed (inside quotes too); a record that is one empty field is dropped.
    static func records(_ data: Data) -> [[String]] {
        data.withUnsafeBytes { records($0.bindMemory(to: UInt8.self)) }
    }

    /// ``records(_:)`` over a byte buffer. Works byte by byte and makes one `String` per field.
    static func records(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var inQuotes = false
        var i = 0
        let n = bytes.count
        func endRecord() {
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            if inQuotes {
                // The run up to the next quote, at once; then `""` is a quote, `"` the end of quoting.
                var j = i
                while j < n, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                if j + 1 < n, bytes[j + 1] == UInt8(ascii: "\"") {
                    field.append(UInt8(ascii: "\""))
                    i = j + 2
                } else {
                    inQuotes = false
                    i = j + 1
                }
                continue
            }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""): inQuotes = true
            case UInt8(ascii: ","):
                fields.append(latin1Field(field))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\r"), 0x1A: break
            case UInt8(ascii: "\n"):
                fields.append(latin1Field(field))
                field.removeAll(keepingCapacity: true)
                endRecord()
            default: field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(latin1Field(field))
            endRecord()
        }
        return records
    }

    /// One field's bytes as a string: trailing blanks removed, `-0-` read as empty, each byte a
    /// Latin-1 character (U+0000…U+00FF, two UTF-8 bytes from 0x80 up).
    static func latin1Field(_ field: [UInt8]) -> String {
        field.withUnsafeBufferPointer { f in
            var end = f.count
            while end > 0, f[end - 1] == UInt8(ascii: " ") { end -= 1 }
            if end == 3, f[0] == UInt8(ascii: "-"), f[1] == UInt8(ascii: "0"), f[2] == UInt8(ascii: "-") { return "" }
            let bytes = UnsafeBufferPointer(rebasing: f[..<end])
            var high = 0
            for b in bytes where b >= 0x80 { high += 1 }
            if high == 0 { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: end + high) { out in
                var j = 0
                for b in bytes {
                    if b < 0x80 {
                        out[j] = b
                        j += 1
                    } else {
                        out[j] = 0xC0 | (b >> 6)
                        out[j + 1] = 0x80 | (b & 0x3F)
                        j += 2
                    }
                }
                return j
            }
        }
    }
}
