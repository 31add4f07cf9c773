/// Counts kept by ``AISStreamDecoder``: what was read, what was decoded, and every rejection by
/// reason. Plain integers, so counting costs nothing on the hot path.
public struct AISDecodingStatistics: Sendable, Equatable {
    /// Lines read (every line, blank ones included).
    public var lines = 0
    /// Blank lines.
    public var blankLines = 0
    /// Comment lines (starting with `#` or `//`).
    public var commentLines = 0
    /// NMEA sentences that are not AIS VDM/VDO (GPS `$GPRMC`, `$PGHP`, `!AIALR` …), skipped.
    public var otherSentences = 0
    /// `!xxVDM` / `!xxVDO` sentences whose framing and checksum were valid (fragments included).
    public var aisSentences = 0
    /// Messages decoded (a multi-sentence message counts once).
    public var messages = 0
    /// Messages decoded, by message type `0...63`.
    public var messagesByType = [Int](repeating: 0, count: 64)
    /// Rejections by reason, indexed by ``AISRejection/rawValue``.
    public var rejections = [Int](repeating: 0, count: AISRejection.allCases.count)

    /// Creates empty counts.
    public init() {}

    /// The count for one rejection reason.
    public subscript(reason: AISRejection) -> Int {
        get { rejections[reason.rawValue] }
        set { rejections[reason.rawValue] = newValue }
    }

    /// Total rejections over all reasons.
    public var totalRejections: Int { rejections.reduce(0, +) }

    /// Adds another decoder's counts (used when decoding in parallel chunks).
    public mutating func merge(_ other: AISDecodingStatistics) {
        lines += other.lines
        blankLines += other.blankLines
        commentLines += other.commentLines
        otherSentences += other.otherSentences
        aisSentences += other.aisSentences
        messages += other.messages
        for i in 0..<64 { messagesByType[i] += other.messagesByType[i] }
        for i in rejections.indices { rejections[i] += other.rejections[i] }
    }
}
