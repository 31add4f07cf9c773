/// One `!xxVDM` (received) or `!xxVDO` (own ship) sentence: a fragment of an AIS message
/// (IEC 61162-1 / NMEA 0183 "VDM – AIS VHF data-link message").
///
/// `!AIVDM,2,1,3,B,55P5TL01VIaAL@7WKO@mBplU@<PDhh000000001S;AJ::4A80?4i@E53,0*3E`:
/// talker `AI`, 2 fragments, this is fragment 1, sequential message id 3, channel B, the
/// armoured payload, 0 fill bits, checksum 0x3E. Ranges point into the line, so parsing
/// allocates nothing.
public struct AISSentence: Sendable, Equatable {
    /// The two talker letters packed big-endian (`AI`, `AB`, `BS`, `AN`, …).
    public var talker: UInt16
    /// True for `VDO` (the receiver's own ship), false for `VDM`.
    public var isOwnShip: Bool
    /// Number of fragments in the message, `1...9`.
    public var fragmentCount: Int
    /// This fragment's number, `1...fragmentCount`.
    public var fragmentNumber: Int
    /// Sequential message identifier `0...9` that ties fragments together; -1 when empty.
    public var sequentialID: Int
    /// Radio channel byte (`A`, `B`, `1`, `2`); 0 when empty.
    public var channel: UInt8
    /// Byte range of the armoured payload within the line.
    public var payload: Range<Int>
    /// Number of fill bits added to the last payload character, `0...5`.
    public var fillBits: Int
    /// The tag block in front of the sentence, if any.
    public var tagBlock: TagBlock?

    /// The talker as text, e.g. `"AI"`.
    public var talkerID: String { String(decoding: [UInt8(talker >> 8), UInt8(talker & 0xFF)], as: UTF8.self) }

    /// What a line turned out to be.
    enum LineKind {
        case blank
        case comment
        case otherSentence
        case sentence(AISSentence)
        case rejected(AISRejection)
    }

    /// Classifies and parses one line (without its line terminator; a trailing CR is tolerated).
    ///
    /// Accepts an optional tag block, then `!` + two talker letters + `VDM`/`VDO`, seven
    /// comma-separated fields and `*hh`. Anything after the checksum (USCG / ORBCOMM trailing
    /// fields such as `,d-109,S2105,t050056.00,…`) is ignored. Text before a `!` that is not a
    /// tag block (a logger's own time stamp) is skipped.
    static func classify(_ line: UnsafeBufferPointer<UInt8>) -> LineKind {
        var n = line.count
        while n > 0, line[n - 1] == 13 || line[n - 1] == 32 || line[n - 1] == 9 { n -= 1 }
        var i = 0
        while i < n, line[i] == 32 || line[i] == 9 { i += 1 }
        if i == n { return .blank }
        let first = line[i]
        if first == UInt8(ascii: "#") { return .comment }
        if first == UInt8(ascii: "/"), i + 1 < n, line[i + 1] == UInt8(ascii: "/") { return .comment }
        var tag: TagBlock?
        if first == UInt8(ascii: "\\") {
            guard let (block, next) = TagBlock.parse(UnsafeBufferPointer(rebasing: line[0..<n]), at: i) else {
                return .rejected(.badTagBlock)
            }
            tag = block
            i = next
            if i == n { return .rejected(.unrecognisedLine) }
        }
        if line[i] == UInt8(ascii: "$") { return .otherSentence }
        if line[i] != UInt8(ascii: "!") {
            // A prefix such as a logger's time stamp: look for the sentence start.
            var j = i
            while j < n, line[j] != UInt8(ascii: "!"), line[j] != UInt8(ascii: "$") { j += 1 }
            if j == n { return .rejected(.unrecognisedLine) }
            if line[j] == UInt8(ascii: "$") { return .otherSentence }
            i = j
        }
        return parseSentence(line, from: i, to: n, tagBlock: tag)
    }

    /// Parses `!xxVDM,…*hh` starting at the `!` at `start`.
    static func parseSentence(_ line: UnsafeBufferPointer<UInt8>, from start: Int, to n: Int, tagBlock: TagBlock?) -> LineKind {
        // One pass: checksum and field separators.
        var commas = (0, 0, 0, 0, 0, 0)
        var commaCount = 0
        var x: UInt8 = 0
        var i = start + 1
        var star = -1
        while i < n {
            let c = line[i]
            if c == UInt8(ascii: "*") { star = i; break }
            x ^= c
            if c == UInt8(ascii: ",") {
                switch commaCount {
                case 0: commas.0 = i
                case 1: commas.1 = i
                case 2: commas.2 = i
                case 3: commas.3 = i
                case 4: commas.4 = i
                case 5: commas.5 = i
                default: break
                }
                commaCount += 1
            }
            i += 1
        }
        // Address field: 2 talker letters + 3 formatter letters.
        let addressLength = (commaCount > 0 ? commas.0 : (star >= 0 ? star : n)) - start - 1
        guard addressLength == 5 else { return addressLength > 0 ? .otherSentence : .rejected(.malformedSentence) }
        let f0 = line[start + 3], f1 = line[start + 4], f2 = line[start + 5]
        guard f0 == UInt8(ascii: "V"), f1 == UInt8(ascii: "D"), f2 == UInt8(ascii: "M") || f2 == UInt8(ascii: "O") else {
            return .otherSentence
        }
        guard star >= 0, star + 3 <= n else { return .rejected(.malformedSentence) }
        guard let sum = hexByte(line[star + 1], line[star + 2]) else { return .rejected(.malformedSentence) }
        guard sum == x else { return .rejected(.badChecksum) }
        guard commaCount == 6 else { return .rejected(.malformedSentence) }
        // Fields 1–3: fragment count, fragment number, sequential id (single digits).
        func digit(_ from: Int, _ to: Int) -> Int? {
            guard to - from == 1 else { return nil }
            let c = line[from]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        guard let count = digit(commas.0 + 1, commas.1), let number = digit(commas.1 + 1, commas.2), count >= 1,
            number >= 1, number <= count
        else { return .rejected(.malformedSentence) }
        var seq = -1
        if commas.3 > commas.2 + 1 {
            guard let s = digit(commas.2 + 1, commas.3) else { return .rejected(.malformedSentence) }
            seq = s
        }
        var channel: UInt8 = 0
        let channelLength = commas.4 - commas.3 - 1
        if channelLength == 1 { channel = line[commas.3 + 1] } else if channelLength > 1 { return .rejected(.malformedSentence) }
        let payload = (commas.4 + 1)..<commas.5
        guard star - commas.5 == 2 else { return .rejected(commas.5 + 1 == star ? .malformedSentence : .badFillBits) }
        let fc = line[commas.5 + 1]
        guard fc >= 48, fc <= 57 else { return .rejected(.malformedSentence) }
        let fill = Int(fc - 48)
        guard fill <= 5 else { return .rejected(.badFillBits) }
        if payload.isEmpty { return .rejected(.emptyPayload) }
        let talker = UInt16(line[start + 1]) << 8 | UInt16(line[start + 2])
        return .sentence(
            AISSentence(
                talker: talker, isOwnShip: f2 == UInt8(ascii: "O"), fragmentCount: count, fragmentNumber: number,
                sequentialID: seq, channel: channel, payload: payload, fillBits: fill, tagBlock: tagBlock))
    }
}
