import AISDecoding

/// The counts of a decoding run as a few lines of text for standard error.
struct DecodeSummary {
    let statistics: AISDecodingStatistics

    init(_ statistics: AISDecodingStatistics) { self.statistics = statistics }

    var text: String {
        let s = statistics
        var lines = [
            "lines \(s.lines): AIS sentences \(s.aisSentences), other NMEA \(s.otherSentences), comments \(s.commentLines), blank \(s.blankLines)",
            "messages decoded \(s.messages): "
                + s.messagesByType.enumerated().filter { $0.element > 0 }.map { "type \($0.offset) \($0.element)" }.joined(separator: ", "),
        ]
        let rejections = AISRejection.allCases.filter { s[$0] > 0 }.map { "\($0) \(s[$0])" }
        lines.append("rejected \(s.totalRejections)" + (rejections.isEmpty ? "" : ": " + rejections.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
