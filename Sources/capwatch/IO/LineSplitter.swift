/// Splits a stream of chunks into lines (without `\n`), carrying a partial line between chunks.
/// Memory is bounded by the longest line.
struct LineSplitter {
    private var carry: [UInt8] = []

    /// Calls `body` for each complete line in `chunk` (and the carried-over start of the first).
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == 10 {
                if carry.isEmpty {
                    try body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                } else {
                    carry.append(contentsOf: bytes[start..<i])
                    let line = carry
                    carry.removeAll(keepingCapacity: true)
                    try line.withUnsafeBufferPointer { try body($0) }
                }
                start = i + 1
            }
            i += 1
        }
        if start < n { carry.append(contentsOf: bytes[start..<n]) }
    }

    /// Delivers a last line that had no `\n`.
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard !carry.isEmpty else { return }
        let line = carry
        carry.removeAll()
        try line.withUnsafeBufferPointer { try body($0) }
    }
}
