#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits CSV records into fields one physical line at a time, following RFC 4180: fields
/// separated by a one-byte delimiter, optionally enclosed in double quotes, `""` inside quotes for
/// a quote, line breaks allowed inside quotes (the record then continues on the next line).
///
/// Lenient where real exports are sloppy: a trailing CR is dropped (CRLF files), a quote in the
/// middle of an unquoted field is kept as text, text after a closing quote is appended.
/// Field contents are unescaped into one reusable byte buffer: no allocation per record once warm.
struct CSVRecordSplitter {
    var delimiter: UInt8
    /// Unescaped contents of all fields of the current record, back to back.
    private(set) var bytes: [UInt8] = []
    /// End offset in ``bytes`` of each field.
    private(set) var fieldEnds: [Int] = []
    private var inQuotes = false
    private var justClosedQuote = false
    private var fieldStart = 0

    init(delimiter: UInt8) { self.delimiter = delimiter }

    /// True when the last line ended inside a quoted field and the record needs the next line.
    var isPending: Bool { inQuotes }

    /// Number of fields in the completed record.
    var count: Int { fieldEnds.count }

    /// The byte range of field `i` in ``bytes``.
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : fieldEnds[i - 1])..<fieldEnds[i] }

    /// Feeds one physical line without its `\n`. Returns true when a record is complete.
    mutating func feed(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if !inQuotes, let base = line.baseAddress, memchr(base, 34, line.count) == nil {
            feedUnquoted(line)
            return true
        }
        if inQuotes {
            bytes.append(10)  // the line break belongs to the quoted field
        } else {
            bytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            fieldStart = 0
            justClosedQuote = false
        }
        var n = line.count
        if n > 0, line[n - 1] == 13 { n -= 1 }
        // Unescaped text is never longer than the line: size the buffer once, write through a pointer.
        let base = bytes.count
        if bytes.count < base + n { bytes.append(contentsOf: repeatElement(0, count: base + n - bytes.count)) }
        let delimiter = self.delimiter
        var w = base
        var inQuotes = self.inQuotes
        var justClosedQuote = self.justClosedQuote
        var fieldStart = self.fieldStart
        bytes.withUnsafeMutableBufferPointer { out in
            var i = 0
            while i < n {
                let b = line[i]
                i += 1
                if inQuotes {
                    if b == 34 {
                        inQuotes = false
                        justClosedQuote = true
                    } else {
                        out[w] = b
                        w += 1
                    }
                } else if b == delimiter {
                    fieldEnds.append(w)
                    fieldStart = w
                    justClosedQuote = false
                } else if b == 34 {
                    if justClosedQuote {
                        out[w] = 34  // "" inside a quoted field
                        w += 1
                        inQuotes = true
                        justClosedQuote = false
                    } else if w == fieldStart {
                        inQuotes = true
                    } else {
                        out[w] = b
                        w += 1
                    }
                } else {
                    out[w] = b
                    w += 1
                    justClosedQuote = false
                }
            }
        }
        bytes.removeLast(bytes.count - w)
        self.inQuotes = inQuotes
        self.justClosedQuote = justClosedQuote
        self.fieldStart = fieldStart
        if inQuotes { return false }
        fieldEnds.append(bytes.count)
        return true
    }

    /// The common case, a line without any quote: the fields are the bytes between delimiters,
    /// copied in one block; only the delimiters are searched.
    private mutating func feedUnquoted(_ line: UnsafeBufferPointer<UInt8>) {
        var n = line.count
        if n > 0, line[n - 1] == 13 { n -= 1 }
        let delimiter = self.delimiter
        var delimiters = 0
        for i in 0..<n where line[i] == delimiter { delimiters += 1 }
        // Field i spans from after the i-th delimiter to the next; with the delimiters removed the
        // end of field i in `bytes` is its end in the line minus i.
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(n)
        fieldEnds.reserveCapacity(delimiters + 1)
        var start = 0
        var removed = 0
        for i in 0..<n where line[i] == delimiter {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<i]))
            fieldEnds.append(i - removed)
            removed += 1
            start = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<n]))
        fieldEnds.append(n - removed)
        inQuotes = false
        justClosedQuote = false
        fieldStart = 0
    }

    /// Abandons a pending record (after reporting an unterminated quote).
    mutating func reset() {
        inQuotes = false
        justClosedQuote = false
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldStart = 0
    }
}
