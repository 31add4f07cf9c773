import CapwatchCore
import Foundation
import Testing
import TrackAnalysis

@Suite("Position CSV")
struct PositionCSVParserTests {
    // The Capwatch common layout, two rows as in /work/shared/data/tracks/baltic_20180401.csv, plus
    // a row with only a position and a bad latitude on line 5.
    let capwatch = """
        timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught
        2018-04-01T00:03:15Z,211409660,54.30515,13.11573,0.0,133.3,,CAPELLA,LAW_ENFORCEMENT,55,9296949,DBBB,1.7
        2018-04-01T00:03:18Z,212308000,54.582706,11.057357,9.8,87.0,,NEMUNA,CARGO,70,9179361,5BDM4,5.3
        2016-06-01T00:00:00Z,305261000,35.980011,-5.5192528,8.1,253,251.0,,,,,,
        2018-04-01T00:04:00Z,212308000,abc,11.06,9.8,87.0,,,,,,,
        2018-04-01T00:05:00Z,212308000,54.6,11.07,9.9,87.0,,,,,,,
        """

    @Test func capwatchLayout() throws {
        let batch = PositionCSVBatch(text: capwatch)
        #expect(batch.layout?.format == .capwatch)
        #expect(batch.positions.count == 4)
        #expect(batch.staticReports.count == 2)  // the rows with a name, IMO, call sign …
        let first = try #require(batch.positions.first)
        #expect(first.mmsi.rawValue == 211_409_660 && first.time == Timestamp(iso8601: "2018-04-01T00:03:15Z"))
        #expect(first.position == GeoPoint(latitude: 54.30515, longitude: 13.11573))
        #expect(first.sog == 0 && first.cog == 133.3 && first.heading == nil)
        #expect(batch.positions[2].heading == 251)
        let s = try #require(batch.staticReports.first)
        #expect(s.name == "CAPELLA" && s.callSign == "DBBB" && s.imo?.rawValue == 9_296_949 && s.shipType == 55 && s.draught == 1.7)
        // The bad row is reported with its line and field, and the next row is still read.
        #expect(batch.errors.count == 1)
        #expect(batch.errors.first?.description == #"line 5, field "lat": "abc" is not a number"#)
        #expect(batch.errors.first?.line == 5 && batch.errors.first?.field == "lat")
    }

    // Danish Maritime Authority export (aisdata.ais.dk), real column layout: a Class A tanker with
    // identity, a base station without identity, a row with "not available" position (91/181),
    // and a row whose SOG is garbage.
    let dma = """
        # Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,Data source type,A,B,C,D\r
        27/02/2023 00:00:00,Class A,219005931,56.796167,8.867933,Moored,,0.0,,,Unknown,Unknown,,Undefined,,,,Undefined,,Unknown,,AIS,,,,\r
        27/02/2023 00:00:01,Class A,636019825,57.690000,10.650000,Under way using engine,0.0,11.2,354.9,355,9321172,D5MI7,"NORDIC, STAR",Tanker,No additional information,32,183,GPS,11.5,SKAW,27/02/2023 06:00:00,AIS,150,33,16,16\r
        27/02/2023 00:00:02,Base Station,2190064,56.716500,11.519167,Unknown value,,,,,Unknown,Unknown,,Undefined,,,,GPS,,Unknown,,AIS,,,,\r
        27/02/2023 00:00:03,Class A,219000873,91.000000,181.000000,At anchor,,,,,Unknown,OXKE2,ARNE,Fishing,,6,20,GPS,,Unknown,,AIS,,,,\r
        27/02/2023 00:00:04,Class A,219000873,56.990910,10.304543,At anchor,0.0,fast,30.2,18,Unknown,OXKE2,ARNE,Fishing,,,,GPS,,,,AIS,,,,\r
        """

    @Test func danishMaritimeAuthorityLayout() throws {
        let batch = PositionCSVBatch(text: dma)
        #expect(batch.layout?.format == .danishMaritimeAuthority)
        #expect(batch.positions.count == 3)  // moored, tanker, base station; the 91/181 row has none
        let moored = batch.positions[0]
        #expect(moored.time == Timestamp(year: 2023, month: 2, day: 27))
        #expect(moored.navigationalStatus == 5 && moored.sog == 0 && moored.cog == nil && moored.heading == nil)
        let tanker = batch.positions[1]
        #expect(tanker.navigationalStatus == 0 && tanker.sog == 11.2 && tanker.cog == 354.9 && tanker.heading == 355)
        #expect(batch.positions[2].mmsi.kind == .coastStation)
        // Static reports: the tanker (quoted name with a comma) and the fishing vessel with no position.
        #expect(batch.staticReports.count == 2)
        let t = batch.staticReports[0]
        #expect(t.name == "NORDIC, STAR" && t.callSign == "D5MI7" && t.imo?.rawValue == 9_321_172 && t.shipType == 80)
        #expect(t.length == 183 && t.beam == 32 && t.draught == 11.5 && t.destination == "SKAW")
        let fishing = batch.staticReports[1]
        #expect(fishing.imo == nil && fishing.shipType == 30 && fishing.name == "ARNE")
        #expect(batch.errors.map(\.description) == [#"line 6, field "SOG": "fast" is not a number"#])
    }

    // NOAA MarineCadastre.gov (AIS_2023_01_01.csv layout): heading 511 = not available, IMO with
    // its prefix, numeric ship type and status, semicolon-free; the last row has a bad time.
    let noaa = """
        MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass
        368084090,2023-01-01T00:00:06,29.31414,-94.77413,0.0,245.5,511,LAKE ERIE,IMO9074729,WDJ9436,80,5,183,32,11.2,80,A
        338075892,2023-01-01T00:00:09,40.68391,-74.04432,8.3,51.3,50,,,,,,,,,,B
        368084090,2023-01-01 00:00:70,29.31414,-94.77413,0.0,245.5,511,LAKE ERIE,IMO9074729,WDJ9436,80,5,183,32,11.2,80,A
        """

    @Test func marineCadastreLayout() throws {
        let batch = PositionCSVBatch(text: noaa)
        #expect(batch.layout?.format == .marineCadastre)
        #expect(batch.positions.count == 2)
        let p = batch.positions[0]
        #expect(p.time == Timestamp(iso8601: "2023-01-01T00:00:06Z") && p.heading == nil && p.navigationalStatus == 5)
        #expect(batch.positions[1].heading == 50)
        let s = try #require(batch.staticReports.first)
        #expect(batch.staticReports.count == 1)
        #expect(s.imo?.rawValue == 9_074_729 && s.imo?.isValid == true && s.shipType == 80 && s.length == 183 && s.beam == 32 && s.draught == 11.2)
        #expect(batch.errors.count == 1)
        #expect(batch.errors.first?.code == .invalidTimestamp && batch.errors.first?.line == 4 && batch.errors.first?.field == "BaseDateTime")
    }

    @Test func semicolonDelimiterAndQuotedLineBreak() throws {
        var parser = PositionCSVParser()
        let lines = [
            "timestamp;mmsi;lat;lon;sog;cog;heading;ship_name;ship_type;ship_type_code;imo;callsign;draught",
            "2018-04-01T00:03:15Z;445123000;39.0;124.5;0.1;;;\"SEA",  // the name continues on the next line
            "STAR\";;;;;",
        ]
        guard case .header(let layout) = parser.parse(line: lines[0]) else { Issue.record("no header"); return }
        #expect(layout.delimiter == ";")
        guard case .skipped = parser.parse(line: lines[1]) else { Issue.record("expected a pending record"); return }
        guard case .record(let r) = parser.parse(line: lines[2]) else { Issue.record("expected a record"); return }
        #expect(r.line == 2 && r.staticReport?.name == "SEA\nSTAR" && r.position?.mmsi.mid == 445)
        #expect(parser.finish() == nil)
        // An unterminated quote at the end is reported, not lost.
        _ = parser.parse(line: "2018-04-01T00:03:15Z;445123000;39.0;124.5;;;;\"OPEN")
        #expect(parser.finish()?.code == .unterminatedQuote)
    }

    @Test func unknownHeaderIsAClearError() {
        let batch = PositionCSVBatch(text: "id,when,where\n1,2,3\n")
        #expect(batch.layout == nil)
        #expect(batch.errors.map(\.code) == [.unknownHeader, .missingHeader])
        #expect(batch.errors[0].description.hasPrefix(#"line 1: unrecognised header "id,when,where""#))
    }

    @Test func outOfRangeValues() {
        let batch = PositionCSVBatch(text: """
            timestamp,mmsi,lat,lon,sog,cog,heading
            2018-04-01T00:03:15Z,211409660,95,13,,,
            2018-04-01T00:03:15Z,211409660,54,13,-1,,
            2018-04-01T00:03:15Z,211409660,54,13,,,400
            2018-04-01T00:03:15Z,,54,13,,,
            2018-04-01T00:03:15Z,211409660,54,13,102.3,360,511
            """)
        #expect(batch.errors.map(\.code) == [.outOfRange, .outOfRange, .outOfRange, .emptyField])
        #expect(batch.errors.map(\.field) == ["lat", "sog", "heading", "mmsi"])
        // AIS "not available" values are nil, not errors.
        #expect(batch.positions.count == 1 && batch.positions[0].sog == nil && batch.positions[0].cog == nil && batch.positions[0].heading == nil)
    }

    @Test("a bad cell is shown with control characters escaped and cut at 200 characters; a CR inside the header is named")
    func errorTextIsBoundedAndReadable() {
        let long = String(repeating: "9", count: 300) + "x"
        let batch = PositionCSVBatch(text: """
            timestamp,mmsi,lat,lon
            2018-04-01T00:00:00Z,266000009,\(long),16.0
            2018-04-01T00:00:01Z,266000009,55.5,16\u{0}.0
            """)
        let texts = batch.errors.map(\.description)
        #expect(texts.count == 2)
        #expect(texts.first?.hasSuffix("\(String(repeating: "9", count: 200))… (301 characters)\" is not a number") == true, "\(texts)")
        #expect(texts.last == "line 3, field \"lon\": \"16\\u{0}.0\" is not a number", "\(texts)")
        var parser = PositionCSVParser()
        guard case .failure(let e) = parser.parse(line: "timestamp,mmsi,lat,lon,sog\r2018-04-01T00:00:00Z,266000009,55.5,16.0,5") else {
            Issue.record("a header with a carriage return inside was accepted")
            return
        }
        #expect(e.code == .unknownHeader && e.detail?.contains("carriage return alone") == true)
    }

    @Test("codes without a sign: a negative ship type, MMSI or IMO number is refused, not stored")
    func negativeCodesRefused() {
        let batch = PositionCSVBatch(text: """
            timestamp,mmsi,lat,lon,ship_type_code,imo
            2018-04-01T00:03:15Z,211409660,54,13,-85,
            2018-04-01T00:03:16Z,-211409660,54,13,,
            2018-04-01T00:03:17Z,211409660,54,13,,-9296949
            2018-04-01T00:03:18Z,211409660,54,13,85,9296949
            2018-04-01T00:03:19Z,211409660.0,54,13,-0,
            """)
        #expect(batch.errors.map(\.line) == [2, 3, 4])
        #expect(batch.errors.map(\.field) == ["ship_type_code", "mmsi", "imo"])
        #expect(batch.staticReports.map(\.shipType) == [85])  // -0 is 0: not available
        #expect(batch.positions.count == 2)
    }

    @Test("a row with more or fewer fields than the header is refused, not read with shifted columns")
    func wrongFieldCount() {
        // Line 2: the name MARIA, II unquoted makes 8 fields where the header has 7, which would put
        // " II" in ship_type_code. Line 3 lost its last field. Line 4 is right.
        let batch = PositionCSVBatch(text: """
            timestamp,mmsi,lat,lon,sog,ship_name,ship_type_code
            2018-04-01T00:03:15Z,211409660,54,13,1.0,MARIA, II,80
            2018-04-01T00:03:16Z,211409660,54,13,1.0,MARIA
            2018-04-01T00:03:17Z,211409660,54,13,1.0,"MARIA, II",80
            """)
        #expect(batch.errors.map(\.code) == [.wrongFieldCount, .wrongFieldCount])
        #expect(batch.errors.first?.description.hasPrefix("line 2: 8 fields (the header has 7; a delimiter inside an unquoted value") == true)
        #expect(batch.errors.last?.description.hasPrefix("line 3: 6 fields (the header has 7; a value or its delimiter is missing") == true)
        let one = PositionCSVBatch(text: "timestamp,mmsi,lat,lon\n2018-04-01T00:03:15Z\n")
        #expect(one.errors.first?.description.hasPrefix("line 2: 1 field (the header has 4;") == true, "\(one.errors)")
        #expect(batch.errors.map(\.line) == [2, 3])
        #expect(batch.positions.count == 1 && batch.staticReports.first?.name == "MARIA, II")
    }

    @Test func portList() throws {
        let (ports, errors) = try PortList.parseCSV("""
            name,country,lat,lon,harbor_size,harbor_type,wpi_number,alt_names,unlocode,country_iso2
            Nampo,North Korea,38.733333,125.4,Medium,River Natural,61120,"Chinnampo; Namp'o",KPNAM,KP
            Broken,Nowhere,abc,1,,,,,,
            """)
        #expect(ports.count == 1 && ports.ports[0].name == "Nampo" && ports.ports[0].country == "North Korea")
        #expect(errors.map(\.description) == [#"line 3, field "lat": "abc" is not a number"#])
        #expect(throws: TrackAnalysisError.self) { try PortList.parseCSV("port,x,y\nA,1,2\n") }
    }

    @Test func sharedPortsFileParses() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/geo/ports.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            print("skipped: \(url.standardizedFileURL.path) not found")
            return
        }
        let (ports, errors) = try PortList.parseCSV(text)
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        #expect(ports.count > 3000)
    }
}
