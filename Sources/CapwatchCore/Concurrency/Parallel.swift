import Dispatch

/// Fork–join over the cores (the sanctions list readers and index build, `capwatch analyze`'s CSV
/// reader, detectors and output files): independent pieces of work run through
/// `DispatchQueue.concurrentPerform` and their results come back in index order, so what is built
/// never depends on how the pieces were scheduled. No I/O: the pieces are the caller's.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, run concurrently.
    /// - Parameters:
    ///   - count: number of pieces, ≥ 0.
    ///   - body: the work for one piece; it must not touch what another piece writes.
    /// - Returns: the results, `[body(0), body(1), …]`.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let base = buffer.baseAddress!
                nonisolated(unsafe) let work = body
                DispatchQueue.concurrentPerform(iterations: count) { i in (base + i).initialize(to: work(i)) }
                initialized = count
            }
        }
    }

    /// Runs `a` and `b` at the same time.
    /// - Returns: both results.
    public static func both<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        var first: A?  // written by piece 0 only, read after both have finished
        let second = map(2) { i -> B? in
            guard i == 1 else {
                first = a()
                return nil
            }
            return b()
        }
        return (first!, second[1]!)
    }

    /// `0..<count` cut into at most `parts` consecutive ranges of nearly equal length.
    /// - Parameters:
    ///   - count: the number of items, ≥ 0.
    ///   - parts: the number of ranges wanted, ≥ 1.
    /// - Returns: non-empty ranges in order, covering `0..<count`.
    public static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, count))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }.filter { !$0.isEmpty }
    }
}

