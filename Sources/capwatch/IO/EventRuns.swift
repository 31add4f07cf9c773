#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore
import Foundation
import HeapModule

/// The events of a `capwatch analyze` run, kept as sorted runs of binary records
/// (``Event/appendBinary(to:)``) in one temporary file of the spill directory, or as arrays in
/// memory when the run has no spill (its input was small enough to be held in memory whole).
/// Each vessel group adds its runs as soon as it is analysed and the encounter sweep adds a run
/// every few thousand encounters, so memory holds a group's events, not every event of the
/// input; ``merge(_:bufferBytes:)`` reads the runs back in chronological order (``MergeKey``), a
/// buffer per run.
///
/// Safe to use from several threads: adding takes a lock.
final class EventRuns: @unchecked Sendable {
    /// One run: events of one kind in merge order (``MergeKey``).
    struct Run: Sendable {
        /// The events' kind.
        let kind: Event.Kind
        /// Orders runs of the same kind whose keys tie: the vessel group, or the encounter batch.
        let order: Int
        /// Where its records are: a byte range of the file, or (in memory) the index of its array.
        fileprivate let offset: Int
        fileprivate let length: Int
        /// The number of events.
        let count: Int
    }

    /// The file's path, nil when the runs are kept in memory.
    let path: String?
    private var descriptor: Int32 = -1
    private var end = 0
    private var arrays: [[Event]] = []
    private let lock = NSLock()
    /// The runs added, in the order added.
    private(set) var runs: [Run] = []

    /// The file of the runs in spill directory `directory`.
    static func path(_ directory: String) -> String { "\(directory)/events.bin" }

    /// Keeps the runs in `EventRuns.path(directory)`, or in memory when `directory` is nil.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be created.
    init(directory: String?) throws {
        path = directory.map(Self.path)
        guard let path else { return }
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw CapwatchCLIError("\(path): cannot create a temporary file for the events: \(String(cString: strerror(errno)))") }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if let path { unlink(path) }
    }

    /// Adds `events` of kind `kind` as one run (nothing when empty). They are put in merge order
    /// first: by start, then first MMSI (and for encounters the second), ties kept in the order
    /// given, as the detectors' sorts leave them.
    /// - Parameters:
    ///   - order: where the run goes among runs of the same kind whose events tie.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be written.
    func add(_ events: [Event], kind: Event.Kind, order: Int) throws {
        guard !events.isEmpty else { return }
        let keys = events.indices.map { MergeKey(events[$0], kindRank: 0, run: 0, seq: $0) }
        let inOrder = zip(keys, keys.dropFirst()).allSatisfy { $0.0 <= $0.1 }
        let sorted = inOrder ? keys : keys.sorted()
        guard let path else {
            let run = inOrder ? events : sorted.map { events[$0.seq] }
            lock.lock()
            defer { lock.unlock() }
            runs.append(Run(kind: kind, order: order, offset: arrays.count, length: 0, count: run.count))
            arrays.append(run)
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * 320)
        for key in sorted { events[key.seq].appendBinary(to: &bytes) }
        lock.lock()
        defer { lock.unlock() }
        // Appended at the file's end: only this writes to the descriptor (reads use pread).
        try bytes.withUnsafeBytes { try PositionSpill.writeAll(descriptor, $0, path: path) }
        runs.append(Run(kind: kind, order: order, offset: end, length: bytes.count, count: events.count))
        end += bytes.count
    }

    /// The events of `runs`, merged in ``MergeKey`` order: by start time, then kind (by its name),
    /// first MMSI, for encounters the second MMSI, then run (by kind and ``Run/order``), ties within
    /// a run in its order. Kinds are ordered by name so that the order does not depend on the
    /// order of ``Event/Kind``'s cases.
    /// - Parameter bufferBytes: the bytes read from the file at a time for each run; by default
    ///   8 MiB shared among the runs, 4 KiB to 1 MiB each.
    func merge(_ runs: [Run], bufferBytes: Int? = nil) -> Merge { Merge(self, runs, bufferBytes: bufferBytes) }

    /// Reads `length` bytes at `offset` of the file into `buffer`'s end.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be read or ends early.
    fileprivate func read(offset: Int, length: Int, appendingTo buffer: inout [UInt8]) throws {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: length))
        try buffer.withUnsafeMutableBytes { raw in
            try PositionSpill.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: raw[start...]), at: offset, path: path ?? "events")
        }
    }

    /// The order events are merged in; `seq` is the event's place in its run.
    struct MergeKey: Comparable {
        let start: Int64
        let kindRank: Int
        let first: UInt32
        let second: UInt32
        let run: Int
        let seq: Int

        /// - Parameters: `kindRank` from ``EventRuns/kindRank``; `run` the run's place in the merge.
        init(_ e: Event, kindRank: Int, run: Int, seq: Int) {
            start = e.start.millisecondsSince1970
            self.kindRank = kindRank
            first = e.mmsi.first?.rawValue ?? 0
            // Encounters come from several runs and are ordered by their pair; other kinds of one
            // vessel are never in two runs with the same start and MMSI.
            second = e.kind == .encounter && e.mmsi.count > 1 ? e.mmsi[1].rawValue : 0
            self.run = run
            self.seq = seq
        }

        static func < (a: MergeKey, b: MergeKey) -> Bool {
            (a.start, a.kindRank, a.first, a.second, a.run, a.seq) < (b.start, b.kindRank, b.first, b.second, b.run, b.seq)
        }
    }

    /// The rank of each kind (by ``Event/Kind/ordinal``) when kinds are ordered by name.
    static let kindRank: [Int] = {
        var rank = [Int](repeating: 0, count: Event.Kind.allCases.count)
        for (r, kind) in Event.Kind.allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() { rank[kind.ordinal] = r }
        return rank
    }()

    /// Reads merged runs one event at a time; at most about 8 MiB of records are buffered in all.
    struct Merge {
        private struct Cursor {
            let run: Run
            /// File runs: records read and not yet decoded, from `position`.
            var buffer: [UInt8] = []
            /// The next byte of `buffer` (file runs) or the next event of the array (in memory).
            var position = 0
            /// Bytes of the run not yet in `buffer` (file runs only).
            var unread: Int
            var seq = 0
        }
        private struct Head: Comparable {
            let key: MergeKey
            let cursor: Int
            static func < (a: Head, b: Head) -> Bool { a.key < b.key }
            static func == (a: Head, b: Head) -> Bool { a.key == b.key && a.cursor == b.cursor }
        }

        private let store: EventRuns
        private var cursors: [Cursor]
        private var heads: [Event?]
        private var heap = Heap<Head>()
        private var reader = EventBinaryReader()
        private let chunk: Int
        private var started = false

        fileprivate init(_ store: EventRuns, _ runs: [Run], bufferBytes: Int?) {
            self.store = store
            let ordered = runs.sorted { (EventRuns.kindRank[$0.kind.ordinal], $0.order) < (EventRuns.kindRank[$1.kind.ordinal], $1.order) }
            cursors = ordered.map { Cursor(run: $0, unread: store.path == nil ? 0 : $0.length) }
            heads = Array(repeating: nil, count: ordered.count)
            chunk = max(1, bufferBytes ?? max(4096, min(1 << 20, (8 << 20) / max(1, ordered.count))))
        }

        /// The next event, nil after the last.
        /// - Throws: ``CapwatchCLIError`` when the file cannot be read or a record is damaged.
        mutating func next() throws -> Event? {
            if !started {
                started = true
                for c in cursors.indices { try advance(c) }
            }
            guard let head = heap.popMin() else { return nil }
            let event = heads[head.cursor]
            try advance(head.cursor)
            return event
        }

        /// Reads cursor `c`'s next event into `heads[c]` and its key into the heap.
        private mutating func advance(_ c: Int) throws {
            heads[c] = nil
            let run = cursors[c].run
            var position = cursors[c].position
            let event: Event
            if store.path == nil {
                guard position < run.count else { return }
                event = store.arrays[run.offset][position]
                position += 1
            } else {
                guard position < cursors[c].buffer.count || cursors[c].unread > 0 else { return }
                try refill(c)
                position = cursors[c].position
                // The bytes are held by a local reference while the reader reads them.
                let bytes = cursors[c].buffer
                do {
                    event = try bytes.withUnsafeBytes { raw throws(EventBinaryError) in try reader.read(raw, offset: &position) }
                } catch {
                    throw CapwatchCLIError("\(store.path ?? "events"): temporary events are damaged: \(error)")
                }
            }
            cursors[c].position = position
            heads[c] = event
            heap.insert(Head(key: MergeKey(event, kindRank: EventRuns.kindRank[run.kind.ordinal], run: c, seq: cursors[c].seq), cursor: c))
            cursors[c].seq += 1
        }

        /// Makes sure cursor `c`'s buffer holds its next whole record.
        private mutating func refill(_ c: Int) throws {
            func whole() -> Bool {
                cursors[c].buffer.withUnsafeBytes { raw in
                    guard let length = Event.binaryRecordLength(raw, at: cursors[c].position) else { return false }
                    return length <= raw.count - cursors[c].position
                }
            }
            while !whole() {
                guard cursors[c].unread > 0 else {
                    throw CapwatchCLIError("\(store.path ?? "events"): temporary events end inside a record")
                }
                if cursors[c].position > 0 {
                    cursors[c].buffer.removeFirst(cursors[c].position)
                    cursors[c].position = 0
                }
                let run = cursors[c].run
                let length = min(cursors[c].unread, chunk)
                try store.read(offset: run.offset + run.length - cursors[c].unread, length: length, appendingTo: &cursors[c].buffer)
                cursors[c].unread -= length
            }
        }
    }

    /// Merges read one after another as a `Sequence`, for detectors that take one: it can be
    /// iterated once. A read error ends it early; ``check()`` then throws it.
    final class Stream: Sequence {
        private var merges: [Merge]
        private var error: (any Error)?

        /// - Parameter merges: read in this order, each to its end.
        init(_ merges: [Merge]) { self.merges = merges }

        func makeIterator() -> AnyIterator<Event> { AnyIterator { self.pull() } }

        private func pull() -> Event? {
            while error == nil, !merges.isEmpty {
                do {
                    if let e = try merges[0].next() { return e }
                    merges.removeFirst()
                } catch {
                    self.error = error
                }
            }
            return nil
        }

        /// Throws the error that ended the sequence early, if any.
        func check() throws { if let error { throw error } }
    }
}
