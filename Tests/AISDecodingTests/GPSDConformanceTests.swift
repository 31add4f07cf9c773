@testable import AISDecoding
import Foundation
import Testing

/// ``GPSDFormatter`` against gpsd's own golden files: every object of the supported types must
/// match key by key, in gpsd's key order, with the same printed value (`device` ignored).
/// Remaining differences are listed here with their reason; nothing is skipped silently.
@Suite("gpsd conformance (unscaled JSON)")
struct GPSDConformanceTests {
    /// A known difference: golden line number (1-based, in the golden file) and key.
    struct Allowed: Hashable {
        var line: Int
        var key: String
    }

    /// Reasons for the known differences, shared by the files.
    /// - Short type 1: gpsd reads the radio field of a 163–167-bit type 1 as the bits present
    ///   (`UBITS(149, bitlen - 149)`); our decoder reads the 19 bits with the missing ones as zero,
    ///   so our value is gpsd's shifted left by the missing bits.
    /// - Type 21 name from a 2-sentence message whose first fragment declares 4 fill bits: gpsd
    ///   drops each fragment's fill bits, our assembler (like pyais) only the last fragment's; the
    ///   name extension then starts 4 bits apart ("Y&" for gpsd, "A&X" for us).
    static let shortTypeOneRadio = "radio"

    /// Compares golden objects with ours in order. `missing` are golden lines we do not produce.
    static func compare(
        golden: [(line: Int, members: [(key: String, value: String)])], ours: [[(key: String, value: String)]],
        allowed: Set<Allowed>, missing: Set<Int>
    ) -> (identical: Int, compared: Int, differences: [String]) {
        var differences: [String] = []
        var identical = 0
        var compared = 0
        var j = 0
        var usedAllowances = Set<Allowed>()
        for g in golden {
            if missing.contains(g.line) { continue }
            guard j < ours.count else {
                differences.append("line \(g.line): we produced nothing")
                continue
            }
            let u = ours[j]
            j += 1
            compared += 1
            let gKeys = g.members.map(\.key), uKeys = u.map(\.key)
            if gKeys != uKeys {
                differences.append("line \(g.line): keys \(gKeys) vs ours \(uKeys)")
                continue
            }
            var same = true
            for (a, b) in zip(g.members, u) where a.value != b.value {
                let allowance = Allowed(line: g.line, key: a.key)
                if allowed.contains(allowance) {
                    usedAllowances.insert(allowance)
                } else {
                    differences.append("line \(g.line) \(a.key): gpsd \(a.value), ours \(b.value)")
                }
                same = false
            }
            if same { identical += 1 }
        }
        if j < ours.count { differences.append("we produced \(ours.count - j) extra objects") }
        for unused in allowed.subtracting(usedAllowances) { differences.append("allowed difference did not occur: \(unused)") }
        return (identical, compared, differences)
    }

    /// The `"class":"AIS"` objects of the supported types in a golden file, with line numbers.
    /// `echoedOnly`: in a gpsd daemon `.chk`, keep only the objects right after an echoed
    /// `!AIVDM` line; the others are the daemon reporting its last AIS object again on the next
    /// GPS cycle (the test checks each such repeat equals an earlier object).
    static func golden(_ lines: [Substring], echoedOnly: Bool) -> [(line: Int, members: [(key: String, value: String)])] {
        var out: [(line: Int, members: [(key: String, value: String)])] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("{\"class\":\"AIS\"") {
            if echoedOnly, i == 0 || !lines[i - 1].hasPrefix("!") { continue }
            let members = flatJSON(line).filter { $0.key != "device" }
            guard let type = members.first(where: { $0.key == "type" }).flatMap({ Int($0.value) }), Corpus.supportedTypes.contains(type)
            else { continue }
            out.append((i + 1, members))
        }
        return out
    }

    @Test("sample.aivdm vs sample.aivdm.ju.chk")
    func sampleAIVDM() throws {
        let golden = Self.golden(try Corpus.lines(Corpus.fixture("gpsd/sample.aivdm.ju.chk")), echoedOnly: false)
        let ours = Corpus.gpsdObjects(try Corpus.bytes(Corpus.fixture("gpsd/sample.aivdm")))
        // Line 96: a 163-bit type 1 (short radio field, see `shortTypeOneRadio`).
        let result = Self.compare(golden: golden, ours: ours, allowed: [Allowed(line: 96, key: "radio")], missing: [])
        #expect(result.differences == [])
        #expect(golden.count == 26)
        #expect(result.identical == 25)
    }

    @Test(
        "gpsd daemon logs: class AIS objects",
        arguments: [("ais-nmea.log", 160), ("ais-18-27.log", 138), ("ais_unpack_sixbit.log", 12)])
    func daemon(file: String, expectedObjects: Int) throws {
        let lines = try Corpus.lines(Corpus.fixture("gpsd/daemon/\(file).chk"))
        let golden = Self.golden(lines, echoedOnly: true)
        // Every object not right after an echoed sentence repeats an earlier one.
        let echoed = Set(golden.map { $0.members.map { "\($0.key)=\($0.value)" }.joined(separator: ",") })
        for (i, line) in lines.enumerated() where line.hasPrefix("{\"class\":\"AIS\"") && i > 0 && !lines[i - 1].hasPrefix("!") {
            let members = flatJSON(line).filter { $0.key != "device" }
            guard let type = members.first(where: { $0.key == "type" }).flatMap({ Int($0.value) }), Corpus.supportedTypes.contains(type)
            else { continue }
            #expect(echoed.contains(members.map { "\($0.key)=\($0.value)" }.joined(separator: ",")), "line \(i + 1)")
        }
        let ours = Corpus.gpsdObjects(try Corpus.bytes(Corpus.fixture("gpsd/daemon/\(file)")))
        let result = Self.compare(golden: golden, ours: ours, allowed: [], missing: [])
        #expect(result.differences == [])
        #expect(golden.count == expectedObjects)
        #expect(result.identical == expectedObjects)
    }

    @Test("AISHub capture vs gpsdecode 3.22 -u -j", .enabled(if: Corpus.hasAISHub, "shared AISHub corpus not found; skipped"))
    func aisHub() throws {
        let golden = Self.golden(try Corpus.lines(Corpus.aisHubGPSD), echoedOnly: false)
        let ours = Corpus.gpsdObjects(try Corpus.bytes(Corpus.aisHubLog))
        var allowed: Set<Allowed> = []
        // Short type 1 messages (163–167 bits): see `shortTypeOneRadio`.
        for line in [11_899, 41_807, 46_902, 49_986, 57_310, 76_146] { allowed.insert(Allowed(line: line, key: "radio")) }
        // Type 21 "PLATFORM L9" (MMSI 2442016) sent as 2 sentences with 4 fill bits on the first:
        // see the reason above.
        for line in [3_941, 33_806] { allowed.insert(Allowed(line: line, key: "name")) }
        // Line 18,082: a type 5 (MMSI 419504000) whose two fragments carry different sequential
        // ids (4, then 1). gpsd ignores the id and joins them; we, like pyais, count an orphan
        // fragment and an incomplete group.
        let result = Self.compare(golden: golden, ours: ours, allowed: allowed, missing: [18_082])
        #expect(result.differences == [])
        #expect(golden.count == 80_386)
        #expect(ours.count == 80_385)
        #expect(result.identical == 80_377)
        // Type 24: gpsd merges part A and B; 85 records.
        #expect(ours.filter { $0.contains { $0.key == "type" && $0.value == "24" } }.count == 85)
        print("gpsd AISHub: \(golden.count) golden objects of the supported types, \(result.compared) compared, \(result.identical) identical")
    }

    /// Every text companion the formatter prints for a value that occurs in the golden files is
    /// the golden string (the tables are checked where evidence exists).
    @Test("text companion tables agree with the golden files")
    func textTables() throws {
        var files = [Corpus.fixture("gpsd/sample.aivdm.ju.chk")]
        for f in ["ais-nmea.log.chk", "ais-18-27.log.chk", "ais_unpack_sixbit.log.chk"] { files.append(Corpus.fixture("gpsd/daemon/\(f)")) }
        if Corpus.hasAISHub { files.append(Corpus.aisHubGPSD) }
        var checked = 0
        for file in files {
            for line in try Corpus.lines(file) where line.hasPrefix("{\"class\":\"AIS\"") {
                let m = Dictionary(flatJSON(line).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                guard let type = m["type"].flatMap({ Int($0) }), Corpus.supportedTypes.contains(type) else { continue }
                func check(_ key: String, _ text: String, _ table: (Int) -> String) {
                    guard let raw = m[key].flatMap({ Int($0) }), let expected = m[text] else { return }
                    #expect("\"\(table(raw))\"" == expected, "\(key) \(raw)")
                    checked += 1
                }
                check("status", "status_text") { "\(GPSDFormatter.statusText[$0 & 15])" }
                check("epfd", "epfd_text") { "\(GPSDFormatter.epfdText[$0 & 15])" }
                check("shiptype", "shiptype_text") { $0 < 100 ? "\(GPSDFormatter.shipTypeText[$0])" : "INVALID SHIP TYPE" }
                check("aid_type", "aid_type_text") { "\(GPSDFormatter.aidTypeText[$0 & 31])" }
            }
        }
        #expect(checked > (Corpus.hasAISHub ? 1000 : 300))
    }
}
