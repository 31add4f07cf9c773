import AISDecoding
import Foundation
import Testing

/// Builds sentences by hand: bit fields (value, width) in ITU-R M.1371 order, armoured per
/// ITU-R M.1371-5 Annex 8 (value < 40 → +48, else +56), checksum = XOR between `!` and `*`.
enum HandBuilt {
    static func payload(_ fields: [(UInt64, Int)]) -> (String, Int) {
        var bits: [UInt8] = []
        for (value, width) in fields { for i in stride(from: width - 1, through: 0, by: -1) { bits.append(UInt8((value >> UInt64(i)) & 1)) } }
        let fill = (6 - bits.count % 6) % 6
        bits += [UInt8](repeating: 0, count: fill)
        var chars: [UInt8] = []
        for i in stride(from: 0, to: bits.count, by: 6) {
            let v = bits[i..<(i + 6)].reduce(0) { $0 << 1 | $1 }
            chars.append(v < 40 ? v + 48 : v + 56)
        }
        return (String(decoding: chars, as: UTF8.self), fill)
    }

    static func sentence(_ body: String) -> String {
        let sum = body.utf8.reduce(UInt8(0), ^)
        return "!" + body + "*" + String(format: "%02X", sum)
    }

    static func sentence(payload: String, fill: Int, channel: String = "A", count: Int = 1, number: Int = 1, id: String = "") -> String {
        sentence("AIVDM,\(count),\(number),\(id),\(channel),\(payload),\(fill)")
    }

    /// A type 1 with every "not available" value: ROT −128, SOG 1023, lon 181°, lat 91°,
    /// COG 3600, heading 511.
    static let typeOneNotAvailable: String = {
        let (p, f) = payload([
            (1, 6), (0, 2), (244_000_000, 30), (15, 4), (0x80, 8), (1023, 10), (0, 1), (108_600_000, 28), (54_600_000, 27),
            (3600, 12), (511, 9), (60, 6), (0, 2), (0, 3), (0, 1), (0, 19),
        ])
        return sentence(payload: p, fill: f)
    }()

    /// A type 5 with the given IMO number (other fields zero, text all `@`).
    static func typeFive(imo: UInt64) -> [String] {
        var fields: [(UInt64, Int)] = [(5, 6), (0, 2), (244_000_001, 30), (0, 2), (imo, 30)]
        fields.append((0, 424 - 70))
        let (p, f) = payload(fields)
        let first = String(p.prefix(60)), second = String(p.dropFirst(60))
        return [sentence(payload: first, fill: 0, count: 2, number: 1, id: "3"), sentence(payload: second, fill: f, count: 2, number: 2, id: "3")]
    }
}

@Suite("NMEA framing and stream decoding")
struct FramingTests {
    static let valid = "!AIVDM,1,1,,A,15MrVH0000KH<:V:NtBLoqFP2H9:,0*2F"  // pyais mixed.txt, MMSI 366913120

    static func decode(_ text: String, maximumFragmentAge: Int = 1000) -> ([AISDecodedMessage], AISDecodingStatistics) {
        let decoder = AISStreamDecoder(maximumFragmentAge: maximumFragmentAge)
        let out = decoder.decodeAll(text)
        return (out, decoder.statistics)
    }

    @Test("checksum failure is counted, not decoded")
    func badChecksum() {
        let (m, s) = Self.decode(Self.valid.replacingOccurrences(of: "*2F", with: "*2E") + "\n")
        #expect(m.isEmpty)
        #expect(s[.badChecksum] == 1)
    }

    @Test("CRLF and LF line ends", arguments: ["\n", "\r\n"])
    func lineEnds(_ end: String) {
        let (m, s) = Self.decode(Self.valid + end + Self.valid + end)
        #expect(m.count == 2)
        #expect(m.first?.message.mmsi == 366_913_120)
        #expect(s.totalRejections == 0)
    }

    @Test("comments and other NMEA are counted")
    func commentsAndOtherSentences() {
        let text = "# a comment\n// another\n$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D\n\n" + Self.valid + "\n"
        let (m, s) = Self.decode(text)
        #expect(m.count == 1)
        #expect(s.commentLines == 2 && s.otherSentences == 1 && s.blankLines == 1 && s.totalRejections == 0)
    }

    @Test("tag block: good block parsed, bad checksum counted")
    func tagBlocks() {
        // XOR of "s:blah,c:1747818025" is 0x38 (by hand, see pyais/sample.ais which writes 5A).
        let good = "\\s:blah,c:1747818025*38\\" + Self.valid
        let bad = "\\s:blah,c:1747818025*5A\\" + Self.valid
        let decoder = AISStreamDecoder()
        let m = decoder.decodeAll(good + "\n" + bad + "\n")
        #expect(m.count == 1)
        #expect(m.first?.receivedAt == 1_747_818_025)
        #expect(decoder.sourceName(m.first?.sourceID ?? 0) == "blah")
        #expect(decoder.statistics[.badTagBlock] == 1)
    }

    @Test("6 fill bits are rejected (IEC 61162-1 allows 0–5)")
    func sixFillBits() throws {
        let (m, s) = Self.decode(HandBuilt.sentence("AIVDM,1,1,,A,15MrVH0000KH<:V:NtBLoqFP2H9:,6") + "\n")
        #expect(m.isEmpty)
        #expect(s[.badFillBits] == 1)
        // The AISHub capture's 8 such sentences are checked in the pyais AISHub test.
    }

    @Test("orphan fragment, interleaved groups on A and B, expiry")
    func fragments() {
        let a = HandBuilt.typeFive(imo: 9_134_270)
        let b = HandBuilt.typeFive(imo: 1_181_956).map { $0.replacingOccurrences(of: ",A,", with: ",B,") }.map { line -> String in
            // Recompute the checksum after changing the channel.
            let body = line.dropFirst().prefix { $0 != "*" }
            return HandBuilt.sentence(String(body))
        }
        // Orphan: a second fragment alone.
        var (m, s) = Self.decode(a[1] + "\n")
        #expect(m.isEmpty && s[.orphanFragment] == 1)
        // Interleaved: A1 B1 A2 B2, with a single-sentence message in between.
        (m, s) = Self.decode([a[0], b[0], Self.valid, a[1], b[1]].joined(separator: "\n") + "\n")
        #expect(m.map(\.message.messageType) == [1, 5, 5])
        #expect(m.map(\.channel) == [UInt8(ascii: "A"), UInt8(ascii: "A"), UInt8(ascii: "B")])
        #expect(s.totalRejections == 0)
        // Expiry: with a maximum age of 2 sentences, three messages between the fragments drop
        // the group; its second fragment is then an orphan.
        (m, s) = Self.decode([a[0], Self.valid, Self.valid, Self.valid, a[1]].joined(separator: "\n") + "\n", maximumFragmentAge: 2)
        #expect(m.count == 3)
        #expect(s[.incompleteGroup] == 1 && s[.orphanFragment] == 1)
        // An incomplete group still open at the end of the input is counted.
        (m, s) = Self.decode(a[0] + "\n")
        #expect(m.isEmpty && s[.incompleteGroup] == 1)
    }

    @Test("chunk boundaries anywhere give the same messages", arguments: [1, 7, 4096])
    func chunks(_ size: Int) throws {
        let bytes = try Corpus.bytes(Corpus.fixture("gpsd/sample.aivdm")) + Corpus.bytes(Corpus.fixture("libais/tagblock.nmea"))
        let (whole, wholeDecoder) = Corpus.decode(bytes, chunkSize: bytes.count)
        let (chunked, chunkedDecoder) = Corpus.decode(bytes, chunkSize: size)
        #expect(whole.count == chunked.count)
        #expect(zip(whole, chunked).allSatisfy { $0.message == $1.message && $0.lineNumber == $1.lineNumber && $0.receivedAt == $1.receivedAt })
        #expect(wholeDecoder.statistics == chunkedDecoder.statistics)
    }

    @Test("not-available values are nil")
    func notAvailable() throws {
        let (m, _) = Self.decode(HandBuilt.typeOneNotAvailable + "\n")
        guard case .positionReport(let p) = try #require(m.first).message else {
            Issue.record("not a position report")
            return
        }
        #expect(p.rawRateOfTurn == -128 && p.rateOfTurn == nil)
        #expect(p.rawSOG == 1023 && p.sog == nil)
        #expect(p.rawCOG == 3600 && p.cog == nil)
        #expect(p.rawHeading == 511 && p.trueHeading == nil)
        #expect(p.rawLatitude == 54_600_000 && p.latitude == nil)
        #expect(p.rawLongitude == 108_600_000 && p.longitude == nil)
    }

    /// IMO check digit (by hand): 9134270 → 9·7 + 1·6 + 3·5 + 4·4 + 2·3 + 7·2 = 120, last digit 0 =
    /// check digit 0: valid. 1181956 → 1·7 + 1·6 + 8·5 + 1·4 + 9·3 + 5·2 = 94, 4 ≠ 6: invalid.
    @Test("IMO check digit flag on type 5", arguments: [(UInt64(9_134_270), true), (UInt64(1_181_956), false)])
    func imoCheckDigit(imo: UInt64, valid: Bool) throws {
        let (m, _) = Self.decode(HandBuilt.typeFive(imo: imo).joined(separator: "\n") + "\n")
        guard case .staticAndVoyageData(let s) = try #require(m.first).message else {
            Issue.record("not a type 5")
            return
        }
        #expect(s.imo == Int(imo))
        #expect(s.imoCheckDigitValid == valid)
    }
}
