import Testing
@testable import TrackAnalysis

/// `ByteParsing.fastDecimal` reads short numbers sixteen bytes at a time and the rest digit by
/// digit. Whatever the path, it must give what the reference reading (`generalDouble`) gives for
/// the same cell, bit for bit, and take every cell of the common form it promises to take.
@Suite("Byte parsing of numbers")
struct ByteParsingTests {
    /// Reads `cell` followed by `,` and `padding` bytes (so that the sixteen-byte reading applies
    /// when the cell is short enough), as the fast path does.
    static func fast(_ cell: String, padding: Int) -> (value: Double?, end: Int) {
        let bytes = Array(cell.utf8) + [44] + Array(repeating: UInt8(ascii: "9"), count: padding)
        return bytes.withUnsafeBufferPointer { b in
            var i = 0
            let v = ByteParsing.fastDecimal(b.baseAddress!, &i, b.count, delimiter: 44)
            return (v, i)
        }
    }

    static func reference(_ cell: String) -> Double? {
        Array(cell.utf8).withUnsafeBufferPointer { ByteParsing.generalDouble($0) }
    }

    /// Expects `fastDecimal` to read `cell` (then `padding` bytes) as the reference reading does,
    /// up to its end, and to take it when it is in the common form.
    static func expectReferenceReading(_ cell: String, padding: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let (v, end) = fast(cell, padding: padding)
        if let v {
            #expect(v.bitPattern == reference(cell)?.bitPattern, "\(cell) with \(padding) bytes after", sourceLocation: sourceLocation)
            #expect(end == cell.utf8.count, "\(cell)", sourceLocation: sourceLocation)
        }
        if isCommonForm(cell) { #expect(v != nil, "\(cell) is in the common form", sourceLocation: sourceLocation) }
    }

    /// The common form: an optional sign, digits, an optional point and digits, 1 to 15 digits.
    static func isCommonForm(_ cell: String) -> Bool {
        var s = Substring(cell)
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        let digits = parts.reduce(0) { $0 + $1.count }
        return digits >= 1 && digits <= 15
    }

    @Test("hand-picked cells: the same Double as the reference reading, and the reading ends at the delimiter")
    func handPicked() {
        let cells = ["0", "0.0", "54.30515", "13.11573", "-0", "+13.4", ".5", "5.", "102.3", "360", "511", "-179.999999",
                     "54.582706", "123456789012345", "1234567.12345678", "0.000000000000001", "999999999999999", "1.2.3", ".", "-",
                     "5x", "1e5", " 5", "5 ", "1234567890123456", "12345678901234567890", "00000000000000.1"]
        for cell in cells {
            for padding in [0, 20] { Self.expectReferenceReading(cell, padding: padding) }
        }
    }

    @Test("200,000 random cells of digits, points, signs and other bytes: the same as the reference reading")
    func randomCells() {
        var random = SplitMix64(seed: 20261130)
        let alphabet = Array("0123456789012345678901234567890123456789..-+e x")
        for _ in 0..<200_000 {
            let length = Int(random.next() % 18) + 1
            let cell = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            Self.expectReferenceReading(cell, padding: 16)
        }
    }

    @Test("leading digits read a word at a time: the value and count of digit-by-digit reading, 0 to 15 digits")
    func leadingDigits() {
        var random = SplitMix64(seed: 7)
        for length in 0...17 {
            for _ in 0..<200 {
                let digits = (0..<length).map { _ in UInt8(48 + random.next() % 10) }
                let bytes = digits + Array(",x".utf8) + Array(repeating: UInt8(ascii: "5"), count: 16)
                let got = bytes.withUnsafeBufferPointer { ByteParsing.leadingDigits($0.baseAddress!) }
                if length <= 15 {
                    let expected = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
                    #expect(got?.0 == expected && got?.1 == length, "\(String(decoding: digits, as: UTF8.self))")
                } else {
                    #expect(got == nil, "\(length) digits")
                }
            }
        }
    }

    @Test("a sign before a short number: what fastDecimal reads")
    func signedShort() {
        for cell in ["-54.30515", "+13.4", "-0", "-.5", "-5.", "+", "-", "--1", "-1234567.1234567", "-12345678.1", "54.1"] {
            let bytes = Array(cell.utf8) + [44] + Array(repeating: UInt8(ascii: "9"), count: 17)
            let (short, fast) = bytes.withUnsafeBufferPointer { b -> ((Double, Int)?, (Double?, Int)) in
                var i = 0
                let v = ByteParsing.fastDecimal(b.baseAddress!, &i, b.count, delimiter: 44)
                return (ByteParsing.signedShortDecimal(b.baseAddress!, delimiter: 44), (v, i))
            }
            if let short {
                #expect(short.0.bitPattern == fast.0?.bitPattern && short.1 == fast.1, "\(cell)")
            } else {
                // Refused: more than 7 digits on a side of the point, or not a number at all.
                let sides = cell.drop { $0 == "-" || $0 == "+" }.split(separator: ".", omittingEmptySubsequences: false)
                #expect(sides.contains { $0.count > 7 } || fast.0 == nil, "\(cell): short enough, yet refused")
            }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
