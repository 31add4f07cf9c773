/// Why a line, sentence or message was not turned into a decoded message. Every rejection is
/// counted by reason in ``AISDecodingStatistics``; none ends the stream.
public enum AISRejection: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// The `*hh` checksum (XOR of the bytes between `!` and `*`, NMEA 0183 §5.2.1) does not match.
    case badChecksum
    /// A `!xxVDM` / `!xxVDO` sentence without its seven fields, or with a non-numeric count,
    /// fragment number or fill-bit field, or a fragment number above the count.
    case malformedSentence
    /// A character outside the six-bit armouring alphabet (`0`–`W`, `` ` ``–`w`, ITU-R M.1371-5
    /// Annex 8 / IEC 61162-1 Table 7) in the payload.
    case invalidPayloadCharacter
    /// A fill-bit count outside 0…5 (IEC 61162-1 allows 0–5). Fill bits on a non-final fragment are
    /// tolerated and ignored (only the last fragment's count applies), as pyais does.
    case badFillBits
    /// The payload field is empty (`!AIVDM,1,1,,B,,0*25`).
    case emptyPayload
    /// The payload is shorter than its message type requires (see each message's `minimumBitCount`).
    case shortPayload
    /// A fragment numbered 2 or later with no open group to join (its first fragment was lost).
    case orphanFragment
    /// A fragment that arrived out of order (number not one more than the last received).
    case outOfOrderFragment
    /// An incomplete multi-sentence group dropped: superseded by a new first fragment with the same
    /// key, aged out (``FragmentAssembler/maximumAge`` sentences), or still open at end of input.
    case incompleteGroup
    /// A tag block (`\…*hh\`) whose checksum fails or that is not terminated.
    case badTagBlock
    /// A line that is neither a comment, a NMEA sentence nor a tag-blocked sentence.
    case unrecognisedLine
    /// A line longer than the decoder accepts (``AISStreamDecoder/maximumLineLength`` bytes).
    case lineTooLong

    /// A short, stable, snake_case label for summaries and JSON.
    public var description: String {
        switch self {
        case .badChecksum: "bad_checksum"
        case .malformedSentence: "malformed_sentence"
        case .invalidPayloadCharacter: "invalid_payload_character"
        case .badFillBits: "bad_fill_bits"
        case .emptyPayload: "empty_payload"
        case .shortPayload: "short_payload"
        case .orphanFragment: "orphan_fragment"
        case .outOfOrderFragment: "out_of_order_fragment"
        case .incompleteGroup: "incomplete_group"
        case .badTagBlock: "bad_tag_block"
        case .unrecognisedLine: "unrecognised_line"
        case .lineTooLong: "line_too_long"
        }
    }
}
