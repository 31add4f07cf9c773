import Foundation
import Testing

@Suite("capwatch analyze on the real binary")
struct AnalyzeCommandTests {
    /// Two tankers drift together 30 km off any port for 2 h 30 min, then part; a third vessel
    /// goes silent for 13 h (a closed AIS gap) and a fourth stops reporting 14 h before the end of
    /// the data (an open gap). Positions every 10 minutes in the Capwatch CSV layout.
    ///
    /// Hand calculation: 0.001° of latitude is 111 m, so the pair 0.002° apart is 222 m apart
    /// (≤ 500 m); both at 0.3 kn (< 2 kn); together from 02:00 to 04:30 (2.5 h ≥ 2 h). Tanker B
    /// arrives from the north and leaves at 12 kn: 0.0333° (3.7 km) per 10 minutes, so it is
    /// 3.9 km away at 01:50 and 04:40 and no position implies more than 50 kn.
    static func scenarioCSV() -> String {
        var rows = ["timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught"]
        func time(_ minutes: Int) -> String {
            String(format: "2019-03-01T%02d:%02d:00Z", minutes / 60, minutes % 60)
        }
        // Tanker A (445 = DPRK MID) and tanker B, 00:00–12:00; together 02:00–04:30.
        for m in stride(from: 0, through: 720, by: 10) {
            rows.append("\(time(m)),445123000,31.000,124.000,0.3,90,,CHON MA SAN,Tanker,80,8660313,HMYU,8.5")
            let away = m < 120 ? Double(120 - m) / 10 : (m > 270 ? Double(m - 270) / 10 : 0)
            let lat = String(format: "%.4f", 31.002 + away * 0.0333)
            let sog = away > 0 ? "12.0" : "0.3"
            rows.append("\(time(m)),352001000,\(lat),124.000,\(sog),0,,KOTI,Tanker,80,9417115,3FSB8,7.0")
        }
        // A cargo ship reporting at 00:00–01:00, silent 13 h, then 14:00–15:00.
        for m in [0, 30, 60, 840, 870, 900] { rows.append("\(time(m)),538001000,31.5,124.5,10.0,0,,SILENT ONE,Cargo,70,,,") }
        // The last data of all is at 23:00 (see below); this ship stops at 09:00: an open 14 h gap.
        for m in [480, 510, 540] { rows.append("\(time(m)),538002000,32.0,125.0,0.0,0,,LAST SEEN,Cargo,70,,,") }
        rows.append("\(time(1380)),538003000,32.5,125.5,0.0,0,,LATE,Cargo,70,,,")
        return rows.joined(separator: "\n") + "\n"
    }

    @Test("finds the 2.5 h encounter, the closed gap and the open gap, and writes the three files")
    func scenario() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("scenario.csv")
        try Self.scenarioCSV().write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try CommandRunner.run(["analyze", input.path, "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        // Tanker A is also slow (0.3 kn) at one spot for 12 h with no port list: loitering (issue #4).
        // Tanker B is slow only 02:00–03:50 in whole slow hours (1.8 h < 2 h): not loitering.
        #expect(r.stdout.contains("Events: 4 (encounter 1, gap 2, loitering 1)"))
        #expect(r.stdout.contains("445123000 CHON MA SAN  100  (+50 listed"))

        let data = try Data(contentsOf: out.appendingPathComponent("events.json"))
        let events = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let encounters = events.filter { $0["kind"] as? String == "encounter" }
        #expect(encounters.count == 1)
        let e = try #require(encounters.first)
        #expect(e["mmsi"] as? [Int] == [352001000, 445123000])
        // Together from 02:00 to 04:30; the detector works on 10-minute slices.
        #expect(e["start"] as? String == "2019-03-01T02:00:00Z")
        #expect(e["end"] as? String == "2019-03-01T04:30:00Z")
        #expect((e["parameters"] as? [String: Any])?["max_distance_m"] as? Double == 500)

        let gaps = events.filter { $0["kind"] as? String == "gap" }
        let closed = try #require(gaps.first { ($0["mmsi"] as? [Int]) == [538001000] })
        #expect(closed["start"] as? String == "2019-03-01T01:00:00Z")
        #expect(closed["end"] as? String == "2019-03-01T14:00:00Z")
        let open = try #require(gaps.first { ($0["mmsi"] as? [Int]) == [538002000] })
        #expect(open["end"] is NSNull)

        let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("events.geojson"))) as? [String: Any]
        #expect(geojson?["type"] as? String == "FeatureCollection")
        #expect(((geojson?["features"] as? [Any])?.count ?? 0) >= 3)

        let vessels = try String(contentsOf: out.appendingPathComponent("vessels.csv"), encoding: .utf8).split(separator: "\n")
        #expect(vessels.count == 1 + 5)
        #expect(vessels.contains { $0.hasPrefix("445123000,445,CHON MA SAN,HMYU,8660313,true,80,") })
        // The names and IMO numbers are those of two tankers on OFAC's SDN list (CHON MA SAN, IMO
        // 8660313, ent_num 23729; KOTI, IMO 9417115, ent_num 23786 — sdn.csv remarks), so screening
        // marks both. Counts per kind, then the risk score with its top three reasons:
        // listed 50 + DPRK flag 30 + tanker 15 + encounter 5 = 100 for CHON MA SAN;
        // listed 50 + encounter with a DPRK-flagged vessel 30 + tanker 15 = 95 for KOTI.
        #expect(vessels.contains { $0.hasPrefix("445123000,") && $0.contains(",1,0,1,0,0,0,0,0,100,") && $0.hasSuffix(",true,OFAC:23729") })
        #expect(vessels.contains { $0.hasPrefix("352001000,") && $0.contains(",95,") && $0.hasSuffix(",true,OFAC:23786") })
        #expect(vessels.contains { $0.hasPrefix("538001000,") && $0.hasSuffix(",false,") })
    }

    @Test("a position inside a port's radius is not an encounter")
    func portExclusion() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("scenario.csv")
        try Self.scenarioCSV().write(to: input, atomically: true, encoding: .utf8)
        let ports = dir.appendingPathComponent("ports.csv")
        // 0.05° of latitude (5.6 km) from the meeting point: within the 10 km exclusion.
        try "name,lat,lon\nTest Anchorage,31.05,124.0\n".write(to: ports, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["analyze", input.path, "--ports", ports.path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Events: 2 (gap 2)"))
    }

    @Test("the shipped AISHub sample: every vessel the peers decode is tracked")
    func aishubSample() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["analyze", "Samples/ais-nmea-sample.log", "--ports", "Samples/wpi-ports.csv", "--out", dir.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        // pyais 3.3.1 decodes 82,744 messages from this capture (SOURCES.md §5).
        #expect(r.stdout.contains("82744 messages decoded"))
        // The 8 sentences with 6 fill bits are rejected (SOURCES.md §5: pyais rejects them too).
        #expect(r.stdout.contains("bad_fill_bits 8"))
        // Counted from the pyais golden decode: distinct MMSIs ≤ 999,999,999 that sent a position
        // report (types 1, 2, 3, 18, 19, 27) with a valid position, or static data (5, 19, 24):
        // 10,334 (a short Python pass over ais-nmea-sample.log.pyais.expected.jsonl.gz).
        let rows = try String(contentsOf: dir.appendingPathComponent("vessels.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 10_334)
        // Base stations put this capture on 14 March 2012, 11:29–11:34 UTC (type 4 reports).
        #expect(r.stdout.contains("Time span: 2012-03-14T11:"))
    }

    @Test("bad input: an unrecognised file and a missing file fail with one line naming the file")
    func badInput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let junk = dir.appendingPathComponent("notes.txt")
        try "these are not AIS positions\njust words\n".write(to: junk, atomically: true, encoding: .utf8)
        let r1 = try CommandRunner.run(["analyze", junk.path, "--out", dir.appendingPathComponent("o").path])
        #expect(r1.status != 0)
        #expect(r1.stderr.contains("notes.txt: unrecognised input"))
        let r2 = try CommandRunner.run(["analyze", dir.appendingPathComponent("missing.nmea").path])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("missing.nmea: cannot open"))
    }

    @Test("a CSV whose lines end with a carriage return alone is refused with the conversion to make, not read as 0 rows")
    func carriageReturnOnlyLines() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("mac.csv")
        try "timestamp,mmsi,lat,lon,sog\r2018-04-01T00:00:00Z,266000009,55.5,16.0,5\r".write(to: file, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["analyze", file.path, "--out", dir.appendingPathComponent("o").path, "--lists", "none"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("mac.csv: unrecognised input") && r.stderr.contains("carriage return alone"), "\(r.stderr)")
    }

    @Test("a CSV row with a bad field is reported by file, line and field; the other rows are kept")
    func badRow() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("rows.csv")
        try """
            timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught
            2019-03-01T00:00:00Z,445123000,31.0,124.0,0.3,90,,A,,,,,
            2019-03-01T00:10:00Z,445123000,abc,124.0,0.3,90,,A,,,,,
            2019-03-01T00:20:00Z,445123000,31.0,124.0,0.3,90,,A,,,,,

            """.write(to: input, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["analyze", input.path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2 rows read, 1 rows rejected"))
        #expect(r.stdout.contains("rows.csv: line 3, field \"lat\""))
        #expect(r.stdout.contains("2 positions"))
        // With --quiet the summary is not printed, but the rejection still is, on standard error.
        let quiet = try CommandRunner.run(["analyze", input.path, "--out", dir.appendingPathComponent("q").path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
        #expect(quiet.stderr.contains("warning: 1 CSV row(s) rejected; first: \(input.path): line 3, field \"lat\""), "stderr: \(quiet.stderr)")
    }

    @Test("a line break inside a quoted ship name is kept in vessels.csv and printed as a space in the summary")
    func lineBreakInName() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("names.csv")
        // A 13 h silence makes a gap, so the vessel is among the top events with its name.
        try """
            timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught
            2019-03-01T00:00:00Z,445123000,31.0,124.0,0.3,90,,"SEA
            STAR",,,,,
            2019-03-01T13:00:00Z,445123000,31.0,124.0,0.3,90,,"SEA
            STAR",,,,,

            """.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("o")
        let r = try CommandRunner.run(["analyze", input.path, "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("gap  445123000 SEA STAR  2019-03-01T00:00:00Z"), "stdout: \(r.stdout)")
        let csv = try String(contentsOf: out.appendingPathComponent("vessels.csv"), encoding: .utf8)
        #expect(csv.contains("445123000,445,\"SEA\nSTAR\","))
    }
    @Test("vessels.csv quotes a cell with a comma or a quote (names, call signs, risk reasons) and keeps others as they are")
    func quotedCells() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("names.csv")
        try """
            timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught
            2019-03-01T00:00:00Z,445123001,31.0,124.0,0.3,90,,"ANNA, B",,,,"C""1",
            2019-03-01T00:00:00Z,445123002,31.1,124.0,0.3,90,,ÉTOILE,,,,,
            2019-03-01T00:00:00Z,211123003,31.2,124.0,0.3,90,,PLAIN,,,,,

            """.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("o")
        let r = try CommandRunner.run(["analyze", input.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = try String(contentsOf: out.appendingPathComponent("vessels.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.map { $0.prefix(while: { $0 != "," }) } == ["211123003", "445123001", "445123002"])
        #expect(rows.dropFirst().first?.hasPrefix("445123001,445,\"ANNA, B\",\"C\"\"1\",") == true)
        #expect(rows.last?.hasPrefix("445123002,445,ÉTOILE,,") == true)
        #expect(rows.last?.hasSuffix(",30,\"+30 dprk_flag: MID 445, DPRK flag\",false,") == true)
        #expect(rows.first?.hasSuffix(",0,,false,") == true)
    }

    @Test("a CSV large enough to be parsed on both cores, from a file (two halves) and from standard input (rounds): same counts, exact line numbers, a quoted line break across the cut")
    func largeCSVParsedInParallel() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("large.csv")
        // 30,000 rows of one vessel every 10 s (about 2.2 MB, more than the 1 MB below which a
        // round is parsed on one core). Rows 14,000–16,000 carry a quoted name with a line break, so
        // physical lines and records differ; the cut falls at the first line break after the middle
        // of the lines after the header, and padding is added to the first row until that break is
        // inside quotes.
        // Row 25,000 has a bad latitude: its physical line is 1 (header) + 25,000 + the 2,001 extra
        // lines of the quoted names before it.
        let header = "timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught\n"
        let formatter = ISO8601DateFormatter()
        func rows(padding: Int) -> String {
            var text = header
            for k in 1...30_000 {
                let seconds = 1_551_398_400 + k * 10  // from 2019-03-01T00:00:00Z
                let t = Date(timeIntervalSince1970: TimeInterval(seconds))
                let stamp = formatter.string(from: t)
                let lat = k == 25_000 ? "abc" : String(format: "%.5f", 30 + Double(k) * 0.0001)
                var name = "TANKER"
                if k == 1 { name += String(repeating: "X", count: padding) }
                if (14_000...16_000).contains(k) { name = "\"LINE\nBREAK\"" }
                text += "\(stamp),445123000,\(lat),124.0,8.0,90,,\(name),,,,,\n"
            }
            return text
        }
        var padding = 0
        var text = rows(padding: 0)
        while true {
            // Both readers cut the lines after the header in the middle: at the first line break
            // after header + (size − header) / 2.
            let bytes = Array(text.utf8)
            let bodyStart = header.utf8.count
            var cut = bodyStart + (bytes.count - bodyStart) / 2
            while bytes[cut] != 10 { cut += 1 }
            let quotesBefore = bytes[0..<cut].filter { $0 == 34 }.count
            if quotesBefore % 2 == 1 { break }  // the break at the cut is inside a quoted name
            padding += 1
            text = rows(padding: padding)
        }
        try text.write(to: input, atomically: true, encoding: .utf8)
        // From the file: two halves read at once, the second read again after the first ends in quotes.
        let r = try CommandRunner.run(["analyze", input.path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.stdout.contains("29999 rows read, 1 rows rejected"), "stdout: \(r.stdout)")
        #expect(r.stdout.contains("large.csv: line \(1 + 25_000 + 2_001), field \"lat\""))
        #expect(r.stdout.contains("29999 positions"))
        // From standard input: rounds cut in two, the second half parsed again the same way.
        let piped = try CommandRunner.run(["analyze", "-", "--out", dir.appendingPathComponent("p").path], stdin: Data(text.utf8))
        #expect(piped.stdout.contains("29999 rows read, 1 rows rejected"), "stdout: \(piped.stdout)")
        #expect(piped.stdout.contains("-: line \(1 + 25_000 + 2_001), field \"lat\""))
        #expect(piped.stdout.contains("29999 positions"))
        // Without a quote at the cut (the names on one line), the two halves stand: the bad
        // latitude's line comes from the second half's count shifted by the first's.
        let plain = dir.appendingPathComponent("plain.csv")
        try text.replacingOccurrences(of: "\"LINE\nBREAK\"", with: "LINEBREAK").write(to: plain, atomically: true, encoding: .utf8)
        let p = try CommandRunner.run(["analyze", plain.path, "--out", dir.appendingPathComponent("q").path])
        #expect(p.stdout.contains("29999 rows read, 1 rows rejected"), "stdout: \(p.stdout)")
        #expect(p.stdout.contains("plain.csv: line \(1 + 25_000), field \"lat\""))
    }

    @Test("empty lines and junk before the header count as lines: the same true line numbers from a small file, a large one and standard input")
    func linesBeforeTheHeader() throws {
        let dir = try CommandRunner.temporaryDirectory()
        // Line 1 empty, line 2 junk, line 3 empty, line 4 the header, then rows from line 5; the
        // row on line 5 + k has k seconds. Row k = 7 (line 12) has a bad latitude, and in the large
        // file (20,000 rows, over 1 MiB: read as two halves) so has row k = 15,000 (line 15,005).
        func text(rows: Int) -> String {
            var t = "\njunk before the header\n\ntimestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught\n"
            for k in 0..<rows {
                let lat = k == 7 || k == 15_000 ? "abc" : "31.0"
                t += "2019-03-01T\(String(format: "%02d:%02d:%02d", k / 3600, k / 60 % 60, k % 60))Z,445123000,\(lat),124.0,8.0,90,,TANKER WITH A LONGER NAME,,,,,\n"
            }
            return t
        }
        let small = dir.appendingPathComponent("small.csv")
        try text(rows: 20).write(to: small, atomically: true, encoding: .utf8)
        let large = dir.appendingPathComponent("large.csv")
        try text(rows: 20_000).write(to: large, atomically: true, encoding: .utf8)
        let file = try CommandRunner.run(["analyze", small.path, "--out", dir.appendingPathComponent("a").path, "--lists", "none"])
        #expect(file.stdout.contains("small.csv: line 12, field \"lat\""), "stdout: \(file.stdout)")
        let piped = try CommandRunner.run(["analyze", "-", "--out", dir.appendingPathComponent("b").path, "--lists", "none"],
                                          stdin: try Data(contentsOf: small))
        #expect(piped.stdout.contains("-: line 12, field \"lat\""), "stdout: \(piped.stdout)")
        let halves = try CommandRunner.run(["analyze", large.path, "--out", dir.appendingPathComponent("c").path, "--lists", "none"])
        #expect(halves.stdout.contains("large.csv: line 12, field \"lat\""), "stdout: \(halves.stdout)")
        #expect(halves.stdout.contains("large.csv: line 15005, field \"lat\""), "stdout: \(halves.stdout)")
        let rounds = try CommandRunner.run(["analyze", "-", "--out", dir.appendingPathComponent("d").path, "--lists", "none"],
                                           stdin: try Data(contentsOf: large))
        #expect(rounds.stdout.contains("-: line 15005, field \"lat\""), "stdout: \(rounds.stdout)")
    }

    @Test("negative thresholds are refused by name, and an unwritable output directory before any reading")
    func badOptions() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r1 = try CommandRunner.run(["analyze", "Samples/ais-nmea-sample.log", "--gap-hours", "-1"])
        #expect(r1.status != 0)
        #expect(r1.stderr.contains("--gap-hours must be a number of hours above 0"))
        // 3 × 10¹² hours would overflow the detectors' milliseconds: refused, not a trap.
        let huge = try CommandRunner.run(["analyze", "Samples/ais-nmea-sample.log", "--gap-hours", "3e12"])
        #expect(huge.status != 0 && huge.stderr.contains("at most 87,600"))
        let file = dir.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let r2 = try CommandRunner.run(["analyze", dir.appendingPathComponent("missing.csv").path, "--out", file.path])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("a-file: cannot create the output directory"))
    }

    @Test("an output that cannot be replaced (vessels.csv is a directory) fails by name before any file is replaced, and leaves no temporary file")
    func outputsReplacedAllOrNone() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("vessels.csv"), withIntermediateDirectories: true)
        try "old\n".write(to: out.appendingPathComponent("events.json"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["analyze", "Samples/ais-nmea-sample.log", "--lists", "none", "--out", out.path, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("vessels.csv: cannot write: it is a directory"), "\(r.stderr)")
        // The earlier events.json is untouched, no other output appeared, no temporary file is left.
        #expect(try String(contentsOf: out.appendingPathComponent("events.json"), encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["events.json", "vessels.csv"])
    }

    @Test("--detectors keeps the kinds asked for; --lists none screens nothing; an unknown kind is refused")
    func detectorSelection() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("scenario.csv")
        try Self.scenarioCSV().write(to: input, atomically: true, encoding: .utf8)
        // The scenario's four events less the loitering of tanker A (see scenario()).
        let r = try CommandRunner.run(["analyze", input.path, "--out", dir.appendingPathComponent("o").path, "--detectors", "encounter,gap",
                                       "--lists", "none"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Events: 3 (encounter 1, gap 2)"), "stdout: \(r.stdout)")
        // Not screened: CHON MA SAN's listing (+50) is not among the reasons, and no warning about missing lists.
        #expect(!r.stdout.contains("listed"))
        #expect(!r.stderr.contains("no sanctions lists"))
        let loiterOnly = try CommandRunner.run(["analyze", input.path, "--out", dir.appendingPathComponent("p").path, "--detectors", "loitering"])
        #expect(loiterOnly.stdout.contains("Events: 1 (loitering 1)"), "stdout: \(loiterOnly.stdout)")
        let bad = try CommandRunner.run(["analyze", input.path, "--detectors", "encounters"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'encounters' is not one of all, encounter, gap"))
    }
}
