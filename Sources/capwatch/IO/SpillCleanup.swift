#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Removes the temporary files of every live ``PositionSpill``, and the partly written outputs of
/// every ``StreamedFile`` not yet committed, when the process is interrupted
/// (SIGINT: Ctrl-C; SIGTERM: `kill`, `timeout`; SIGHUP: a closed terminal), then exits with
/// 128 + the signal number as a shell expects. The signals are taken by dispatch sources, so the
/// cleanup runs as ordinary code on a dispatch thread, not inside a signal handler.
final class SpillCleanup: @unchecked Sendable {
    static let shared = SpillCleanup()

    private let lock = NSLock()
    /// The directories of the live spills and their numbers of groups.
    private var spills: [String: Int] = [:]
    private var sources: [any DispatchSourceSignal] = []
    /// The temporary files of the live ``StreamedFile``s.
    private var files: Set<String> = []

    private init() {}

    /// Starts watching the signals (once), then runs `make`, which creates the temporary file
    /// `path` and returns its descriptor, and notes the file to remove if a signal arrives (as
    /// ``register(partitions:_:)`` does for a directory: no moment leaves it behind).
    /// - Throws: what `make` throws (nothing is noted then).
    func register(file path: String, _ make: () throws -> Int32) rethrows -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        startWatching()
        let fd = try make()
        files.insert(path)
        return fd
    }

    /// Runs `body` with the cleanup held off (a signal that arrives meanwhile is handled when it
    /// returns), then forgets the temporary files `files`: for moving finished files into place
    /// all together, so that an interrupt never leaves some moved and some not.
    /// - Throws: what `body` throws (the files are forgotten all the same: `body` removes them).
    func holdingInterrupts(forgetting files: [String], _ body: () throws -> Void) rethrows {
        lock.lock()
        defer {
            for path in files { self.files.remove(path) }
            lock.unlock()
        }
        try body()
    }

    /// Forgets the temporary file `path` (committed, or removed by its owner).
    func unregister(file path: String) {
        lock.lock()
        files.remove(path)
        lock.unlock()
    }

    /// Starts watching the signals (once), then runs `make`, which creates a spill's directory
    /// with `partitions` groups and returns its path, and notes that directory to clean up if a
    /// signal arrives. The signals are watched before the directory exists, and a signal that
    /// arrives while `make` runs is handled once the directory is noted (the handler waits for
    /// the lock), so no moment leaves a directory behind or a signal unheard.
    /// - Throws: what `make` throws (nothing is noted then).
    func register(partitions: Int, _ make: () throws -> String) rethrows -> String {
        lock.lock()
        defer { lock.unlock() }
        startWatching()
        let directory = try make()
        spills[directory] = partitions
        return directory
    }

    /// Makes the signal sources (once); called with the lock held.
    private func startWatching() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)  // the default action would end the process before the cleanup
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.interrupted(by: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Forgets the spill in `directory` (it cleans up after itself).
    func unregister(directory: String) {
        lock.lock()
        spills[directory] = nil
        lock.unlock()
    }

    private func interrupted(by signalNumber: Int32) {
        lock.lock()
        let live = spills
        let partial = files
        lock.unlock()
        for (directory, partitions) in live { PositionSpill.removeFiles(directory: directory, partitions: partitions) }
        for path in partial { unlink(path) }
        FileHandle.standardError.write(Data("capwatch: interrupted (signal \(signalNumber)); temporary files removed\n".utf8))
        exit(128 + signalNumber)
    }
}
