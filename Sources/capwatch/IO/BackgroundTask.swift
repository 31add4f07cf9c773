import Dispatch

/// Work started on another thread now and collected later with ``value()``: how `capwatch analyze`
/// loads the sanctions lists while it reads its inputs.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?  // written once by the worker before `done` is signalled

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the work to finish and returns its result.
    /// - Throws: what the work threw.
    func value() throws -> T {
        done.wait()
        done.signal()  // later calls return at once
        return try result!.get()
    }
}
