/// A decoded message with where and when it was received.
public struct AISDecodedMessage: Sendable {
    /// The message.
    public var message: AISMessage
    /// Receive time from the tag block's `c:` field (seconds since 1970 UTC), if any fragment had one.
    public var receivedAt: Int64?
    /// The tag block's `s:` source, interned: look the name up with
    /// ``AISStreamDecoder/sourceName(_:)``. 0 when there was no source.
    public var sourceID: Int
    /// Radio channel byte (`A`, `B`, `1`, `2`), 0 when empty.
    public var channel: UInt8
    /// Talker letters packed big-endian (`AI`, `BS` …).
    public var talker: UInt16
    /// True for a `VDO` (own-ship) sentence.
    public var isOwnShip: Bool
    /// 1-based line number of the message's first fragment in the input.
    public var lineNumber: Int
    /// Number of sentences the message was assembled from.
    public var fragmentCount: Int
}
