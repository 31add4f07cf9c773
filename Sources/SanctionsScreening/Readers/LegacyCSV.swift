import Foundation

/// The dialect of OFAC's legacy CSV files: Latin-1 text, double-quoted fields with `""` escapes,
/// CRLF records, `-0-` (often followed by a blank) for an empty field, and a trailing 0x1A
/// (DOS end-of-file) byte.
enum LegacyCSV {
    /// Splits `data` into records of fields, decoding each byte as Latin-1 (every byte is a valid
    /// Latin-1 character, so decoding never fails) and mapping `-0-` to the empty string.
    static func records(_ data: Data) -> [[String]] {
        var records: [[String]] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [String] = []
            var field: [UInt8] = []
            var inQuotes = false
            var i = 0
            func endField() {
                var f = field
                while f.last == UInt8(ascii: " ") { f.removeLast() }
                if f == Array("-0-".utf8) { f = [] }
                if f.allSatisfy({ $0 < 0x80 }) {
                    fields.append(String(decoding: f, as: UTF8.self))
                } else {
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: f.map { Unicode.Scalar($0) })
                    fields.append(String(scalars))
                }
                field.removeAll(keepingCapacity: true)
            }
            while i < bytes.count {
                let b = bytes[i]
                if inQuotes {
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                            field.append(b)
                            i += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        field.append(b)
                    }
                } else {
                    switch b {
                    case UInt8(ascii: "\""): inQuotes = true
                    case UInt8(ascii: ","): endField()
                    case UInt8(ascii: "\r"): break
                    case UInt8(ascii: "\n"):
                        endField()
                        if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
                        fields.removeAll(keepingCapacity: true)
                    case 0x1A: break
                    default: field.append(b)
                    }
                }
                i += 1
            }
            if !field.isEmpty || !fields.isEmpty {
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
            }
        }
        return records
    }
}
