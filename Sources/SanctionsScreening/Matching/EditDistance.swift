/// Levenshtein distance (unit costs) between byte strings, with a reusable row buffer.
struct EditDistance {
    private var row: [Int32] = []

    /// The number of single-letter insertions, deletions and substitutions turning `a` into `b`.
    mutating func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if row.count < b.count + 1 { row = [Int32](repeating: 0, count: b.count + 1) }
        return row.withUnsafeMutableBufferPointer { r in
            for j in 0...b.count { r[j] = Int32(j) }
            for i in 1...a.count {
                var diagonal = r[0]
                r[0] = Int32(i)
                let ai = a[i - 1]
                for j in 1...b.count {
                    let above = r[j]
                    let cost: Int32 = ai == b[j - 1] ? 0 : 1
                    r[j] = min(min(above + 1, r[j - 1] + 1), diagonal + cost)
                    diagonal = above
                }
            }
            return Int(r[b.count])
        }
    }

    /// `1 - distance / max(len)`, in `0...1`; 1 for two empty strings.
    mutating func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let m = max(a.count, b.count)
        guard m > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(m)
    }

    /// The fewest edits turning `pattern` into some substring of `text` (semi-global alignment:
    /// the text's unmatched ends are free). 0 when `pattern` occurs in `text`.
    mutating func substringDistance(_ pattern: [UInt8], in text: [UInt8]) -> Int {
        if pattern.isEmpty { return 0 }
        if text.isEmpty { return pattern.count }
        if row.count < text.count + 1 { row = [Int32](repeating: 0, count: text.count + 1) }
        return row.withUnsafeMutableBufferPointer { r in
            for j in 0...text.count { r[j] = 0 }
            for i in 1...pattern.count {
                var diagonal = r[0]
                r[0] = Int32(i)
                let pi = pattern[i - 1]
                for j in 1...text.count {
                    let above = r[j]
                    let cost: Int32 = pi == text[j - 1] ? 0 : 1
                    r[j] = min(min(above + 1, r[j - 1] + 1), diagonal + cost)
                    diagonal = above
                }
            }
            var best = Int32.max
            for j in 0...text.count { best = min(best, r[j]) }
            return Int(best)
        }
    }
}
