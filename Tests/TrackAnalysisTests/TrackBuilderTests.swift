import CapwatchCore
import Testing
import TrackAnalysis

@Suite("Track builder")
struct TrackBuilderTests {
    @Test func sortsDeduplicatesAndFlagsOutliers() throws {
        let p = { (lat: Double) in GeoPoint(latitude: lat, longitude: 124.0) }
        // One vessel steaming north 0.009° (≈ 1,000 m) every 10 min: 1,000 m / 600 s = 1.67 m/s = 3.2 kn.
        var positions = (0..<6).map { i in PositionReport(mmsi: mmsi(445_000_001), time: at(0, 10 * i), position: p(38.0 + 0.009 * Double(i)), sog: 3.2) }
        // The 00:20 report heard by a second receiver: same time and position, counted once.
        positions.append(positions[2])
        // At 00:35 a jump of 0.45° (≈ 50 km) from the 00:30 position: 50,000 m / 300 s = 166.7 m/s = 324 kn > 50 kn → outlier.
        positions.append(PositionReport(mmsi: mmsi(445_000_001), time: at(0, 35), position: p(38.0 + 0.027 + 0.45), sog: 3.2))
        positions.reverse()  // any order
        let tracks = buildTracks(positions)
        let track = try #require(tracks.first)
        #expect(tracks.count == 1)
        #expect(track.count == 7)  // 6 + the outlier; the duplicate dropped
        #expect(track.duplicateCount == 1)
        #expect(track.times == track.times.sorted())
        #expect(track.outlierCount == 1)
        #expect(track[4].isOutlier && track[4].time == at(0, 35))
        // 00:40 is compared with 00:30 (the last kept position), not with the outlier: 2,000 m in 600 s = 6.5 kn, kept.
        #expect(!track[5].isOutlier && track[5].time == at(0, 40))
        #expect(track.keptIndices == [0, 1, 2, 3, 5, 6])
    }

    @Test("positions taken out, kept elsewhere and appended back by vessel group build the same tracks")
    func takeAndAppendInGroups() throws {
        // Three vessels; the second half of the reports goes back in time for 352000001 (its
        // track must be sorted) and repeats one report (a duplicate); static reports in between.
        let p = { (lat: Double) in GeoPoint(latitude: lat, longitude: 124.0) }
        var positions: [PositionReport] = []
        for i in 0..<12 {
            positions.append(PositionReport(mmsi: mmsi(445_000_001), time: at(0, 10 * i), position: p(38 + 0.009 * Double(i)), sog: 3.2))
            positions.append(PositionReport(mmsi: mmsi(352_000_001), time: at(0, i < 6 ? 10 * i + 5 : 10 * (i - 6) + 2), position: p(39), sog: 0.1))
        }
        positions.append(positions[4])
        positions.append(PositionReport(mmsi: mmsi(538_000_001), time: at(2), position: p(40), sog: nil))
        let statics = [StaticReport(mmsi: mmsi(445_000_001), time: at(0), name: "ONE", draught: 6),
                       StaticReport(mmsi: mmsi(445_000_001), time: at(1), name: "ONE", draught: 9),
                       StaticReport(mmsi: mmsi(636_000_001), time: at(1), name: "STATIC ONLY")]
        let whole = buildTracks(positions, statics)

        var b = TrackBuilder()
        var kept: [(MMSI, PositionColumns)] = []
        for (i, r) in positions.enumerated() {
            b.add(r)
            if i == 9 { b.takePositions { kept.append(($0, $1)) } }
        }
        for s in statics { b.add(s) }
        b.takePositions { kept.append(($0, $1)) }
        #expect(b.heldPositionCount == 0)
        #expect(b.positionCount == positions.count)
        #expect(b.latestTime == at(2).millisecondsSince1970)
        let group = { (m: MMSI) in Int(m.rawValue % 2) }
        var groups = b.split(into: 2, by: group)
        for (m, columns) in kept { groups[group(m)].append(mmsi: m, positions: columns) }
        let rebuilt = groups.flatMap { $0.build() }.sorted { $0.mmsi < $1.mmsi }

        #expect(rebuilt.map(\.mmsi) == whole.map(\.mmsi))
        #expect(rebuilt.count == 4)
        for (r, w) in zip(rebuilt, whole) {
            #expect(r.times == w.times)
            #expect(r.latitudes == w.latitudes)
            #expect(r.outliers == w.outliers)
            #expect(r.duplicateCount == w.duplicateCount)
            #expect(r.identity.versions.map(\.since) == w.identity.versions.map(\.since))
        }
        // 352000001's 12 reports arrive out of order and come back sorted; 445000001 lost one duplicate.
        #expect(rebuilt[0].times == rebuilt[0].times.sorted() && rebuilt[0].count == 12)
        #expect(rebuilt[1].duplicateCount == 1 && rebuilt[1].count == 12)
    }

    @Test("the tracks do not depend on the order of the input rows, also for positions of the same time")
    func rowOrderDoesNotMatter() throws {
        // Three positions at 00:10 (two receivers disagreeing, and one exact duplicate of the
        // second with a different SOG), around ordinary ones; 0.009° of latitude ≈ 1 km.
        let p = { (lat: Double) in GeoPoint(latitude: lat, longitude: 124.0) }
        let v = mmsi(445_000_003)
        let reports = [
            PositionReport(mmsi: v, time: at(0), position: p(38.000), sog: 3),
            PositionReport(mmsi: v, time: at(0, 10), position: p(38.009), sog: 3),
            PositionReport(mmsi: v, time: at(0, 10), position: p(38.002), sog: 3),
            PositionReport(mmsi: v, time: at(0, 10), position: p(38.002), sog: 4),
            PositionReport(mmsi: v, time: at(0, 20), position: p(38.018), sog: 3),
        ]
        let forward = try #require(buildTracks(reports).first)
        for order in [[4, 3, 2, 1, 0], [0, 3, 1, 2, 4], [2, 0, 4, 1, 3]] {
            let other = try #require(buildTracks(order.map { reports[$0] }).first)
            #expect(other.times == forward.times && other.latitudes == forward.latitudes && other.speeds == forward.speeds, "\(order)")
        }
        // Same time: 38.002 before 38.009; the duplicate at 38.002 keeps SOG 3 (3 < 4) and is counted once.
        #expect(forward.latitudes == [38.000, 38.002, 38.009, 38.018])
        #expect(forward.speeds == [3, 3, 3, 3] && forward.duplicateCount == 1)
    }

    @Test func identityJoinedOverTime() throws {
        let v = mmsi(445_000_002)
        let statics = [
            StaticReport(mmsi: v, time: at(3), name: "SKY BLUE", callSign: "HPAB", imo: IMONumber(rawValue: 9_074_729), shipType: 80, draught: 6.0),
            StaticReport(mmsi: v, time: at(1), name: "RYE SONG", callSign: "HPAB", imo: IMONumber(rawValue: 9_074_729), shipType: 80, draught: 6.0),
            StaticReport(mmsi: v, time: at(2), name: "RYE SONG", callSign: "HPAB", imo: IMONumber(rawValue: 9_074_729), shipType: 80, draught: 6.0),
            StaticReport(mmsi: v, time: at(5), draught: 11.5),  // laden
        ]
        let track = try #require(buildTracks([], statics).first)
        #expect(track.isEmpty)
        #expect(track.identity.versions.map(\.since) == [at(1), at(3), at(5)])
        #expect(track.identity.versions.map(\.identity.name) == ["RYE SONG", "SKY BLUE", "SKY BLUE"])
        #expect(track.identity.current?.draught == 11.5 && track.identity.current?.imo?.rawValue == 9_074_729)
    }

    @Test func csvRecordsFeedTheBuilder() throws {
        var parser = PositionCSVParser()
        var builder = TrackBuilder()
        for line in [
            "timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught",
            "2024-05-01T00:00:00Z,445000003,38.0,124.0,0.2,,,CHON MA SAN,,80,,HMYC,5.0",
            "2024-05-01T00:10:00Z,445000003,38.0,124.0,0.2,,,CHON MA SAN,,80,,HMYC,5.0",
        ] {
            if case .record(let r) = parser.parse(line: line) { builder.add(r) }
        }
        #expect(builder.positionCount == 2 && builder.staticReportCount == 2)
        let track = try #require(builder.build().first)
        #expect(track.count == 2 && track.identity.versions.count == 1 && track.identity.current?.name == "CHON MA SAN")
    }
    @Test("two builders appended in input order give the tracks of one builder fed everything")
    func appendedBuildersMatchOneBuilder() throws {
        let v = mmsi(445_000_003)
        let w = mmsi(445_000_004)
        let p = { (lat: Double) in GeoPoint(latitude: lat, longitude: 124.0) }
        // First part: v at 00:00–00:20 (3 positions) and its identity; second part: v at 00:30 and
        // 00:10 again (out of order), w at 00:05, and v's identity repeated unchanged (dropped, as a
        // single builder drops it) then changed (kept).
        let first = (0..<3).map { PositionReport(mmsi: v, time: at(0, 10 * $0), position: p(38 + 0.001 * Double($0)), sog: 1) }
        let second = [
            PositionReport(mmsi: v, time: at(0, 30), position: p(38.003), sog: 1),
            PositionReport(mmsi: w, time: at(0, 5), position: p(37), sog: 2),
            PositionReport(mmsi: v, time: at(0, 10), position: p(38.001), sog: 1),  // the 00:10 report heard twice
        ]
        let identity = StaticReport(mmsi: v, time: at(0, 1), name: "RYE SONG", draught: 6)
        let repeated = StaticReport(mmsi: v, time: at(0, 31), name: "RYE SONG", draught: 6)
        let changed = StaticReport(mmsi: v, time: at(0, 32), name: "RYE SONG", draught: 11.5)
        var one = TrackBuilder()
        var a = TrackBuilder()
        var b = TrackBuilder()
        for r in first { one.add(r); a.add(r) }
        one.add(identity); a.add(identity)
        for r in second { one.add(r); b.add(r) }
        for s in [repeated, changed] { one.add(s); b.add(s) }
        a.append(contentsOf: b)
        #expect(a.positionCount == 6 && a.staticReportCount == 3)
        let joined = a.build()
        let reference = one.build()
        #expect(joined.map(\.mmsi) == [v, w])
        #expect(joined.map(\.times) == reference.map(\.times))
        #expect(joined.map(\.latitudes) == reference.map(\.latitudes))
        #expect(joined.map(\.duplicateCount) == [1, 0])
        // Identity versions: RYE SONG at 00:01 (6 m), then the draught change at 00:32; the unchanged repeat adds none.
        let versions = try #require(joined.first).identity.versions
        #expect(versions.map(\.since) == [at(0, 1), at(0, 32)])
        #expect(versions.map(\.since) == reference[0].identity.versions.map(\.since))
    }

    @Test("thousands of vessels reporting in turn: each track gets exactly its own positions, in time order")
    func manyInterleavedVessels() throws {
        // 3,000 vessels (the builder's MMSI table starts with room for 64 and grows several
        // times), MMSIs spread over the range, each reporting 3 times in turn, newest first.
        // Vessel k sits at latitude k/100 and moves 0.001° north each hour (0.001° = 111 m per
        // hour, far below the outlier limit), so every position says whose it is.
        let count = 3_000
        let mmsis = (0..<count).map { k in mmsi(UInt32(200_000_000 + (k * 7_919) % 500_000_000)) }
        var b = TrackBuilder()
        for hour in (0..<3).reversed() {
            for (k, m) in mmsis.enumerated() {
                b.add(PositionReport(mmsi: m, time: at(hour), position: GeoPoint(latitude: Double(k) / 100 + 0.001 * Double(hour), longitude: 124), sog: 0.1))
            }
        }
        #expect(b.heldPositionCount == 3 * count)
        let tracks = b.build()
        #expect(tracks.count == count)
        #expect(tracks.map(\.mmsi) == mmsis.sorted())
        for track in tracks {
            let k = try #require(mmsis.firstIndex(of: track.mmsi))
            #expect(track.times == [at(0), at(1), at(2)].map(\.millisecondsSince1970))
            #expect(track.latitudes == [0, 1, 2].map { Double(k) / 100 + 0.001 * Double($0) })
        }
    }

    @Test("positions taken as raw columns and appended back build the same tracks, also those given as columns")
    func rawTakeRoundTrip() throws {
        // Two vessels reporting every 10 min, one of them out of order; a third vessel's
        // positions given as columns (as they come back from a file) before the take.
        let p = { (lat: Double) in GeoPoint(latitude: lat, longitude: 124.0) }
        var positions: [PositionReport] = []
        for i in 0..<8 {
            positions.append(PositionReport(mmsi: mmsi(445_000_001), time: at(0, 10 * i), position: p(38 + 0.009 * Double(i)), sog: 3.2, heading: 10))
            positions.append(PositionReport(mmsi: mmsi(352_000_001), time: at(0, 10 * (7 - i)), position: p(39), sog: nil, navigationalStatus: 5))
        }
        let third = PositionColumns(times: [at(1).millisecondsSince1970, at(2).millisecondsSince1970], latitudes: [40, 40.009],
                                    longitudes: [124, 124], speeds: [1, .nan], courses: [.nan, 90], headings: [-1, 7], statuses: [0, -1])
        var whole = TrackBuilder()
        for r in positions { whole.add(r) }
        whole.append(mmsi: mmsi(538_000_001), positions: third)
        let expected = whole.build()

        var b = TrackBuilder()
        for r in positions { b.add(r) }
        b.append(mmsi: mmsi(538_000_001), positions: third)
        var kept: [(MMSI, PositionColumns)] = []
        b.takePositions(raw: { m, count, raw in
            var columns = PositionColumns(capacity: count)
            columns.append(count: count, rawColumns: raw)
            kept.append((m, columns))
        })
        #expect(b.heldPositionCount == 0)
        #expect(kept.map(\.1.count).reduce(0, +) == positions.count + 2)
        for (m, columns) in kept { b.append(mmsi: m, positions: columns) }
        let rebuilt = b.build()
        #expect(rebuilt.map(\.mmsi) == expected.map(\.mmsi))
        for (r, e) in zip(rebuilt, expected) {
            #expect(r.times == e.times)
            #expect(r.latitudes == e.latitudes)
            #expect(r.headings == e.headings)
            #expect(r.statuses == e.statuses)
            #expect(zip(r.speeds, e.speeds).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        }
    }
}
