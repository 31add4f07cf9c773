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
        let delimiter = self.delimiter
        var i = 0
        while i < n {
            let b = line[i]
            i += 1
            if inQuotes {
                if b == 34 {
                    inQuotes = false
                    justClosedQuote = true
                } else {
                    bytes.append(b)
                }
            } else if b == delimiter {
                fieldEnds.append(bytes.count)
                fieldStart = bytes.count
                justClosedQuote = false
            } else if b == 34 {
                if justClosedQuote {
                    bytes.append(34)  // "" inside a quoted field
                    inQuotes = true
                    justClosedQuote = false
                } else if bytes.count == fieldStart {
                    inQuotes = true
                } else {
                    bytes.append(b)
                }
            } else {
                bytes.append(b)
                justClosedQuote = false
            }
        }
        if inQuotes { return false }
        fieldEnds.append(bytes.count)
        return true
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
