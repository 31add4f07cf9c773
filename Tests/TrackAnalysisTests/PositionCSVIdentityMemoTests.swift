import CapwatchCore
import Testing
import TrackAnalysis

/// The parser remembers each vessel's last identity cells and reuses the report they gave: these
/// tests show that the records are the ones a parser without that memory would give, also when a
/// file is read in two parts at once as `ParallelCSVReader` does.
@Suite("Position CSV identity memo")
struct PositionCSVIdentityMemoTests {
    static let header = "timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught"

    /// One Capwatch-layout row of vessel 211000001 at 2018-04-01 `time`, with `name`.
    static func row(_ time: String, _ name: String, mmsi: Int = 211_000_001, draught: String = "5.0") -> String {
        "2018-04-01T\(time)Z,\(mmsi),54.1,13.1,5.0,90.0,,\(name),CARGO,70,9296949,DBBB,\(draught)"
    }

    @Test("every record equals the one a fresh parser reads from that row alone")
    func sameRecordsAsWithoutMemory() {
        let rows = [
            Self.row("00:00:00", "ALPHA"),
            Self.row("00:10:00", "ALPHA"),  // repeat: from the memo
            Self.row("00:05:00", "ALPHA"),  // repeat, earlier time: still this row's time
            Self.row("00:20:00", "BRAVO"),  // change
            Self.row("00:30:00", "ALPHA"),  // back: compared with BRAVO, read afresh
            Self.row("00:31:00", "ALPHA", mmsi: 211_000_002),  // other vessel, same cells
            Self.row("00:40:00", "ALPHA", draught: "-1"),  // an error is not remembered …
            Self.row("00:41:00", "ALPHA", draught: "-1"),  // … so the repeat fails too
            "2018-04-01T00:50:00Z,211000001,54.1,13.1,5.0,90.0,,,,,,,",  // no identity cells
            Self.row("00:55:00", "\"ALPHA\""),  // quoted: the same cell bytes once unescaped
            Self.row("01:00:00", "ALPHA@@"),  // other bytes, same name after padding removal
        ]
        var parser = PositionCSVParser()
        _ = parser.parse(line: Self.header)
        for (i, row) in rows.enumerated() {
            let memo = parser.parse(line: row)
            var fresh = PositionCSVParser()
            _ = fresh.parse(line: Self.header)
            let alone = fresh.parse(line: row)
            switch (memo, alone) {
            case (.record(let a), .record(var b)):
                b.line = i + 2  // the fresh parser saw the row on line 2
                #expect(a == b, "row \(i)")
            case (.failure(let a), .failure(var b)):
                b.line = i + 2
                #expect(a.description == b.description, "row \(i)")
            case (.skipped, .skipped): break
            default: Issue.record("row \(i): \(memo) against \(alone)")
            }
        }
    }

    @Test("a repeat comes back with its own time and counts as a static report")
    func repeatKeepsItsTime() throws {
        // Hand-worked: rows at 00:00 and 00:10 with the same cells give two reports, equal but for
        // the time (00:10 = 600 s after 00:00); TrackBuilder counts both and stores one.
        let batch = PositionCSVBatch(text: [Self.header, Self.row("00:00:00", "ALPHA"), Self.row("00:10:00", "ALPHA")].joined(separator: "\n"))
        #expect(batch.staticReports.count == 2)
        let (first, second) = (batch.staticReports[0], batch.staticReports[1])
        #expect(first.time.seconds(to: second.time) == 600)
        var copy = second
        copy.time = first.time
        #expect(copy == first && second.name == "ALPHA" && second.draught == 5.0)
        var builder = TrackBuilder()
        for r in batch.staticReports { builder.add(r) }
        #expect(builder.staticReportCount == 2)
    }

    @Test("A, B, A across the two halves of a round, each half parsed from the round's start state")
    func nameChangeAcrossHalves() throws {
        // As ParallelCSVReader: the parser has read the header and ALPHA at 00:00 (an earlier
        // round); the round's first half (BRAVO at 00:10) continues that parser, its second half
        // (ALPHA at 00:20 and again at 00:30) is read by a continuation made at the round's start,
        // so it has not seen BRAVO. Each half feeds its own builder; they are appended in order.
        var parser = PositionCSVParser()
        var main = TrackBuilder()
        for line in [Self.header, Self.row("00:00:00", "ALPHA")] {
            if case .record(let r) = parser.parse(line: line) { main.add(r) }
        }
        var second = try #require(parser.continuation(afterLines: 1))  // the first half is one line
        var firstHalf = TrackBuilder()
        if case .record(let r) = parser.parse(line: Self.row("00:10:00", "BRAVO")) { firstHalf.add(r) }
        var secondHalf = TrackBuilder()
        var lines: [Int] = []
        for line in [Self.row("00:20:00", "ALPHA"), Self.row("00:30:00", "ALPHA")] {
            guard case .record(let r) = second.parse(line: line) else { Issue.record("no record for \(line)"); return }
            #expect(r.staticReport?.name == "ALPHA")  // the memo copy holds ALPHA from 00:00: reused, not dropped
            lines.append(r.line)
            secondHalf.add(r)
        }
        #expect(lines == [4, 5])  // header 1, ALPHA 2, BRAVO 3 (the first half), then 4 and 5
        main.append(contentsOf: firstHalf)
        main.append(contentsOf: secondHalf)
        // Reports: ALPHA 00:00, BRAVO 00:10, ALPHA 00:20, ALPHA 00:30 = 4 counted; the 00:30 one
        // repeats 00:20 and is not stored. History: ALPHA since 00:00, BRAVO since 00:10, ALPHA
        // since 00:20 — the return to ALPHA must not be lost.
        #expect(main.staticReportCount == 4)
        let track = try #require(main.build().first)
        #expect(track.identity.versions.map { $0.identity.name } == ["ALPHA", "BRAVO", "ALPHA"])
        let start = try #require(Timestamp(iso8601: "2018-04-01T00:00:00Z"))
        #expect(track.identity.versions.map { start.seconds(to: $0.since) } == [0, 600, 1200])
    }
}
