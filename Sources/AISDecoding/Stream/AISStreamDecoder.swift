#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a stream of NMEA lines into AIS messages, never throwing and never stopping because
/// of a bad line: every line is counted in ``statistics`` as decoded, skipped or rejected by
/// reason.
///
/// Feed it whole lines (``decode(line:_:)``), or arbitrary chunks of a file or socket
/// (``decode(chunk:_:)``) and call ``finish(_:)`` at the end. Memory stays constant: one line
/// carried between chunks (at most ``maximumLineLength`` bytes) and at most
/// ``FragmentAssembler/slotCount`` open multi-sentence groups.
///
/// ```swift
/// let decoder = AISStreamDecoder()
/// decoder.decode(chunk: bytes) { decoded in
///     if case .positionReport(let p) = decoded.message { print(p.mmsi, p.latitude ?? .nan) }
/// }
/// decoder.finish { _ in }
/// ```
public final class AISStreamDecoder {
    /// Lines longer than this many bytes are rejected as ``AISRejection/lineTooLong``.
    public static let maximumLineLength = 4096

    /// Counts of everything read so far.
    public private(set) var statistics = AISDecodingStatistics()

    private let buffer = PayloadBuffer()
    private var assembler: FragmentAssembler
    private var carry: [UInt8] = []
    private var carryOverflow = false
    private var lineNumber = 0
    private var sentenceCounter = 0
    private var sources: [String] = [""]
    private var sourceIDs: [[UInt8]: Int] = [:]
    private var lastSourceBytes: [UInt8] = []
    private var lastSourceID = 0

    /// - Parameter maximumFragmentAge: sentences after which an incomplete multi-sentence group
    ///   is dropped (default 1,000: at AISHub's rate about 2 s of a busy feed).
    public init(maximumFragmentAge: Int = 1000) {
        assembler = FragmentAssembler(maximumAge: maximumFragmentAge)
    }

    /// The tag-block source name for a ``AISDecodedMessage/sourceID``; `""` for 0 (no source).
    public func sourceName(_ id: Int) -> String { id < sources.count ? sources[id] : "" }

    /// Decodes one line (without its `\n`; a trailing `\r` is allowed).
    /// - Parameter body: called once per decoded message, in input order.
    public func decode(line: UnsafeBufferPointer<UInt8>, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        lineNumber += 1
        statistics.lines += 1
        if line.count > AISStreamDecoder.maximumLineLength {
            statistics[.lineTooLong] += 1
            return
        }
        switch AISSentence.classify(line) {
        case .blank: statistics.blankLines += 1
        case .comment: statistics.commentLines += 1
        case .otherSentence: statistics.otherSentences += 1
        case .rejected(let reason): statistics[reason] += 1
        case .sentence(let sentence):
            statistics.aisSentences += 1
            sentenceCounter += 1
            try handle(sentence, line: line, body)
        }
    }

    @inline(__always)
    private func handle(_ sentence: AISSentence, line: UnsafeBufferPointer<UInt8>, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        let source = sentence.tagBlock?.sourceRange.map { intern(UnsafeBufferPointer(rebasing: line[$0])) } ?? 0
        if sentence.fragmentCount == 1 {
            buffer.reset()
            guard buffer.append(UnsafeBufferPointer(rebasing: line[sentence.payload])) else {
                statistics[.invalidPayloadCharacter] += 1
                return
            }
            try emit(
                reader: buffer.finish(fillBits: sentence.fillBits), receivedAt: sentence.tagBlock?.receivedAt, source: source,
                channel: sentence.channel, talker: sentence.talker, isOwnShip: sentence.isOwnShip, lineNumber: lineNumber,
                fragments: 1, body)
            return
        }
        var rejected: [AISRejection] = []
        let outcome = assembler.offer(sentence, line: line, source: source, lineNumber: lineNumber, counter: sentenceCounter) {
            rejected.append($0)
        }
        for r in rejected { statistics[r] += 1 }
        guard case .complete(let group) = outcome else { return }
        buffer.reset()
        let ok = group.payload.withUnsafeBufferPointer { buffer.append($0) }
        guard ok else {
            statistics[.invalidPayloadCharacter] += 1
            return
        }
        try emit(
            reader: buffer.finish(fillBits: sentence.fillBits), receivedAt: group.receivedAt, source: group.key.source, channel: sentence.channel,
            talker: group.talker, isOwnShip: group.isOwnShip, lineNumber: group.lineNumber, fragments: sentence.fragmentCount, body)
    }

    @inline(__always)
    private func emit(
        reader: BitReader, receivedAt: Int64?, source: Int, channel: UInt8, talker: UInt16, isOwnShip: Bool, lineNumber: Int,
        fragments: Int, _ body: (AISDecodedMessage) throws -> Void
    ) rethrows {
        guard let message = AISMessage.decode(reader) else {
            statistics[.shortPayload] += 1
            return
        }
        statistics.messages += 1
        statistics.messagesByType[message.messageType] += 1
        try body(
            AISDecodedMessage(
                message: message, receivedAt: receivedAt, sourceID: source, channel: channel, talker: talker, isOwnShip: isOwnShip,
                lineNumber: lineNumber, fragmentCount: fragments))
    }

    private func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes.count == lastSourceBytes.count,
            lastSourceBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
        {
            return lastSourceID
        }
        let key = Array(bytes)
        let id: Int
        if let known = sourceIDs[key] {
            id = known
        } else {
            id = sources.count
            sources.append(String(decoding: key, as: UTF8.self))
            sourceIDs[key] = id
        }
        lastSourceBytes = key
        lastSourceID = id
        return id
    }

    /// Decodes a chunk of bytes: every complete line in it, plus the line carried over from the
    /// previous chunk. A final line without `\n` waits for the next chunk or ``finish(_:)``.
    public func decode(chunk: UnsafeRawBufferPointer, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return }
        let end = base + chunk.count
        var p = base
        if !carry.isEmpty || carryOverflow {
            guard let nl = newline(from: p, to: end) else {
                appendCarry(UnsafeBufferPointer(start: p, count: end - p))
                return
            }
            appendCarry(UnsafeBufferPointer(start: p, count: nl - p))
            try flushCarry(body)
            p = nl + 1
        }
        while p < end {
            guard let nl = newline(from: p, to: end) else {
                appendCarry(UnsafeBufferPointer(start: p, count: end - p))
                return
            }
            try decode(line: UnsafeBufferPointer(start: p, count: nl - p), body)
            p = nl + 1
        }
    }

    private func appendCarry(_ bytes: UnsafeBufferPointer<UInt8>) {
        if carry.count + bytes.count > AISStreamDecoder.maximumLineLength {
            carryOverflow = true
            carry.removeAll(keepingCapacity: true)
        } else if !carryOverflow {
            carry.append(contentsOf: bytes)
        }
    }

    private func flushCarry(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        if carryOverflow {
            lineNumber += 1
            statistics.lines += 1
            statistics[.lineTooLong] += 1
            carryOverflow = false
            carry.removeAll(keepingCapacity: true)
            return
        }
        let line = carry
        carry.removeAll(keepingCapacity: true)
        try line.withUnsafeBufferPointer { try decode(line: $0, body) }
    }

    /// Ends the input: decodes a last line that had no `\n` and drops incomplete groups (counted).
    public func finish(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        if !carry.isEmpty || carryOverflow { try flushCarry(body) }
        var rejected = 0
        assembler.flush { _ in rejected += 1 }
        statistics[.incompleteGroup] += rejected
    }

    /// Decodes a whole text (tests, small inputs) and returns the messages.
    public func decodeAll(_ text: String) -> [AISDecodedMessage] {
        var out: [AISDecodedMessage] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in decode(chunk: raw) { out.append($0) } }
        finish { out.append($0) }
        return out
    }
}

/// The first `\n` in `from..<to`, found with the C library's vectorised `memchr`.
@inline(__always) private func newline(from p: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
    guard let hit = memchr(p, 10, end - p) else { return nil }
    return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
}
