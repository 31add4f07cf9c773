import Dispatch
import Foundation

/// Wall-clock time of each phase of a command, with the CPU time of the process in it (user +
/// system, all threads: `cores` = CPU ÷ wall), printed to standard error when the environment
/// variable `CAPWATCH_TIMING` is set (`CAPWATCH_TIMING=1 capwatch analyze …`): where the time goes
/// and how well both cores are used, without a profiler.
struct PhaseTimer {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = PhaseTimer.cpuSeconds()
    private var laps: [(String, Double, String)] = []
    private let enabled = ProcessInfo.processInfo.environment["CAPWATCH_TIMING"] != nil

    /// Ends the current phase under `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        let wall = Double(now - last) / 1e9
        laps.append((name, wall, String(format: "CPU %.3f s, %.2f cores, ", cpu - lastCPU, wall > 0 ? (cpu - lastCPU) / wall : 0) + Self.memory()))
        last = now
        lastCPU = cpu
    }

    /// User and system CPU seconds of the whole process so far (getrusage).
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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

    /// Resident and peak resident memory from /proc/self/status (Linux), e.g. `RSS 212 MB, peak 240 MB`.
    private static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "memory unknown" }
        func kilobytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return nil }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        let rss = kilobytes("VmRSS:").map { "\($0 / 1024) MB" } ?? "?"
        let peak = kilobytes("VmHWM:").map { "\($0 / 1024) MB" } ?? "?"
        return "RSS \(rss), peak \(peak)"
    }

    /// Prints the phases, one a line, in seconds.
    func report() {
        guard enabled else { return }
        let total = laps.reduce(0) { $0 + $1.1 }
        var text = laps.map { String(format: "%8.3f s  %@  (%@)", $0.1, $0.0, $0.2) }.joined(separator: "\n")
        text += String(format: "\n%8.3f s  total\n", total)
        FileHandle.standardError.write(Data(text.utf8))
    }
}
