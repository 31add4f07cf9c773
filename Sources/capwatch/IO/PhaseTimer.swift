import Dispatch
import Foundation

/// Wall-clock time of each phase of a command, printed to standard error when the environment
/// variable `CAPWATCH_TIMING` is set (`CAPWATCH_TIMING=1 capwatch analyze …`): where the time goes,
/// without a profiler.
struct PhaseTimer {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var laps: [(String, Double)] = []
    private let enabled = ProcessInfo.processInfo.environment["CAPWATCH_TIMING"] != nil

    /// Ends the current phase under `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// Runs `body` and, when timing is on, prints its wall-clock time under `name` at once (for work
    /// that runs on another thread).
    static func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard ProcessInfo.processInfo.environment["CAPWATCH_TIMING"] != nil else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        FileHandle.standardError.write(Data(String(format: "%8.3f s    %@\n", seconds, name).utf8))
        return result
    }

    /// Prints the phases, one a line, in seconds.
    func report() {
        guard enabled else { return }
        let total = laps.reduce(0) { $0 + $1.1 }
        var text = laps.map { String(format: "%8.3f s  %@", $0.1, $0.0) }.joined(separator: "\n")
        text += String(format: "\n%8.3f s  total\n", total)
        FileHandle.standardError.write(Data(text.utf8))
    }
}
