import CapwatchCore
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    // 9074729: 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 63 + 0 + 35 + 16 + 21 + 4 = 139 → check digit 9.
    @Test func imoCheckDigit() throws {
        #expect(IMONumber.checkDigit(of: 907_472) == 9)
        #expect(try #require(IMONumber(rawValue: 9_074_729)).isValid)
        #expect(try #require(IMONumber(rawValue: 9_074_728)).isValid == false)
        #expect(IMONumber(parsing: "IMO9074729")?.rawValue == 9_074_729)
        #expect(IMONumber(parsing: "IMO 9074729")?.isValid == true)
        #expect(IMONumber(parsing: "Unknown") == nil)
        #expect(IMONumber(rawValue: 0) == nil)
    }

    @Test(arguments: [
        (445_123_000 as UInt32, MMSI.Kind.ship, 445 as Int?),  // DPRK flag
        (211_409_660, .ship, 211),
        (2_190_064, .coastStation, 219),  // DMA base station
        (992_191_234, .aidToNavigation, 219),
        (111_219_501, .sarAircraft, 219),
        (970_123_456, .distressDevice, nil),
        (9, .invalid, nil),
    ])
    func mmsiKindAndMID(raw: UInt32, kind: MMSI.Kind, mid: Int?) throws {
        let mmsi = try #require(MMSI(rawValue: raw))
        #expect(mmsi.kind == kind)
        #expect(mmsi.mid == mid)
    }

    @Test func mmsiRange() {
        #expect(MMSI(rawValue: 999_999_999) != nil)
        #expect(MMSI(rawValue: 1_000_000_000) == nil)
        #expect(MMSI(-1) == nil)
    }
}
