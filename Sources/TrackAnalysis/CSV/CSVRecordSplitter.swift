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
    /// Start offset of each field, in ``bytes`` or, when ``fieldsInLine``, in the line last fed.
    private(set) var fieldStarts: [Int] = []
    /// End offset of each field, in ``bytes`` or, when ``fieldsInLine``, in the line last fed.
    private(set) var fieldEnds: [Int] = []
    /// True when the record was one line without quotes: its fields were not copied and the
    /// offsets refer to that line's bytes.
    private(set) var fieldsInLine = false
    private var inQuotes = false
    private var justClosedQuote = false
    private var fieldStart = 0

    init(delimiter: UInt8) { self.delimiter = delimiter }

    /// True when the last line ended inside a quoted field and the record needs the next line.
    var isPending: Bool { inQuotes }

    /// Number of fields in the completed record.
    var count: Int { fieldCount }
    private var fieldCount = 0

    /// The byte range of field `i`, in ``bytes`` or (``fieldsInLine``) in the line last fed.
    func range(_ i: Int) -> Range<Int> { fieldStarts[i]..<fieldEnds[i] }

    /// Feeds one physical line without its `\n`. Returns true when a record is complete.
    mutating func feed(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if !inQuotes, feedUnquoted(line) { return true }
        fieldsInLine = false
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
        fieldStarts.removeAll(keepingCapacity: true)
        for i in fieldEnds.indices { fieldStarts.append(i == 0 ? 0 : fieldEnds[i - 1]) }
        fieldCount = fieldEnds.count
        return true
    }

    /// The common case, a line without any quote: nothing is copied, the field offsets point
    /// into the line (``fieldsInLine``), written in one pass over the line into offset arrays
    /// kept at least as long as the line. Returns false, having changed nothing that matters, at
    /// the first quote: the caller then takes the general path.
    private mutating func feedUnquoted(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var n = line.count
        if n > 0, line[n - 1] == 13 { n -= 1 }
        if fieldStarts.count < n + 1 {  // grown in place: the general path keeps the capacity
            fieldStarts.append(contentsOf: repeatElement(0, count: n + 65 - fieldStarts.count))
        }
        if fieldEnds.count < n + 1 {
            fieldEnds.append(contentsOf: repeatElement(0, count: n + 65 - fieldEnds.count))
        }
        let delimiter = self.delimiter
        var k = 0
        var quoted = false
        fieldStarts.withUnsafeMutableBufferPointer { starts in
            fieldEnds.withUnsafeMutableBufferPointer { ends in
                guard let p = line.baseAddress else {
                    starts[0] = 0
                    ends[0] = 0
                    k = 1
                    return
                }
                var start = 0
                var i = 0
                // Eight bytes at a time: one mask bit per delimiter byte, and any quote sends the
                // line to the general path.
                let delimiters = UInt64(delimiter) &* Self.ones
                let quotes = UInt64(34) &* Self.ones
                while i + 8 <= n {
                    let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    if ByteParsing.zeroBytes(word ^ quotes) != 0 {
                        quoted = true
                        return
                    }
                    var hits = ByteParsing.zeroBytes(word ^ delimiters)
                    while hits != 0 {
                        let at = i + hits.trailingZeroBitCount >> 3
                        starts[k] = start
                        ends[k] = at
                        k += 1
                        start = at + 1
                        hits &= hits &- 1
                    }
                    i += 8
                }
                while i < n {
                    let b = p[i]
                    if b == delimiter {
                        starts[k] = start
                        ends[k] = i
                        k += 1
                        start = i + 1
                    } else if b == 34 {
                        quoted = true
                        return
                    }
                    i += 1
                }
                starts[k] = start
                ends[k] = n
                k += 1
            }
        }
        guard !quoted else { return false }
        fieldCount = k
        fieldsInLine = true
        inQuotes = false
        justClosedQuote = false
        fieldStart = 0
        return true
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Calls `body` with the bytes the field ranges refer to: `line` (the line last fed) when
    /// ``fieldsInLine``, else the unescaped copy in ``bytes``.
    func withRecordBytes<R>(line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if fieldsInLine { return try body(line) }
        return try bytes.withUnsafeBufferPointer { try body($0) }
    }

    /// Calls `body` with a view of the completed record's fields (over `line`, the line last fed,
    /// when ``fieldsInLine``, else over the unescaped copy): field access without copying the
    /// splitter or its arrays, for hot loops. Mutating only so that the access is made in place
    /// (a read access may copy the splitter); nothing is changed.
    mutating func withFields<R>(line: UnsafeBufferPointer<UInt8>, _ body: (CSVFields) throws -> R) rethrows -> R {
        let count = fieldCount
        if fieldsInLine {
            return try fieldStarts.withUnsafeBufferPointer { starts in
                try fieldEnds.withUnsafeBufferPointer { ends in try body(CSVFields(bytes: line, starts: starts, ends: ends, count: count)) }
            }
        }
        return try fieldStarts.withUnsafeBufferPointer { starts in
            try fieldEnds.withUnsafeBufferPointer { ends in
                try bytes.withUnsafeBufferPointer { bytes in try body(CSVFields(bytes: bytes, starts: starts, ends: ends, count: count)) }
            }
        }
    }

    /// Abandons a pending record (after reporting an unterminated quote).
    mutating func reset() {
        fieldsInLine = false
        fieldCount = 0
        fieldStarts.removeAll(keepingCapacity: true)
        inQuotes = false
        justClosedQuote = false
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldStart = 0
    }
}

/// The fields of one split record: byte ranges of one buffer. Valid only inside
/// ``CSVRecordSplitter/withFields(line:_:)``; the bytes are as in the record (not trimmed).
struct CSVFields {
    /// The bytes the ranges refer to.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Start offset of each field in ``bytes`` (at least ``count`` entries).
    let starts: UnsafeBufferPointer<Int>
    /// End offset of each field in ``bytes`` (at least ``count`` entries).
    let ends: UnsafeBufferPointer<Int>
    /// Number of fields.
    let count: Int

    /// The bytes of field `i`, `0 ..< count` (the splitter's ranges lie within ``bytes``, so they
    /// are not checked again here).
    @inline(__always)
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = starts[i]
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: ends[i] &- start)
    }
}
