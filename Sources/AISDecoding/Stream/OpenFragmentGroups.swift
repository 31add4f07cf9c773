/// The multi-sentence groups a decoder holds open, in a form that two decoders can compare even
/// when they started at different points of the input: ages instead of running sentence numbers,
/// tag-block source bytes instead of interned ids.
///
/// Two decoders with equal open groups, fed the same lines from here on, decode the same messages
/// and count the same rejections: the groups are the only state of ``AISStreamDecoder`` that
/// outlives a line (apart from a partial line carried between chunks, and line numbers, which the
/// caller sets). `capwatch decode --threads` uses this to check that the warm-up before each
/// slice rebuilt exactly the state one decoder would have there.
public struct OpenFragmentGroups: Equatable, Sendable {
    /// One open group.
    public struct Group: Equatable, Sendable {
        /// Tag-block `s:` source, its bytes as in the line (empty for none). Bytes, not a
        /// `String`: two spellings of one name in Unicode (NFC and NFD), or two invalid UTF-8
        /// sequences, are equal as strings but are different sources to the assembler.
        public var source: [UInt8]
        /// Radio channel byte, 0 when empty.
        public var channel: UInt8
        /// Sequential message id, -1 when empty.
        public var sequentialID: Int
        /// Fragments in the message.
        public var fragmentCount: Int
        /// The fragment number expected next, `2...fragmentCount`.
        public var nextFragment: Int
        /// AIS sentences read since the group's first fragment (0 for the sentence just read).
        public var age: Int
        /// Line number of the first fragment.
        public var lineNumber: Int
        /// Receive time of the first fragment that had one (seconds since 1970 UTC).
        public var receivedAt: Int64?
        /// Talker of the first fragment, packed big-endian.
        public var talker: UInt16
        /// True for `VDO`.
        public var isOwnShip: Bool
        /// The armoured payload characters joined so far.
        public var payload: [UInt8]
    }

    /// The open groups, oldest first.
    public var groups: [Group]

    /// No open group: a decoder that has read nothing, or nothing unfinished.
    public static let empty = OpenFragmentGroups(groups: [])
}
