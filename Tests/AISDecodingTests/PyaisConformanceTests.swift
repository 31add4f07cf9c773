import AISDecoding
import Foundation
import Testing

/// The decoder against pyais 3.3.1's golden decodes (SOURCES.md §2, §4).
@Suite("pyais conformance")
struct PyaisConformanceTests {
    /// One pyais example file and what we expect of it.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// Messages pyais yields (error lines excluded).
        var pyaisMessages: Int
        /// Rejections we count, by reason.
        var rejections: [AISRejection: Int]
        /// pyais messages we do not yield, by line number in the `.expected.jsonl` (pyais's `raw`
        /// leaves the tag block out, so the line number identifies them), each with its reason.
        var notYielded: [Int: String] = [:]
        var testDescription: String { file }
    }

    static let noSentenceChecksum = "the sentence has no `*hh` checksum (`…,013`): pyais yields it with checksum_ok false; "
        + "its tag block's checksum (`*A`) is also wrong, so we count bad_tag_block"
    static let badTagBlock = "tag block checksum `*A` is wrong (one digit, and the XOR is 0x61/0x1D): "
        + "pyais does not check tag-block checksums; we count bad_tag_block"

    static let cases: [Case] = [
        // 898 sentences: 100 with an empty payload (pyais: MissingPayloadException), 20 first
        // fragments whose second fragment is not in the file (pyais drops them too).
        Case(file: "nmea_data_sample.txt", pyaisMessages: 778, rejections: [.emptyPayload: 100, .incompleteGroup: 20]),
        Case(
            file: "mixed.txt", pyaisMessages: 13,
            rejections: [.badTagBlock: 3, .unrecognisedLine: 2],
            notYielded: [8: noSentenceChecksum, 10: badTagBlock, 11: badTagBlock]),
        Case(
            file: "sample.ais", pyaisMessages: 12,
            // + `\s:blah,c:1747818025*5A\!AAVDM,0,1,…`: tag block checksum wrong (0x38), and a
            // fragment count of 0; pyais rejects it too.
            rejections: [.badTagBlock: 4, .unrecognisedLine: 1],
            notYielded: [7: noSentenceChecksum, 9: badTagBlock, 10: badTagBlock]),
        Case(file: "ais_test_messages", pyaisMessages: 7, rejections: [:]),
        Case(file: "messages.ais", pyaisMessages: 6, rejections: [:]),
        Case(file: "timestamped.ais", pyaisMessages: 4, rejections: [:]),
        Case(file: "gatehouse.nmea", pyaisMessages: 4, rejections: [:]),
    ]

    @Test("pyais example files", arguments: cases)
    func exampleFile(_ c: Case) throws {
        let golden = try Corpus.jsonLines(Corpus.fixture("pyais/\(c.file).expected.jsonl"))
        let messages = golden.filter { $0["error"] == nil }
        #expect(messages.count == c.pyaisMessages)
        let (ours, decoder) = Corpus.decode(try Corpus.bytes(Corpus.fixture("pyais/\(c.file)")))
        var expected: [[String: Any]] = []
        var skipped = 0
        for (i, m) in golden.enumerated() where m["error"] == nil {
            if c.notYielded[i + 1] != nil {
                skipped += 1
            } else {
                expected.append(m)
            }
        }
        #expect(skipped == c.notYielded.count)
        #expect(ours.count == expected.count)
        var tally = PyaisComparison.Tally()
        for (u, p) in zip(ours, expected) {
            tally.add(ours: PyaisComparison.values(u.message), pyais: p, raw: p["raw"] as? String ?? "")
        }
        for f in PyaisComparison.fields { #expect(tally.agreed[f, default: 0] == tally.compared[f, default: 0], "\(f): \(tally.firstDisagreement[f] ?? "")") }
        for reason in AISRejection.allCases { #expect(decoder.statistics[reason] == c.rejections[reason, default: 0], "\(reason)") }
        // The errors pyais reports are our empty payloads.
        #expect(golden.count - messages.count == c.rejections[.emptyPayload, default: 0])
    }

    @Test("AISHub capture vs pyais golden", .enabled(if: Corpus.hasAISHub, "shared AISHub corpus not found; skipped"))
    func aisHub() throws {
        let golden = try Corpus.jsonLines(Corpus.aisHubPyais)
        let (ours, decoder) = Corpus.decode(try Corpus.bytes(Corpus.aisHubLog))
        #expect(golden.count == 82_744)
        #expect(ours.count == 82_744)
        #expect(golden.allSatisfy { $0["error"] == nil })
        // The 8 sentences with 6 fill bits (type 6, MMSI 2053503/2053504): pyais rejects them too.
        #expect(decoder.statistics[.badFillBits] == 8)
        var tally = PyaisComparison.Tally()
        var byType = [Int](repeating: 0, count: 64)
        for (u, p) in zip(ours, golden) {
            byType[u.message.messageType] += 1
            tally.add(ours: PyaisComparison.values(u.message), pyais: p, raw: p["raw"] as? String ?? "")
        }
        print("pyais AISHub agreement (agreed/compared):\n" + tally.table)
        for (f, d) in tally.firstDisagreement.sorted(by: { $0.key < $1.key }) { print("  first \(f) disagreement: \(d)") }
        #expect(byType[1] == 61_374 && byType[3] == 8_785 && byType[4] == 4_043 && byType[5] == 2_221 && byType[24] == 306)
        // Exact measured counts (agreed, compared) per field.
        let expected: [String: (Int, Int)] = Self.aisHubExpected
        for f in PyaisComparison.fields {
            let a = tally.agreed[f, default: 0], c = tally.compared[f, default: 0]
            #expect(c > 0 && Double(a) >= 0.999 * Double(c), "\(f) \(a)/\(c)")
            if let e = expected[f] { #expect(a == e.0 && c == e.1, "\(f) \(a)/\(c)") }
        }
    }

    /// Measured on the AISHub capture (agreed, compared).
    /// Every compared value agrees once the policies above are normalised; what is compared per
    /// field depends on which types carry it (type 19 ship type excluded).
    static let aisHubExpected: [String: (Int, Int)] = [
        "type": (82_744, 82_744), "mmsi": (82_744, 82_744), "lat": (78_079, 78_079), "lon": (78_079, 78_079),
        "speed": (73_629, 73_629), "course": (73_629, 73_629), "heading": (73_602, 73_602), "status": (72_132, 72_132),
        "shipname": (2_487, 2_487), "callsign": (2_370, 2_370), "imo": (2_221, 2_221), "shiptype": (2_370, 2_370),
        "to_bow": (2_858, 2_858), "to_stern": (2_858, 2_858), "to_port": (2_858, 2_858), "to_starboard": (2_858, 2_858),
        "draught": (2_221, 2_221), "destination": (2_221, 2_221),
    ]
}
