#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization

/// A child process run by `capwatch bench`, with its own resource usage (`wait4`), so each peak
/// RSS belongs to one run rather than to the largest child so far (`RUSAGE_CHILDREN`).
struct BenchChild {
    /// What one run cost.
    struct Outcome {
        /// Exit status, or 128 + signal when it was killed.
        var status: Int32
        /// Wall-clock seconds from spawn to exit.
        var seconds: Double
        /// User + system CPU seconds.
        var cpuSeconds: Double
        /// Peak resident set size in bytes.
        var peakRSS: Int
        /// The first line of standard error (empty when none was captured or written).
        var firstErrorLine: String
        /// True when the run was killed for exceeding its time limit.
        var timedOut = false
    }

    /// Runs `arguments` (looked up on `PATH`) with standard input from `stdin` and standard output
    /// to `stdout` (both default to /dev/null); standard error goes to `stderrPath` when given.
    /// - Throws: ``CapwatchCLIError`` when the process cannot be started.
    /// With `timeout` (seconds), a run that takes longer is killed (SIGKILL) and marked
    /// ``Outcome/timedOut``. The wait is a blocking `wait4` either way, so the wall time has no
    /// polling error.
    static func run(
        _ arguments: [String], stdin: String = "/dev/null", stdout: String = "/dev/null", stderrPath: String? = nil, timeout: Double? = nil
    ) throws -> Outcome {
        // A child started by posix_spawn (vfork semantics) inherits this process's peak RSS in its own
        // ru_maxrss (Linux records the old address space's high-water mark at exec). /usr/bin/time forks
        // a fresh small process first, so its `%M` is the child's own peak.
        let timeTool = "/usr/bin/time"
        let wrapped = access(timeTool, X_OK) == 0
        let arguments = wrapped ? [timeTool, "-f", "capwatch-bench-maxrss-kb %M"] + arguments : arguments
        let stderrPath = stderrPath ?? (wrapped ? "/tmp/capwatch-bench-\(getpid())-stderr.txt" : nil)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderrPath { posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        // The environment is passed on as this process sees it (not via `environ`, a C global).
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var pid = pid_t()
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        // Its own process group, so a timeout kills /usr/bin/time's child too.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw CapwatchCLIError("\(arguments[0]): cannot start: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        // The wait is always a blocking wait4, so the end time is taken when the child exits. (It
        // used to poll every 20 ms when a timeout was set, which rounded every analyze time up to
        // the next 20 ms step: a 10^5 run of 0.082–0.101 s was reported as 0.102 s.) A timeout is a
        // watchdog on another thread that kills the child's process group.
        let killed = KillFlag()
        let child = pid
        let watchdog = timeout.map { seconds in
            let item = DispatchWorkItem {
                killed.set()
                kill(-child, SIGKILL)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
            return item
        }
        while true {
            let waited = wait4(pid, &status, 0, &usage)
            if waited == pid { break }
            if waited < 0 {
                guard errno == EINTR else { throw CapwatchCLIError("\(arguments[0]): wait failed: \(String(cString: strerror(errno)))") }
            }
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        watchdog?.cancel()
        let timedOut = killed.isSet
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let signal = status & 0x7f
        let exit = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        var firstLine = ""
        var peak = Int(usage.ru_maxrss) * 1024
        if let stderrPath, let text = try? readText(stderrPath) {
            let lines = text.split(separator: "\n").filter { !$0.hasPrefix("Command exited with non-zero status") }
            if wrapped, let last = lines.last(where: { $0.hasPrefix("capwatch-bench-maxrss-kb ") }), let kb = Int(last.split(separator: " ").last ?? "") {
                peak = kb * 1024
            }
            firstLine = String(lines.first(where: { !$0.hasPrefix("capwatch-bench-maxrss-kb ") }) ?? "")
        }
        return Outcome(status: exit, seconds: seconds, cpuSeconds: cpu, peakRSS: peak, firstErrorLine: firstLine, timedOut: timedOut)
    }

    /// Runs `arguments` and returns its standard output as text (for small outputs: counts, versions).
    static func output(_ arguments: [String], stdin: String = "/dev/null", scratch: String) throws -> (Outcome, String) {
        let outPath = scratch + "/child-stdout.txt"
        let outcome = try run(arguments, stdin: stdin, stdout: outPath, stderrPath: scratch + "/child-stderr.txt")
        return (outcome, (try? readText(outPath)) ?? "")
    }

    /// The size in bytes of a regular file, or nil.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The full path of `name` on `PATH`, or nil.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        guard let path = getenv("PATH") else { return nil }
        for dir in String(cString: path).split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private static func readText(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw CapwatchCLIError("\(path): cannot open") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Set once by a timeout's watchdog thread, read after the child has been waited for.
private final class KillFlag: Sendable {
    private let flag = Mutex(false)
    func set() { flag.withLock { $0 = true } }
    var isSet: Bool { flag.withLock { $0 } }
}
