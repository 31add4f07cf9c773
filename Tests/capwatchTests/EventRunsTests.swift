#if canImport(Glibc)
import Glibc
#endif
import CapwatchCore
import Foundation
import Testing

@testable import capwatch

/// `capwatch analyze` keeps its events as sorted runs (``EventRuns``) and reads them back merged.
/// The merged order must be the order analyze wrote before it had runs: all events sorted by start
/// time, then kind name, then first MMSI, ties in the order of the list made of every encounter
/// (sorted by start and MMSI pair), then every gap (each group's gaps sorted by start and MMSI,
/// groups in order), then the other kinds.
@Suite("event runs")
struct EventRunsTests {
    /// A gap or encounter at `minute` past 2020-01-01 00:00 UTC, carrying `tag` to tell it apart.
    static func event(_ kind: Event.Kind, _ mmsis: [UInt32], minute: Int64, tag: Int) -> Event {
        let start = Timestamp(millisecondsSince1970: 1_577_836_800_000 + minute * 60_000)
        return Event(kind: kind, mmsi: mmsis.map { MMSI(rawValue: $0)! }, start: start, end: start.adding(seconds: 3600),
                     position: GeoPoint(latitude: 39.0, longitude: 124.5), parameters: ["threshold_h": .number(12)],
                     evidence: ["tag": .integer(tag), "name": .string(String(repeating: "x", count: tag % 40))])
    }

    /// Three groups' gaps, encounters in batches, and identity events, with many equal starts and MMSIs.
    static func runs() -> (gaps: [[Event]], encounterBatches: [[Event]], identity: [Event]) {
        var tag = 0
        func next() -> Int { tag += 1; return tag }
        // Gaps: several of one vessel share a start; the groups share vessels too (analyze never
        // puts a vessel in two groups, but the tie rule, group order, is tested this way).
        var gaps: [[Event]] = []
        for g in 0..<3 {
            var run: [Event] = []
            for i in 0..<120 {
                let mmsi = UInt32(211_000_000 + (g + i) % 7)
                run.append(event(.gap, [mmsi], minute: Int64((i * 37) % 50), tag: next()))
            }
            gaps.append(run)
        }
        // Encounters end (and are batched) in no particular order; pairs share starts and first MMSIs.
        var encounterBatches: [[Event]] = []
        for b in 0..<4 {
            var batch: [Event] = []
            for i in 0..<60 {
                // The second MMSI falls with the batch and with `i`, so neither the batch order nor
                // the order within a batch is the order of the pairs.
                let pair = [UInt32(211_000_000 + i % 5), UInt32(211_000_400 - b * 60 - i)]
                batch.append(event(.encounter, pair, minute: Int64((i * 13 + b) % 50), tag: next()))
            }
            encounterBatches.append(batch)
        }
        var identity: [Event] = []
        for i in 0..<40 { identity.append(event(.identityChange, [UInt32(211_000_000 + i % 4)], minute: Int64(i), tag: next())) }
        return (gaps, encounterBatches, identity)
    }

    /// The order written out above, by hand from its definition.
    static func expected(gaps: [[Event]], encounterBatches: [[Event]], identity: [Event]) -> [Event] {
        let encounters = encounterBatches.flatMap { $0 }.sorted {
            ($0.start, $0.mmsi[0], $0.mmsi[1]) < ($1.start, $1.mmsi[0], $1.mmsi[1])
        }
        let joinedGaps = gaps.enumerated().flatMap { g, run in run.enumerated().map { (g, $0.offset, $0.element) } }
            .sorted { ($0.2.start, $0.2.mmsi[0], $0.0, $0.1) < ($1.2.start, $1.2.mmsi[0], $1.0, $1.1) }.map(\.2)
        let all = encounters + joinedGaps + identity
        return all.indices.sorted {
            (all[$0].start, all[$0].kind.rawValue, all[$0].mmsi[0], $0) < (all[$1].start, all[$1].kind.rawValue, all[$1].mmsi[0], $1)
        }.map { all[$0] }
    }

    @Test("runs in memory and in a file, read with small and default buffers, merge to the chronological order", arguments: [true, false])
    func mergedOrder(inFile: Bool) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let store = try EventRuns(directory: inFile ? directory.path : nil)
        let (gaps, batches, identity) = Self.runs()
        // Added out of order, as the groups finish on two cores.
        for g in [2, 0, 1] { try store.add(gaps[g], kind: .gap, order: g) }
        for (b, batch) in batches.enumerated() { try store.add(batch, kind: .encounter, order: b) }
        try store.add(identity, kind: .identityChange, order: 0)
        try store.add([], kind: .spoofing, order: 0)
        #expect(store.runs.count == 8)
        let want = Self.expected(gaps: gaps, encounterBatches: batches, identity: identity)
        for buffer in [nil, 1, 100, 4096] as [Int?] {
            var merge = store.merge(store.runs, bufferBytes: buffer)
            var got: [Event] = []
            while let e = try merge.next() { got.append(e) }
            #expect(got.count == want.count)
            #expect(got == want, "buffer \(buffer.map(String.init) ?? "default")")
        }
        // A subset: the gaps only, in the joined order.
        var merge = store.merge(store.runs.filter { $0.kind == .gap })
        var got: [Event] = []
        while let e = try merge.next() { got.append(e) }
        #expect(got == want.filter { $0.kind == .gap })
        if inFile { #expect(FileManager.default.fileExists(atPath: EventRuns.path(directory.path))) }
    }

    @Test("a run file cut short is reported by name, not read as fewer events")
    func truncatedFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let store = try EventRuns(directory: directory.path)
        try store.add(Self.runs().gaps[0], kind: .gap, order: 0)
        let path = EventRuns.path(directory.path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(size - 10)) == 0)
        var merge = store.merge(store.runs, bufferBytes: 512)
        #expect {
            while try merge.next() != nil {}
        } throws: { error in
            "\(error)".contains(path)
        }
    }
}
