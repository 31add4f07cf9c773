import AISDecoding
import Testing

/// The encoder against the decoder: every message encoded to complete NMEA sentences, read back
/// by ``AISStreamDecoder``, must give the same raw fields — including the "not available" values,
/// negative coordinates, and text shorter than its field (padded with `@`).
@Suite("Encoder round trips")
struct EncoderRoundTripTests {
    /// Encodes `message` as sentences with a tag block and decodes them again.
    static func roundTrip(_ message: AISMessage, receivedAt: Int64? = 1_546_300_800, source: String? = "sim")
        -> (lines: [String], decoded: [AISDecodedMessage], decoder: AISStreamDecoder)
    {
        var encoder = NMEASentenceEncoder(source: source)
        let lines = encoder.sentences(for: message.armouredPayload!, receivedAt: receivedAt)
        let decoder = AISStreamDecoder()
        let decoded = decoder.decodeAll(lines.joined(separator: "\n") + "\n")
        return (lines, decoded, decoder)
    }

    static let classA: [PositionReportClassA] = [
        PositionReportClassA(
            messageType: 1, mmsi: 445_123_456, navigationalStatus: 0, rawRateOfTurn: -20, rawSOG: 123, positionAccuracy: true,
            rawLongitude: AISScaling.rawLongitude(degrees: 123.456789), rawLatitude: AISScaling.rawLatitude(degrees: 29.5), rawCOG: 2345,
            rawHeading: 234, timeStamp: 42, specialManoeuvre: 1, raim: true, radioStatus: 0x7FFFF),
        PositionReportClassA(
            messageType: 2, mmsi: 352_001_234, navigationalStatus: 1, rawRateOfTurn: 127, rawSOG: 0,
            rawLongitude: AISScaling.rawLongitude(degrees: -70.25), rawLatitude: AISScaling.rawLatitude(degrees: -33.1), rawCOG: 0,
            rawHeading: 0, timeStamp: 59),
        // Everything not available: ROT −128, SOG 1023, lon 181°, lat 91°, COG 3600, heading 511, second 60.
        PositionReportClassA(messageType: 3, mmsi: 273_999_999),
    ]

    @Test("Types 1, 2, 3", arguments: classA)
    func classAPositionReports(_ report: PositionReportClassA) throws {
        let (lines, decoded, decoder) = Self.roundTrip(.positionReport(report))
        #expect(lines.count == 1)
        #expect(decoder.statistics.totalRejections == 0)
        try #require(decoded.count == 1)
        #expect(decoded[0].message == .positionReport(report))
        #expect(decoded[0].receivedAt == 1_546_300_800)
        #expect(decoder.sourceName(decoded[0].sourceID) == "sim")
    }

    @Test("Not-available values decode to nil in the typed API")
    func notAvailable() throws {
        let (_, decoded, _) = Self.roundTrip(.positionReport(PositionReportClassA(mmsi: 273_999_999)))
        guard case .positionReport(let p) = try #require(decoded.first?.message) else { Issue.record("not a position report"); return }
        #expect(p.latitude == nil && p.longitude == nil && p.sog == nil && p.cog == nil && p.trueHeading == nil && p.rateOfTurn == nil)
        #expect(p.rawLatitude == 54_600_000 && p.rawLongitude == 108_600_000 && p.rawRateOfTurn == -128 && p.timeStamp == 60)
    }

    @Test("Type 5: two sentences, sequential ids advance, text padded with @")
    func staticAndVoyage() throws {
        let message = StaticAndVoyageData(
            mmsi: 445_123_456, aisVersion: 1, imoNumber: 9_074_729, callSign: "HMYU", shipName: "YU JONG 2", shipType: 80, toBow: 70,
            toStern: 20, toPort: 8, toStarboard: 8, epfd: 1, etaMonth: 3, etaDay: 14, etaHour: 6, etaMinute: 30,
            rawDraught: AISScaling.rawDraught(metres: 6.2), destination: "NAMPO")
        var encoder = NMEASentenceEncoder(source: "sim")
        let first = encoder.sentences(for: message.armouredPayload, receivedAt: 100)
        let second = encoder.sentences(for: message.armouredPayload, receivedAt: 200)
        #expect(first.count == 2 && second.count == 2)
        #expect(first[0].contains("!AIVDM,2,1,0,A,") && first[1].contains("!AIVDM,2,2,0,A,") && first[1].hasSuffix(",2*" + first[1].suffix(2)))
        #expect(second[0].contains("!AIVDM,2,1,1,A,"))
        #expect(message.armouredPayload.characters.count == 71 && message.armouredPayload.fillBits == 2)
        let decoder = AISStreamDecoder()
        let decoded = decoder.decodeAll((first + second).joined(separator: "\n"))
        try #require(decoded.count == 2)
        #expect(decoded[0].message == .staticAndVoyageData(message))
        #expect(decoded[0].fragmentCount == 2 && decoded[0].receivedAt == 100 && decoded[1].receivedAt == 200)
        guard case .staticAndVoyageData(let s) = decoded[0].message else { return }
        #expect(s.shipName.string == "YU JONG 2" && s.shipName.rawString == "YU JONG 2@@@@@@@@@@@")
        #expect(s.callSign.string == "HMYU" && s.destination.string == "NAMPO" && s.draught == 6.2 && s.imoCheckDigitValid == true)
    }

    @Test("Type 5 with every field not available")
    func staticAndVoyageNotAvailable() throws {
        let message = StaticAndVoyageData(mmsi: 636_012_345)
        let (_, decoded, _) = Self.roundTrip(.staticAndVoyageData(message))
        #expect(decoded.first?.message == .staticAndVoyageData(message))
        guard case .staticAndVoyageData(let s) = decoded.first?.message else { return }
        #expect(s.imo == nil && s.draught == nil && s.shipName.isEmpty && s.etaHour == 24 && s.etaMinute == 60)
    }

    @Test("Type 18")
    func classB() throws {
        for report in [
            ClassBPositionReport(
                mmsi: 412_345_678, rawSOG: 35, positionAccuracy: true, rawLongitude: AISScaling.rawLongitude(degrees: 122.1),
                rawLatitude: AISScaling.rawLatitude(degrees: 30.2), rawCOG: 900, rawHeading: 91, timeStamp: 12, carrierSense: true,
                display: true, dsc: true, band: true, message22: true, assigned: false, raim: true, radioStatus: 0xC0000),
            ClassBPositionReport(mmsi: 413_000_001),
        ] {
            let (lines, decoded, _) = Self.roundTrip(.classBPositionReport(report))
            #expect(lines.count == 1)
            #expect(decoded.first?.message == .classBPositionReport(report))
        }
    }

    @Test("Type 19")
    func extendedClassB() throws {
        let report = ExtendedClassBPositionReport(
            mmsi: 412_345_679, rawSOG: 8, rawLongitude: AISScaling.rawLongitude(degrees: 121.9), rawLatitude: AISScaling.rawLatitude(degrees: 29.9),
            rawCOG: 1800, rawHeading: 180, timeStamp: 30, regional: 5, shipName: "ZHE DAI YU 01234", shipType: 30, toBow: 20, toStern: 8,
            toPort: 3, toStarboard: 3, epfd: 1, raim: false, dte: true, assigned: true)
        let (lines, decoded, _) = Self.roundTrip(.extendedClassBPositionReport(report))
        #expect(lines.count == 1)
        #expect(decoded.first?.message == .extendedClassBPositionReport(report))
    }

    @Test("Type 24 parts A and B, and an auxiliary craft's mother ship")
    func staticDataReport() throws {
        let reports = [
            StaticDataReport(mmsi: 412_345_680, shipName: "MIN YU 7"),
            StaticDataReport(mmsi: 412_345_680, shipName: ""),
            StaticDataReport(
                mmsi: 412_345_680,
                partB: .init(shipType: 30, vendorID: "SRT", unitModel: 3, serialNumber: 123_456, callSign: "BZ7", toBow: 12, toStern: 6, toPort: 2,
                             toStarboard: 3)),
            StaticDataReport(mmsi: 984_120_001, partB: .init(shipType: 37, vendorID: "ABC", callSign: "AUX1", motherShipMMSI: 412_345_680)),
        ]
        for report in reports {
            let (lines, decoded, decoder) = Self.roundTrip(.staticDataReport(report))
            #expect(lines.count == 1)
            #expect(decoder.statistics.totalRejections == 0)
            #expect(decoded.first?.message == .staticDataReport(report))
        }
    }

    @Test("Checksums: sentence and tag block; no tag block without source or time")
    func checksums() throws {
        var encoder = NMEASentenceEncoder(source: "r1")
        let line = encoder.sentences(for: PositionReportClassA(mmsi: 445_000_001).armouredPayload, receivedAt: 1_546_300_800)[0]
        // \s:r1,c:1546300800*hh\!AIVDM,...*hh
        let parts = line.split(separator: "\\", omittingEmptySubsequences: true)
        try #require(parts.count == 2)
        let tag = parts[0].split(separator: "*")
        #expect(tag[0] == "s:r1,c:1546300800")
        #expect(UInt8(tag[1], radix: 16) == tag[0].utf8.reduce(0, ^))
        let sentence = parts[1].dropFirst().split(separator: "*")
        #expect(UInt8(sentence[1], radix: 16) == sentence[0].utf8.reduce(0, ^))
        var bare = NMEASentenceEncoder()
        let plain = bare.sentences(for: PositionReportClassA(mmsi: 445_000_001).armouredPayload)[0]
        #expect(plain.hasPrefix("!AIVDM,1,1,,A,"))
        #expect(AISStreamDecoder().decodeAll(plain).count == 1)
    }

    @Test("Sequential ids wrap after 9")
    func sequentialIDsWrap() {
        var encoder = NMEASentenceEncoder()
        let payload = StaticAndVoyageData(mmsi: 445_000_002).armouredPayload
        let ids = (0..<12).map { _ in encoder.sentences(for: payload)[0].split(separator: ",", omittingEmptySubsequences: false)[3] }
        #expect(ids == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1"])
    }

    @Test("The bit writer mirrors the bit reader: signed and unsigned fields at odd offsets")
    func bitWriter() {
        var w = BitWriter(bitCount: 100)
        w.uint(0x2A, 3, 6)
        w.int(-5, 9, 28)
        w.bool(true, 37)
        w.uint(UInt64.max, 90, 10)
        w.withReader { r in
            #expect(r.uint(3, 6) == 0x2A)
            #expect(r.int(9, 28) == -5)
            #expect(r.bool(37))
            #expect(r.uint(90, 10) == 1023)
            #expect(r.uint(0, 3) == 0)
        }
    }
}
