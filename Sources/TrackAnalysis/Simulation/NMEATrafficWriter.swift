import AISDecoding

/// Writes simulated messages as an NMEA log: each message as `!AIVDM` sentences behind a tag
/// block with the receiver's name (`s:`) and the receive time (`c:`), one sentence per line.
public enum NMEATrafficWriter {
    /// The log text, `\n`-terminated lines in the messages' order.
    /// - Parameters:
    ///   - messages: the messages (types 1, 2, 3, 5, 18, 19, 24; others are skipped).
    ///   - source: the tag-block source name.
    public static func render(_ messages: [SimulatedMessage], source: String) -> String {
        var encoder = NMEASentenceEncoder(source: source)
        var out = ""
        out.reserveCapacity(messages.count * 90)
        for m in messages {
            guard let payload = m.message.armouredPayload else { continue }
            encoder.channel = m.channel
            for line in encoder.sentences(for: payload, receivedAt: m.time) {
                out += line
                out += "\n"
            }
        }
        return out
    }
}
