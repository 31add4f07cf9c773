import Dispatch

/// Runs independent pieces of work on all cores (`DispatchQueue.concurrentPerform`) and collects
/// their results in order: how `capwatch analyze` runs its detectors and renders its files on both
/// cores of a small machine.
enum ParallelMap {
    /// Calls `body(0..<count)` concurrently and returns the results in index order.
    /// - Parameters:
    ///   - count: number of pieces, ≥ 0.
    ///   - body: the work for one index; must not depend on the others.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results  // each index is written by exactly one iteration
        DispatchQueue.concurrentPerform(iterations: count) { i in shared[i] = body(i) }
        return results.map { $0! }
    }
}
