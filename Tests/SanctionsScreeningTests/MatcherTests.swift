import CapwatchCore
import SanctionsScreening
import Testing

@Suite("Name normalisation and transliteration keys")
struct NormalizationTests {
    static func key(_ s: String) -> String {
        let n = NameNormalizer.normalize(s, isPerson: nil)
        return String(decoding: TransliterationKey.collapse(Array(n.words.map(TransliterationKey.key).joined())), as: UTF8.self)
    }

    @Test("romanisations of one name share a key", arguments: [
        ("Ri", "Lee"), ("Ri", "Rhee"), ("Ri", "Yi"), ("Pak", "Park"), ("Bak", "Pak"), ("Choe", "Choi"), ("Choi", "Choy"),
        ("Seok", "Sok"), ("Keum", "Kum"), ("Gyong", "Kyong"), ("Beom", "Pom"), ("Dae Song", "Tae Song"), ("Chonmasan", "Chon Ma San"),
        ("Phyong", "Pyong"), ("Ryu", "Yu"), ("Shin", "Sin"), ("Zhang", "Jang"), ("Ch'ŏl", "Chol"), ("Дмитрий", "Dmitry"),
        ("Tsoi", "Choi"),
    ])
    func sameKey(a: String, b: String) {
        #expect(Self.key(a) == Self.key(b), "\(a) → \(Self.key(a)), \(b) → \(Self.key(b))")
    }

    @Test("different names keep different keys", arguments: [("Tong", "Yong"), ("Pugang", "Namgang"), ("Kim", "Kang"), ("Fang", "Pang")])
    func differentKey(a: String, b: String) {
        #expect(Self.key(a) != Self.key(b))
    }

    @Test("prefixes, company forms, number markers, abbreviations")
    func noise() {
        let v = NameNormalizer.normalize("M/V Tong Hung No.1", isPerson: nil)
        #expect(v.words.map { String(decoding: $0, as: UTF8.self) } == ["TONG", "HUNG"])
        #expect(v.numbers == [Array("1".utf8)])
        let c = NameNormalizer.normalize("Koryo Credit Dev. Bank Co., Ltd.", isPerson: false)
        #expect(c.words.map { String(decoding: $0, as: UTF8.self) } == ["KORYO", "CREDIT", "DEVELOPMENT", "BANK"])
        let p = NameNormalizer.normalize("KIM, Tong-chol", isPerson: true)
        #expect(p.surnameCount == 1)
        #expect(p.words.count == 3)
    }
}

@Suite("Screening against the shipped lists")
struct ScreenerTests {
    let screener = Screener(index: ListFixtures.index)

    @Test("a ship IMO matches the vessel; the same digits as a company number match only an entity query")
    func imoKinds() throws {
        let ship = screener.screen(ScreeningQuery(text: "IMO 8989795"))
        #expect(ship.first?.entry.listID == "OFAC:23166")
        #expect(ship.first?.matchedOn == .imo)
        #expect(ship.first?.score == 1)
        // KPe.061's company number 5936312 is not a ship IMO number.
        #expect(screener.screen(ScreeningQuery(text: "5936312")).isEmpty)
        #expect(screener.screen(ScreeningQuery(text: "5936312", kind: .vessel)).isEmpty)
        let company = screener.screen(ScreeningQuery(text: "IMO 5936312", kind: .entity))
        #expect(company.first?.entry.listID == "UN:KPe.061")
        #expect(company.first?.matchedOn == .companyIMO)
    }

    @Test("an IMO number with a wrong check digit matches nothing")
    func badCheckDigit() {
        #expect(IMONumber(rawValue: 8_989_796)?.isValid == false)
        #expect(screener.screen(ScreeningQuery(imo: IMONumber(rawValue: 8_989_796))).isEmpty)
    }

    @Test("MMSI and call sign match exactly (ARTAVIL: MMSI 572469210, call sign T2EU4)")
    func mmsiAndCallSign() {
        #expect(screener.screen(ScreeningQuery(text: "572469210")).first?.entry.listID == "OFAC:15036")
        let cs = screener.screen(ScreeningQuery(callSign: "t2eu4"))
        #expect(cs.first?.entry.listID == "OFAC:15036")
        #expect(cs.first?.matchedOn == .callSign)
    }

    @Test("numbers must agree: SAM JONG 1 is not SAM JONG 2")
    func numbers() {
        let one = screener.screen(ScreeningQuery(text: "Samjong 1", kind: .vessel))
        #expect(!one.isEmpty)
        #expect(one.allSatisfy { $0.entry.primaryName != "SAM JONG 2" })
        #expect(one.first?.entry.primaryName == "SAM JONG 1")
    }

    @Test("a different distinctive word is not carried by shared common words")
    func distinctiveWord() {
        let r = screener.screen(ScreeningQuery(text: "Korea Pugang Trading Corp"))
        #expect(r.allSatisfy { $0.entry.primaryName.contains("PUGANG") })
        #expect(screener.screen(ScreeningQuery(text: "Yong Chol Kim", kind: .person)).allSatisfy { !$0.entry.primaryName.uppercased().contains("TONG") })
    }

    @Test("every match carries reasons, the matched name and the list version")
    func reasons() throws {
        let r = try #require(screener.screen(ScreeningQuery(text: "M/V Chonmasan", kind: .vessel)).first)
        #expect(r.entry.primaryName == "CHON MA SAN")
        #expect(r.reasons.contains { $0.contains("vessel prefix") })
        #expect(r.reasons.contains { $0.contains("CHON MA SAN") })
        #expect(r.version.list == .ofac)
        #expect(r.version.sha256.count == 64)
        let ranked = screener.screen(ScreeningQuery(text: "Kim Kwang Il", threshold: 0.5))
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test("kind filter and threshold")
    func kindAndThreshold() {
        #expect(screener.screen(ScreeningQuery(text: "Rungrado", kind: .person)).isEmpty)
        #expect(screener.screen(ScreeningQuery(text: "Rungrado", kind: .vessel)).first?.entry.listID == "OFAC:23166")
        #expect(screener.screen(ScreeningQuery(text: "Rungrdao", kind: .vessel, threshold: 0.99)).isEmpty)
    }
}
