import Testing
@testable import AISDecoding

/// ``OpenFragmentGroups`` is how `decode --threads` checks that a slice's warm-up rebuilt one
/// decoder's state; two states that would decode differently must never compare equal.
@Suite("Open fragment groups")
struct OpenFragmentGroupsTests {
    /// gpsd's test/sample.aivdm type 5, fragment 1 of 2 (checksum 1C), behind a tag block.
    private func firstFragment(source: String, tagChecksum: String) -> String {
        "\\\(source)*\(tagChecksum)\\!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C"
    }

    private func groups(after lines: [String]) -> OpenFragmentGroups {
        let decoder = AISStreamDecoder()
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { decoder.decode(line: $0) { _ in } }
        }
        return decoder.openFragmentGroups
    }

    @Test("sources are compared as bytes: NFC and NFD spellings of one name differ")
    func sourcesAsBytes() {
        // "s:é" as U+00E9 (UTF-8 C3 A9) and as "e" + U+0301 (65 CC 81): equal as Swift strings,
        // different sources to the assembler. Tag-block checksums by hand: XOR of the UTF-8
        // bytes of "s:" and the name, 0x73 ^ 0x3A = 0x49; ^ 0xC3 ^ 0xA9 = 0x23; ^ 0x65 ^ 0xCC ^ 0x81 = 0x61.
        let nfc = groups(after: [firstFragment(source: "s:\u{E9}", tagChecksum: "23")])
        let nfd = groups(after: [firstFragment(source: "s:e\u{301}", tagChecksum: "61")])
        #expect("\u{E9}" == "e\u{301}")
        #expect(nfc.groups.count == 1 && nfd.groups.count == 1)
        #expect(nfc.groups.first?.source == [0xC3, 0xA9])
        #expect(nfd.groups.first?.source == [0x65, 0xCC, 0x81])
        #expect(nfc != nfd)
    }

    @Test("ages, not running sentence numbers: the same group read after different histories is equal")
    func agesAreRelative() {
        let fragment = firstFragment(source: "s:r003669945", tagChecksum: "09")
        // A type 1 from pyais's tests before the fragment in one decoder only: the fragment is
        // sentence 2 there and sentence 1 in the other, yet both groups are 0 sentences old.
        let type1 = "!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5F"
        let a = groups(after: [type1, fragment])
        let b = groups(after: [fragment])
        #expect(a.groups.first?.age == 0)
        #expect(a.groups.first?.lineNumber == 2)
        #expect(b.groups.first?.lineNumber == 1)
        // Line numbers differ (they are part of the state: the message carries the first
        // fragment's line), so these two are not equal; with the same line they are.
        #expect(a != b)
        let c = groups(after: ["", fragment])
        #expect(a == c)
    }
}

@Suite("Tag-block sources")
struct TagBlockSourceTests {
    /// `\s:NAME*hh\` with its checksum (XOR of the bytes between the backslash and the star).
    private func tag(_ name: String) -> String {
        let body = "s:" + name
        let sum = body.utf8.reduce(UInt8(0)) { $0 ^ $1 }
        return "\\" + body + "*" + String(sum, radix: 16, uppercase: true).leftPadded(2) + "\\"
    }

    @Test("ten thousand distinct sources keep the table bounded, and an open group survives it")
    func boundedSources() {
        // Groups may live 20,000 sentences here, so the 10,000 sources between the two
        // fragments all arrive while the group is open.
        let decoder = AISStreamDecoder(maximumFragmentAge: 20_000)
        var messages = 0
        func feed(_ line: String) {
            Array(line.utf8).withUnsafeBufferPointer { decoder.decode(line: $0) { _ in messages += 1 } }
        }
        // gpsd's test/sample.aivdm type 5 in two fragments, both from source "keep", with
        // 10,000 one-sentence type 1 reports (pyais's tests) from sources r0 … r9999 between.
        feed(tag("keep") + "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C")
        for k in 0..<10_000 {
            feed(tag("r\(k)") + "!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5F")
        }
        // At most 4,096 sources plus the one being added; "keep" is among them (its group is open).
        #expect(decoder.internedSourceCount <= 4097)
        #expect(decoder.openFragmentGroups.groups.first?.source == Array("keep".utf8))
        feed(tag("keep") + "!AIVDM,2,2,1,A,88888888880,2*25")
        #expect(messages == 10_001)
        #expect(decoder.statistics.messagesByType[5] == 1)
        #expect(decoder.statistics[.orphanFragment] == 0)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
