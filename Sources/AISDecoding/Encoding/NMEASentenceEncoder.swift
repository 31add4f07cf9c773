/// Writes armoured AIS payloads as complete NMEA 0183 `!AIVDM` sentences (IEC 61162-1 "VDM"),
/// optionally each behind an NMEA 4.10 tag block carrying the source (`s:`) and the receive time
/// (`c:`, seconds since 1970 UTC), with correct sentence and tag-block checksums.
///
/// A payload longer than ``maximumPayloadCharacters`` (60, the usual split: a type 5 message of 71
/// characters becomes two sentences) is split into fragments that share a sequential message id
/// `0...9`, which advances with every multi-sentence message; single-sentence messages leave the
/// id empty, as receivers do. Fill bits are declared on the last fragment only (0 on the others).
/// Every fragment gets the same tag block, so a decoder that groups fragments by source (as
/// ``AISStreamDecoder`` does) reassembles them.
///
/// ```swift
/// var encoder = NMEASentenceEncoder(source: "sim")
/// let lines = encoder.sentences(for: report.armouredPayload, receivedAt: 1_546_300_800)
/// // \s:sim,c:1546300800*hh\!AIVDM,1,1,,A,…,0*hh
/// ```
public struct NMEASentenceEncoder: Sendable {
    /// The talker, two letters (`AI`: mobile AIS station).
    public var talker: String
    /// The radio channel, `A` or `B`.
    public var channel: Character
    /// The tag-block source (`s:`), e.g. a receiver name; nil writes no `s:` field.
    public var source: String?
    /// Largest payload per sentence, in armoured characters (default 60; at most 61 keeps a
    /// sentence within NMEA's 82 characters).
    public var maximumPayloadCharacters: Int
    /// The sequential message id the next multi-sentence message will carry, `0...9`.
    public private(set) var nextSequentialID = 0

    /// - Parameters: see the properties.
    public init(talker: String = "AI", channel: Character = "A", source: String? = nil, maximumPayloadCharacters: Int = 60) {
        self.talker = talker
        self.channel = channel
        self.source = source
        self.maximumPayloadCharacters = max(1, maximumPayloadCharacters)
    }

    /// The sentences for one message, each with its tag block when `receivedAt` or ``source`` is set.
    /// - Parameters:
    ///   - payload: the armoured payload.
    ///   - receivedAt: the `c:` receive time in seconds since 1970 UTC, or nil for none.
    /// - Returns: one line per fragment, without line terminators, in order.
    public mutating func sentences(for payload: ArmouredPayload, receivedAt: Int64? = nil) -> [String] {
        let chars = Array(payload.characters.utf8)
        let size = maximumPayloadCharacters
        let count = max(1, (chars.count + size - 1) / size)
        precondition(count <= 9, "a payload of \(chars.count) characters needs more than 9 sentences")
        var sequential = ""
        if count > 1 {
            sequential = String(nextSequentialID)
            nextSequentialID = (nextSequentialID + 1) % 10
        }
        let tag = tagBlock(receivedAt: receivedAt)
        var lines: [String] = []
        lines.reserveCapacity(count)
        for i in 0..<count {
            let part = String(decoding: chars[min(chars.count, i * size)..<min(chars.count, (i + 1) * size)], as: UTF8.self)
            let fill = i == count - 1 ? payload.fillBits : 0
            let body = "\(talker)VDM,\(count),\(i + 1),\(sequential),\(channel),\(part),\(fill)"
            lines.append(tag + "!" + body + "*" + Self.hex(Self.checksum(body)))
        }
        return lines
    }

    /// The tag block `\s:SOURCE,c:TIME*hh\` (fields present as given), or `""` when there is none.
    /// - Parameter receivedAt: the `c:` time in seconds since 1970 UTC.
    public func tagBlock(receivedAt: Int64?) -> String {
        var fields: [String] = []
        if let source { fields.append("s:" + source) }
        if let receivedAt { fields.append("c:" + String(receivedAt)) }
        guard !fields.isEmpty else { return "" }
        let body = fields.joined(separator: ",")
        return "\\" + body + "*" + Self.hex(Self.checksum(body)) + "\\"
    }

    /// The NMEA checksum: XOR of the bytes between the start delimiter and `*`.
    public static func checksum(_ body: String) -> UInt8 { body.utf8.reduce(0, ^) }

    /// Two upper-case hexadecimal digits.
    static func hex(_ v: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(v >> 4)], digits[Int(v & 15)]], as: UTF8.self)
    }
}
