import CapwatchCore
import Foundation
import SanctionsScreening
import Testing

@Suite("List readers")
struct ListReaderTests {
    @Test("UN XML: a document with a DTD or an entity is refused before parsing")
    func refusesDTD() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>&x;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>
            """
        #expect(throws: SanctionsScreeningError.self) { try UNConsolidatedListReader.read(Data(xxe.utf8)) }
        let laughs = "<?xml version=\"1.0\"?><!entity lol \"lol\"><CONSOLIDATED_LIST/>"
        do {
            _ = try UNConsolidatedListReader.read(Data(laughs.utf8))
            Issue.record("an entity declaration was accepted")
        } catch let e as SanctionsScreeningError {
            #expect(e.code == .forbiddenDTD)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("UN XML: malformed XML and a wrong root are errors, not crashes")
    func malformed() {
        #expect(throws: SanctionsScreeningError.self) { try UNConsolidatedListReader.read(Data("<CONSOLIDATED_LIST><ENTITIES>".utf8)) }
        #expect(throws: SanctionsScreeningError.self) { try UNConsolidatedListReader.read(Data("<OTHER/>".utf8)) }
    }

    @Test("UN XML: the shipped list — counts from SOURCES.md, aliases, company IMO kept apart from ship IMO")
    func unList() throws {
        let (entries, version) = try UNConsolidatedListReader.read(try ListFixtures.data("un/consolidated.xml"))
        #expect(entries.count == 1003)
        let dprk = entries.filter { $0.programmes == ["DPRK"] }
        #expect(dprk.count == 155)
        #expect(dprk.filter { $0.kind == .person }.count == 80)
        #expect(version.date == "2026-02-27T00:00:09.554Z")
        #expect(version.sha256.count == 64)
        let achim = try #require(entries.first { $0.listID == "UN:KPe.061" })
        #expect(achim.primaryName == "KOREA ACHIM SHIPPING CO")
        #expect(achim.companyIMO?.rawValue == 5_936_312)
        #expect(achim.vesselIMO == nil)
        let ansan = try #require(entries.first { $0.listID == "UN:KPe.062" })
        #expect(ansan.names.map(\.text).contains("Korea Ansan SHPG CO"))
        let ri = try #require(entries.first { $0.listID == "UN:KPi.004" })
        #expect(ri.primaryName == "RI HONG-SOP")
        #expect(ri.datesOfBirth == ["1940-02-26"])
        #expect(ri.listedOn == "2009-07-16")
        #expect(ri.nationalities == ["Democratic People's Republic of Korea"])
        #expect(dprk.filter { $0.companyIMO != nil }.count == 16)
    }

    @Test("OFAC CSV: Latin-1, -0-, trailing 0x1A, remarks parsed for IMO, MMSI, call sign, former names, links")
    func ofacSmall() throws {
        var sdn = Data("15036,\"ARTAVIL\",\"vessel\",\"IRAN\",-0- ,\"T2EU4\",\"Crude/Oil Products Tanker\",\"99,144\",\"56,068\",\"Iran\",-0- ,\"Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.\"\r\n".utf8)
        sdn += Data("7,\"JOS\u{E9} CO.\",-0- ,\"CUBA] [SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n".utf8.map { $0 }.filter { _ in true })
        // Re-encode the second row's é as one Latin-1 byte, as OFAC does.
        sdn = Data(String(decoding: sdn, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) + Data([0x1A])
        let alt = Data("15036,1,\"aka\",\"ARTA VIL\",-0- \r\n99999,2,\"aka\",\"ORPHAN\",-0- \r\n".utf8)
        let (entries, version) = try OFACSDNReader.read(sdn: sdn, alt: alt, date: "2024-05-03")
        #expect(entries.count == 2)
        let ship = entries[0]
        #expect(ship.listID == "OFAC:15036")
        #expect(ship.kind == .vessel)
        #expect(ship.vesselIMO?.rawValue == 9_187_629)
        #expect(ship.mmsi?.rawValue == 572_469_210)
        #expect(ship.callSign == "T2EU4")
        #expect(ship.flag == "Iran")
        #expect(ship.names.map(\.text) == ["ARTAVIL", "ARTA VIL", "ALPHA"])
        #expect(ship.names[2].quality == .formerly)
        #expect(ship.linkedTo == ["NATIONAL IRANIAN TANKER COMPANY"])
        let company = entries[1]
        #expect(company.kind == .entity)
        #expect(company.primaryName == "JOS\u{E9} CO.")
        #expect(company.programmes == ["CUBA", "SDGT"])
        #expect(company.remarks == nil)
        #expect(version.date == "2024-05-03")
        #expect(version.sha256 == SHA256.hexDigest(sdn))
    }

    @Test("OFAC CSV: the shipped set — 14,965 SDN rows, 105 DPRK vessels, 104 with an IMO number")
    func ofacList() throws {
        let (entries, _) = try OFACSDNReader.read(
            sdn: try ListFixtures.data("ofac/sdn.csv"), alt: try ListFixtures.data("ofac/alt.csv"),
            add: try ListFixtures.data("ofac/add.csv"), comments: try ListFixtures.data("ofac/sdn_comments.csv")
        )
        #expect(entries.count == 14_965)
        let dprkVessels = entries.filter { $0.kind == .vessel && $0.programmes.contains { $0.hasPrefix("DPRK") } }
        #expect(dprkVessels.count == 105)
        #expect(dprkVessels.filter { $0.vesselIMO != nil }.count == 104)
        #expect(dprkVessels.allSatisfy { $0.vesselIMO?.isValid ?? true })
        let rungrado = try #require(entries.first { $0.listID == "OFAC:23166" })
        #expect(rungrado.vesselIMO?.rawValue == 8_989_795)
        #expect(rungrado.linkedTo == ["KOREA RUNGRADO SHIPPING CO"])
        #expect(entries.filter { $0.kind == .vessel }.count == 851)
    }
}
