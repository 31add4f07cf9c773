import CapwatchCore
import Foundation
import Testing
import TrackAnalysis

/// `PositionCSVParser.parse(utf8:into:)` reads the common row in one pass and sends every other
/// line through the splitter and the row reader. These tests hold it to the record form
/// (`parse(utf8:)` then `TrackBuilder.add(_:)`), which reads every row the general way: the same
/// outcome for every line (record, skipped, the same error on the same line) and the same tracks,
/// value for value and bit for bit.
@Suite("Position CSV fast path")
struct PositionCSVFastPathTests {
    static let capwatchHeader = "timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught"

    /// Rows at the edges of what the one-pass reading takes: each either goes through it or is
    /// declined to the general reading, and both must give the record form's result.
    static let capwatchRows = [
        "2018-04-01T00:00:00Z,211000001,54.1,13.1,5.0,90.0,,ALPHA,CARGO,70,9296949,DBBB,5.0",
        "2018-04-01T00:01:00Z,211000001,54.2,13.2,5.1,91.5,90,ALPHA,CARGO,70,9296949,DBBB,5.0",  // identity repeated
        "2018-04-01T00:02:00Z,211000001,54.3,13.3,5.2,92.0,359.6,BRAVO,CARGO,70,9296949,DBBB,5.0",  // name changed; heading rounds to 0
        "2018-04-01T00:03:00Z,211000001,54.3,13.3,5.2,92.0,359.4,ALPHA,CARGO,70,9296949,DBBB,5.0",  // back to ALPHA
        "2018-04-01T00:03:30Z,211000001,54.3,13.3,5.2,92.0,359.6,,,,,,",  // heading rounds to 360, that is 0
        "2018-04-01T00:03:40Z,211000001,54.3,13.3,5.2,92.0,12.5,,,,,,",  // heading rounds half away from zero
        "2018-04-01T00:04:00Z,211000001,-0,+13.4,-0,0,511,,,,,,",  // signed zeros, heading not available, no identity
        "2018-04-01T00:05:00Z,211000001,.5,5.,102.3,360,0,,,,,,",  // '.5' and '5.'; SOG and COG not available
        "2018-04-01T00:06:00Z,211000001,91,181,1,1,1,,,,,,",  // position not available
        "2018-04-01T00:07:00Z,211000001,91,13.1,1,1,1,,,,,,",  // latitude only not available
        "2018-04-01T00:08:00Z,211000001,95,13.1,1,1,1,,,,,,",  // out of range
        "2018-04-01T00:09:00Z,211000001,54.1,,1,1,1,,,,,,",  // latitude without longitude
        "2018-04-01T00:10:00Z,211000001,,13.1,1,1,1,,,,,,",  // longitude without latitude
        "2018-04-01T00:11:00Z,211000001,,,,,,,,,,,",  // nothing: skipped
        "2018-04-01T00:12:00Z,211000001,,,,,,ALPHA,CARGO,70,9296949,DBBB,5.0",  // identity only
        "2018-04-01T00:13:00Z,211000001,54.1,13.1,-1,1,1,,,,,,",  // negative SOG
        "2018-04-01T00:14:00Z,211000001,54.1,13.1,1,-1,1,,,,,,",  // negative COG
        "2018-04-01T00:15:00Z,211000001,54.1,13.1,1,1,400,,,,,,",  // heading out of range
        "2018-04-01T00:16:00Z,211000001, 54.1,13.1 ,1,1,1,,,,,,",  // blanks around cells
        "2018-04-01T00:17:00Z,211000001,5.41e1,13.1,1,1,1,,,,,,",  // exponent
        "2018-04-01T00:18:00Z,211000001,54.123456789012345678901,13.1,1,1,1,,,,,,",  // more than 19 digits
        "2018-04-01T00:19:00Z,211000001,9007199254740993,13.1,1,1,1,,,,,,",  // mantissa above 2^53
        "2018-04-01T00:20:00Z,211000001,5x,13.1,1,1,1,,,,,,",  // not a number
        "2018-04-01T00:21:00Z,211000001,-,13.1,1,1,1,,,,,,",  // a sign alone
        "2018-04-01T00:22:00Z,211409660.0,54.1,13.1,1,1,1,,,,,,",  // MMSI as pandas writes it
        "2018-04-01T00:23:00Z,2114096601,54.1,13.1,1,1,1,,,,,,",  // MMSI of ten digits
        "2018-04-01T00:24:00Z,,54.1,13.1,1,1,1,,,,,,",  // no MMSI
        "2018-04-01T00:25:00,211000001,54.1,13.1,1,1,1,,,,,,",  // no Z
        "2018-04-01T00:26:00.5Z,211000001,54.1,13.1,1,1,1,,,,,,",  // fraction of a second
        "2018-04-01 00:27:00,211000001,54.1,13.1,1,1,1,,,,,,",  // space for T
        "2018-04-01T24:28:00Z,211000001,54.1,13.1,1,1,1,,,,,,",  // hour 24
        ",211000001,54.1,13.1,1,1,1,,,,,,",  // no time
        "2018-04-01T00:29:00Z,211000001,54.1,13.1,1,1,1,,,,,,,",  // one field too many
        "2018-04-01T00:30:00Z,211000001,54.1,13.1,1,1,1,,,,,",  // one field too few
        "2018-04-01T00:31:00Z,211000001,54.1,13.1,1,1,1,\"ALPHA, THE\",CARGO,70,9296949,DBBB,5.0",  // quoted name
        "2018-04-01T00:32:00Z,211000001,54.1,13.1,1,1,1,ALPHA,CARGO,70,9296949,DBBB,5.0\r",  // CRLF
        "2018-04-01T00:33:00Z,211000002,54.1,13.1,1,1,1,ALPHA@@,CARGO,70,IMO9296949,DBBB,5.0",  // padded name
        "2018-04-01T00:34:00Z,211000002,54.1,13.1,1,1,1,ALPHA@@,CARGO,70,IMO9296949,DBBB,5.0",  // repeated
        "2018-04-01T00:20:00Z,211000002,54.1,13.1,1,1,1,ALPHA@@,CARGO,70,IMO9296949,DBBB,5.0",  // repeated, earlier time
        "2018-04-01T00:35:00Z,211000002,54.1,13.1,1,1,1,ALPHA@@,CARGO,70,IMO9296949,DBBB,-1",  // bad draught
        "2018-04-01T00:36:00Z,211000002,54.1,13.1,1,1,1,ALPHA@@,CARGO,70,IMO9296949,DBBB,-1",  // the same bad draught again
        "",  // empty line
        "   ",  // blank line
        "2018-04-01T00:37:00Z,211000003,54.1,13.1,1,1,1,\"MULTI",  // a quoted line break …
        "LINE\",CARGO,70,9296949,DBBB,5.0",  // … ends here
        "2018-04-01T00:38:00Z,211000003,54.1,13.1,1,1,1,,,,,,",
        "2018-04-01T00:39:00Z,211000003,54.1,13.1,1,1,1,\u{00C9}LAN,CARGO,70,9296949,DBBB,5.0",  // UTF-8 name
    ]

    @Test("every line of the edge cases: the same outcome and tracks as the record form")
    func edgeCases() throws {
        try Self.compare([Self.capwatchHeader] + Self.capwatchRows)
    }

    @Test("a semicolon-delimited file, and MarineCadastre's layout")
    func otherDelimiterAndLayout() throws {
        try Self.compare([Self.capwatchHeader.replacingOccurrences(of: ",", with: ";")]
            + Self.capwatchRows.map { $0.replacingOccurrences(of: ",", with: ";") })
        try Self.compare([
            "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass",
            "367000001,2023-01-01T00:00:00,29.1,-90.1,10.2,45.0,44,GULF ONE,IMO9074729,WDA1,70,0,100,20,5.5,70,A",
            "367000001,2023-01-01T00:01:00,29.2,-90.2,10.3,45.5,45,GULF ONE,IMO9074729,WDA1,70,0,100,20,5.5,70,A",
            "367000001,2023-01-01T00:02:00,29.3,-90.3,10.3,45.5,45,GULF ONE,IMO9074729,WDA1,70,15,100,20,5.5,70,A",
            "367000001,2023-01-01T00:03:00,29.3,-90.3,10.3,45.5,45,GULF ONE,IMO9074729,WDA1,70,16,100,20,5.5,70,A",  // status 16
            "367000001,2023-01-01T00:04:00,29.3,-90.3,10.3,45.5,45,GULF ONE,IMO9074729,WDA1,70,under way using engine,100,20,5.5,70,A",
            "367000002,2023-01-01T00:05:00,29.4,-90.4,0.0,0.0,511,,,,,,,,,,B",
        ])
    }

    @Test("lines ending as a vessel's last matched line did: the same identities, and new cells make the memo forget that ending")
    func rememberedLineEnds() throws {
        func row(_ minute: Int, _ mmsi: Int, _ name: String, draught: String = "5.0") -> String {
            "2018-04-01T00:\(minute < 10 ? "0" : "")\(minute):00Z,\(mmsi),54.1,13.\(minute),5.0,90.0,,\(name),CARGO,70,9296949,DBBB,\(draught)"
        }
        // 211000001: ALPHA three times (the third line ends as the second did), BRAVO, then ALPHA
        // three times again: had BRAVO not made the memo forget ALPHA's ending, the ALPHA lines
        // after it would take BRAVO's report. 211000002 sends ALPHA's very ending: its own vessel's
        // memo is used, not 211000001's. Then a change of draught alone, the last cell.
        try Self.compare([Self.capwatchHeader,
                          row(0, 211_000_001, "ALPHA"), row(1, 211_000_001, "ALPHA"), row(2, 211_000_001, "ALPHA"),
                          row(3, 211_000_002, "ALPHA"), row(4, 211_000_002, "BRAVO"), row(5, 211_000_002, "BRAVO"),
                          row(6, 211_000_001, "BRAVO"), row(7, 211_000_001, "ALPHA"), row(8, 211_000_001, "ALPHA"),
                          row(9, 211_000_001, "ALPHA"), row(10, 211_000_002, "BRAVO"), row(11, 211_000_002, "ALPHA"),
                          row(12, 211_000_001, "ALPHA", draught: "7.5"), row(13, 211_000_001, "ALPHA", draught: "7.5"),
                          row(14, 211_000_001, "ALPHA"), row(15, 211_000_001, "ALPHA", draught: "7.5")])
    }

    /// The shared real tracks (Baltic, Gibraltar, Suez canal), when ../shared is there.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedTracks.path), "../shared/data/tracks not found"),
          arguments: ["baltic_20180401.csv", "gibraltar_20160601.csv", "suez_evergiven_202103.csv"])
    func realTracks(file: String) throws {
        let text = try String(contentsOf: Self.sharedTracks.appendingPathComponent(file), encoding: .utf8)
        try Self.compare(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    static let sharedTracks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/tracks").standardizedFileURL

    /// Reads `lines` both ways and compares line by line, then the tracks built.
    static func compare(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        var fast = PositionCSVParser()
        var general = PositionCSVParser()
        var fastBuilder = TrackBuilder()
        var generalBuilder = TrackBuilder()
        for (i, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            let (a, b) = bytes.withUnsafeMutableBufferPointer { buffer -> (PositionCSVParser.LineKind, PositionCSVParser.Output) in
                let view = UnsafeBufferPointer(buffer)
                return (fast.parse(utf8: view, into: &fastBuilder), general.parse(utf8: view))
            }
            switch (a, b) {
            case (.record, .record(let record)): generalBuilder.add(record)
            case (.skipped, .skipped), (.header, .header): break
            case (.skipped, .record(let record)):
                // A record with neither position nor report is skipped by the builder form.
                #expect(record.position == nil && record.staticReport == nil, "line \(i + 1)", sourceLocation: sourceLocation)
            case (.failure(let x), .failure(let y)):
                #expect(x.description == y.description, "line \(i + 1)", sourceLocation: sourceLocation)
            default: Issue.record("line \(i + 1): \(a) against \(b)", sourceLocation: sourceLocation)
            }
            #expect(fast.lineNumber == general.lineNumber, "line \(i + 1)", sourceLocation: sourceLocation)
        }
        #expect(fastBuilder.positionCount == generalBuilder.positionCount, sourceLocation: sourceLocation)
        #expect(fastBuilder.staticReportCount == generalBuilder.staticReportCount, sourceLocation: sourceLocation)
        let x = fastBuilder.build()
        let y = generalBuilder.build()
        try #require(x.count == y.count, sourceLocation: sourceLocation)
        #expect(x.reduce(0) { $0 + $1.count } > 0, "no position was read", sourceLocation: sourceLocation)
        for (s, t) in zip(x, y) {
            #expect(s.mmsi == t.mmsi, sourceLocation: sourceLocation)
            #expect(s.identity == t.identity, "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.times == t.times, "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.latitudes.map(\.bitPattern) == t.latitudes.map(\.bitPattern), "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.longitudes.map(\.bitPattern) == t.longitudes.map(\.bitPattern), "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.speeds.map(\.bitPattern) == t.speeds.map(\.bitPattern), "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.courses.map(\.bitPattern) == t.courses.map(\.bitPattern), "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.headings == t.headings, "\(s.mmsi)", sourceLocation: sourceLocation)
            #expect(s.statuses == t.statuses, "\(s.mmsi)", sourceLocation: sourceLocation)
        }
    }
}
