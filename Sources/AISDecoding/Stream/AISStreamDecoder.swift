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
/// carried between chunks (at most ``maximumLineLength`` bytes), one bit buffer, and at most
/// ``FragmentAssembler/slotCount`` open multi-sentence groups.
///
/// Speed: the common case — a single-sentence `!xxVDM` without a tag block — takes a fast path
/// that reads fields straight from the bytes, verifies the checksum and de-armours eight bytes at a
/// time, and allocates nothing. Anything unusual (tag blocks, fragments, any malformation) takes
/// the general path, which gives the same result and the exact rejection reason.
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

    private var core: DecoderCore

    /// - Parameters:
    ///   - maximumFragmentAge: sentences after which an incomplete multi-sentence group is dropped
    ///     (default 1,000: at AISHub's rate about 2 s of a busy feed).
    ///   - firstLineNumber: the number of the first line fed (default 1); a caller that decodes a
    ///     file in slices gives each slice its place so line numbers stay those of the file.
    public init(maximumFragmentAge: Int = 1000, firstLineNumber: Int = 1) {
        core = DecoderCore(maximumFragmentAge: maximumFragmentAge)
        core.lineNumber = firstLineNumber - 1
    }

    /// Sets every count back to zero, keeping the decoder's state (open fragment groups, the line
    /// number). Used after a warm-up pass over lines that another decoder counts.
    public func resetStatistics() {
        core.counters.storage.update(repeating: 0, count: DecoderCounters.total)
    }

    deinit { core.deallocate() }

    /// Counts of everything read so far.
    public var statistics: AISDecodingStatistics { core.counters.statistics }

    /// The tag-block source name for a ``AISDecodedMessage/sourceID``; `""` for 0 (no source).
    /// Look it up when the message arrives: after more than 4,096 distinct sources the decoder
    /// forgets those no open multi-sentence group uses, and their ids are given again.
    public func sourceName(_ id: Int) -> String { id < core.sources.count ? core.sources[id] : "" }

    /// Decodes one line (without its `\n`; a trailing `\r` is allowed).
    /// - Parameter body: called once per decoded message, in input order.
    public func decode(line: UnsafeBufferPointer<UInt8>, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        guard let base = line.baseAddress else {
            try core.decodeLine(UnsafePointer(bitPattern: 1)!, count: 0, body)
            return
        }
        try core.decodeLine(base, count: line.count, body)
    }

    /// Decodes a chunk of bytes: every complete line in it, plus the line carried over from the
    /// previous chunk. A final line without `\n` waits for the next chunk or ``finish(_:)``.
    public func decode(chunk: UnsafeRawBufferPointer, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        try core.decode(chunk: chunk, body)
    }

    /// Ends the line at the end of one of several inputs: a last line without `\n` is decoded
    /// now rather than joined to the next input's first line. Open multi-sentence groups stay open
    /// (a message may continue in the next input).
    public func endLine(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        try core.endLine(body)
    }

    /// Ends the input: decodes a last line that had no `\n` and drops incomplete groups (counted).
    public func finish(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        try core.finish(body)
    }

    /// Drops, and counts as ``AISRejection/incompleteGroup``, the open groups older than
    /// `maximumFragmentAge` sentences now rather than at the next fragment or at ``finish(_:)``,
    /// which would drop and count them before anything else: the counts and messages of the whole
    /// input are the same whenever it is called between lines.
    public func expireFragments() {
        let counters = core.counters
        core.assembler.expire(counter: core.sentenceCounter) { counters.reject($0) }
    }

    /// Distinct tag-block sources held now (tests: the table stays bounded).
    var internedSourceCount: Int { core.sources.count }

    /// The open multi-sentence groups (see ``OpenFragmentGroups``).
    public var openFragmentGroups: OpenFragmentGroups {
        core.assembler.openGroups(counter: core.sentenceCounter, sourceBytes: core.sourceBytes)
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

/// Plain counters behind ``AISDecodingStatistics``, kept in one allocation so that counting is a
/// single increment with no bounds or uniqueness checks.
struct DecoderCounters {
    static let lines = 0, blankLines = 1, commentLines = 2, otherSentences = 3, aisSentences = 4, messages = 5
    static let byType = 6
    static let rejections = byType + 64
    static let total = rejections + AISRejection.allCases.count

    let storage: UnsafeMutablePointer<Int>

    init() {
        storage = .allocate(capacity: DecoderCounters.total)
        storage.initialize(repeating: 0, count: DecoderCounters.total)
    }

    @inline(__always) func increment(_ index: Int) { storage[index] &+= 1 }
    @inline(__always) func reject(_ reason: AISRejection) { storage[DecoderCounters.rejections + reason.rawValue] &+= 1 }

    var statistics: AISDecodingStatistics {
        var s = AISDecodingStatistics()
        s.lines = storage[DecoderCounters.lines]
        s.blankLines = storage[DecoderCounters.blankLines]
        s.commentLines = storage[DecoderCounters.commentLines]
        s.otherSentences = storage[DecoderCounters.otherSentences]
        s.aisSentences = storage[DecoderCounters.aisSentences]
        s.messages = storage[DecoderCounters.messages]
        for t in 0..<64 { s.messagesByType[t] = storage[DecoderCounters.byType + t] }
        for r in AISRejection.allCases { s[r] = storage[DecoderCounters.rejections + r.rawValue] }
        return s
    }
}

/// The decoder's state and hot loop, as a struct so that its fields are accessed without dynamic
/// exclusivity checks (``AISStreamDecoder`` owns one and forwards whole chunks to it).
struct DecoderCore {
    let counters = DecoderCounters()
    let bits: UnsafeMutablePointer<UInt8>
    var assembler: FragmentAssembler
    var carry: [UInt8] = []
    var carryOverflow = false
    var lineNumber = 0
    var sentenceCounter = 0
    var sources: [String] = [""]
    /// The bytes of each source, as in the tag block (``sources`` holds them decoded as UTF-8).
    var sourceBytes: [[UInt8]] = [[]]
    var sourceIDs: [[UInt8]: Int] = [:]
    var lastSourceBytes: [UInt8] = []
    var lastSourceID = 0

    init(maximumFragmentAge: Int) {
        assembler = FragmentAssembler(maximumAge: maximumFragmentAge)
        bits = .allocate(capacity: PayloadBufferLayout.allocationBytes)
        bits.initialize(repeating: 0, count: PayloadBufferLayout.allocationBytes)
    }

    func deallocate() {
        bits.deallocate()
        counters.storage.deallocate()
    }

    // MARK: Lines

    @inline(__always)
    mutating func decodeLine(_ p: UnsafePointer<UInt8>, count: Int, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        lineNumber &+= 1
        counters.increment(DecoderCounters.lines)
        if count > AISStreamDecoder.maximumLineLength {
            counters.reject(.lineTooLong)
            return
        }
        if count >= 20, p[0] == UInt8(ascii: "!"), try fastPath(p, count: count, body) { return }
        try slowPath(UnsafeBufferPointer(start: p, count: count), body)
    }

    /// Decodes `!xxVDM,1,1,[d],[c],payload,f*hh` with nothing unusual about it, and takes a
    /// fragment of a multi-sentence message (`!xxVDM,n,k,…` without a tag block) to the
    /// assembler without the general parser.
    /// - Returns: false when the line is anything else: the caller then takes the general path,
    ///   which decides exactly as if the fast path did not exist.
    @inline(__always)
    mutating func fastPath(_ p: UnsafePointer<UInt8>, count n0: Int, _ body: (AISDecodedMessage) throws -> Void) rethrows -> Bool {
        var n = n0
        if p[n - 1] == 13 { n -= 1 }
        // "VDM," or "VDO," after the talker, then "1,1," or "n,k,".
        let formatter = UnsafeRawPointer(p + 3).loadUnaligned(as: UInt32.self)
        guard formatter == fourCC("VDM,") || formatter == fourCC("VDO,"), p[1] > 44, p[2] > 44 else { return false }
        let single = UnsafeRawPointer(p + 7).loadUnaligned(as: UInt32.self) == fourCC("1,1,")
        if !single {
            // Fragment k of n: single digits, 1 ≤ k ≤ n (as the general parser requires).
            guard p[8] == UInt8(ascii: ","), p[10] == UInt8(ascii: ","), p[7] >= UInt8(ascii: "1"), p[7] <= UInt8(ascii: "9"),
                p[9] >= UInt8(ascii: "1"), p[9] <= p[7]
            else { return false }
        }
        var i = 11
        var sequentialID = -1
        if p[i] != UInt8(ascii: ",") {
            guard p[i] >= 48, p[i] <= 57, p[i + 1] == UInt8(ascii: ",") else { return false }
            sequentialID = Int(p[i] - 48)
            i += 1
        }
        i += 1  // past the comma after the sequential id
        var channel: UInt8 = 0
        if p[i] != UInt8(ascii: ",") {
            channel = p[i]
            guard channel != UInt8(ascii: "*"), p[i + 1] == UInt8(ascii: ",") else { return false }
            i += 1
        }
        i += 1
        let payloadStart = i
        // The payload ends at the comma before the fill bits: `,f*hh` closes the sentence.
        guard n - payloadStart >= 6, p[n - 3] == UInt8(ascii: "*"), p[n - 5] == UInt8(ascii: ",") else { return false }
        let star = n - 3
        let payloadEnd = n - 5
        let fillChar = p[n - 4]
        guard fillChar >= 48, fillChar <= 53, payloadEnd > payloadStart,
            payloadEnd - payloadStart <= PayloadBufferLayout.capacityCharacters,
            let expected = hexByte(p[n - 2], p[n - 1]), checksum(p + 1, count: star - 1) == expected
        else { return false }
        // No comma or star may hide inside the payload (the general path would see different
        // fields): every character must be in the six-bit alphabet. For a fragment the bits are
        // not used (the assembler de-armours the joined payload into the same buffer later).
        guard dearmour(p + payloadStart, count: payloadEnd - payloadStart, readable: n - payloadStart, into: bits) else { return false }
        counters.increment(DecoderCounters.aisSentences)
        sentenceCounter &+= 1
        let talker = UInt16(p[1]) << 8 | UInt16(p[2])
        guard single else {
            let sentence = AISSentence(
                talker: talker, isOwnShip: p[5] == UInt8(ascii: "O"), fragmentCount: Int(p[7] - 48), fragmentNumber: Int(p[9] - 48),
                sequentialID: sequentialID, channel: channel, payload: payloadStart..<payloadEnd, fillBits: Int(fillChar - 48),
                tagBlock: nil)
            try handle(sentence, line: UnsafeBufferPointer(start: p, count: n0), body)
            return true
        }
        let bitCount = (payloadEnd - payloadStart) * 6 - Int(fillChar - 48)
        zeroTail(bits, bitCount: bitCount, armouredCount: payloadEnd - payloadStart)
        try emit(
            BitReader(base: UnsafePointer(bits), bitCount: bitCount), receivedAt: nil, source: 0, channel: channel, talker: talker,
            isOwnShip: p[5] == UInt8(ascii: "O"), lineNumber: lineNumber, fragments: 1, body)
        return true
    }

    mutating func slowPath(_ line: UnsafeBufferPointer<UInt8>, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        switch AISSentence.classify(line) {
        case .blank: counters.increment(DecoderCounters.blankLines)
        case .comment: counters.increment(DecoderCounters.commentLines)
        case .otherSentence: counters.increment(DecoderCounters.otherSentences)
        case .rejected(let reason): counters.reject(reason)
        case .sentence(let sentence):
            counters.increment(DecoderCounters.aisSentences)
            sentenceCounter &+= 1
            try handle(sentence, line: line, body)
        }
    }

    mutating func handle(_ sentence: AISSentence, line: UnsafeBufferPointer<UInt8>, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        let source = sentence.tagBlock?.sourceRange.map { intern(UnsafeBufferPointer(rebasing: line[$0])) } ?? 0
        if sentence.fragmentCount == 1 {
            let chars = UnsafeBufferPointer(rebasing: line[sentence.payload])
            guard chars.count <= PayloadBufferLayout.capacityCharacters, dearmour(chars.baseAddress!, count: chars.count, into: bits) else {
                counters.reject(.invalidPayloadCharacter)
                return
            }
            let bitCount = max(0, chars.count * 6 - sentence.fillBits)
            zeroTail(bits, bitCount: bitCount, armouredCount: chars.count)
            try emit(
                BitReader(base: UnsafePointer(bits), bitCount: bitCount), receivedAt: sentence.tagBlock?.receivedAt, source: source,
                channel: sentence.channel, talker: sentence.talker, isOwnShip: sentence.isOwnShip, lineNumber: lineNumber, fragments: 1,
                body)
            return
        }
        let counters = self.counters
        let outcome = assembler.offer(sentence, line: line, source: source, lineNumber: lineNumber, counter: sentenceCounter) {
            counters.reject($0)
        }
        guard case .complete(let group) = outcome else { return }
        let ok = group.payload.withUnsafeBufferPointer {
            $0.count <= PayloadBufferLayout.capacityCharacters && dearmour($0.baseAddress!, count: $0.count, into: bits)
        }
        guard ok else {
            counters.reject(.invalidPayloadCharacter)
            return
        }
        let bitCount = max(0, group.payload.count * 6 - sentence.fillBits)
        zeroTail(bits, bitCount: bitCount, armouredCount: group.payload.count)
        try emit(
            BitReader(base: UnsafePointer(bits), bitCount: bitCount), receivedAt: group.receivedAt, source: group.key.source,
            channel: sentence.channel, talker: group.talker, isOwnShip: group.isOwnShip, lineNumber: group.lineNumber,
            fragments: sentence.fragmentCount, body)
    }

    @inline(__always)
    func emit(
        _ reader: BitReader, receivedAt: Int64?, source: Int, channel: UInt8, talker: UInt16, isOwnShip: Bool, lineNumber: Int,
        fragments: Int, _ body: (AISDecodedMessage) throws -> Void
    ) rethrows {
        guard let message = AISMessage.decode(reader) else {
            counters.reject(.shortPayload)
            return
        }
        counters.increment(DecoderCounters.messages)
        counters.increment(DecoderCounters.byType + Int(reader.uint(0, 6)))
        try body(
            AISDecodedMessage(
                message: message, receivedAt: receivedAt, sourceID: source, channel: channel, talker: talker, isOwnShip: isOwnShip,
                lineNumber: lineNumber, fragmentCount: fragments))
    }

    /// Distinct tag-block sources kept at most: past this, ``compactSources()`` keeps only those
    /// that open fragment groups still use, so a feed with ever new source names does not make
    /// memory grow.
    static let maximumSources = 4096

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // An empty `s:` is no source, whatever came before (the id must not depend on history).
        if bytes.isEmpty { return 0 }
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
            if sources.count > DecoderCore.maximumSources { compactSources() }
            id = sources.count
            sources.append(String(decoding: key, as: UTF8.self))
            sourceBytes.append(key)
            sourceIDs[key] = id
        }
        lastSourceBytes = key
        lastSourceID = id
        return id
    }

    /// Forgets every source but those of open fragment groups, which get new ids (ids of
    /// messages already delivered become stale: see ``AISStreamDecoder/sourceName(_:)``).
    mutating func compactSources() {
        var newIDs: [Int: Int] = [0: 0]
        var keptNames = [""]
        var keptBytes: [[UInt8]] = [[]]
        var keptIDs: [[UInt8]: Int] = [:]
        for old in assembler.sourcesInUse where newIDs[old] == nil {
            newIDs[old] = keptNames.count
            keptIDs[sourceBytes[old]] = keptNames.count
            keptNames.append(sources[old])
            keptBytes.append(sourceBytes[old])
        }
        assembler.remapSources { newIDs[$0] ?? 0 }
        sources = keptNames
        sourceBytes = keptBytes
        sourceIDs = keptIDs
        lastSourceBytes = []
        lastSourceID = 0
    }

    // MARK: Chunks

    mutating func decode(chunk: UnsafeRawBufferPointer, _ body: (AISDecodedMessage) throws -> Void) rethrows {
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
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
            try decodeLine(p, count: nl - p, body)
            p = nl + 1
        }
    }

    mutating func appendCarry(_ bytes: UnsafeBufferPointer<UInt8>) {
        if carry.count + bytes.count > AISStreamDecoder.maximumLineLength {
            carryOverflow = true
            carry.removeAll(keepingCapacity: true)
        } else if !carryOverflow {
            carry.append(contentsOf: bytes)
        }
    }

    mutating func flushCarry(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        if carryOverflow {
            lineNumber += 1
            counters.increment(DecoderCounters.lines)
            counters.reject(.lineTooLong)
            carryOverflow = false
            carry.removeAll(keepingCapacity: true)
            return
        }
        let line = carry
        carry.removeAll(keepingCapacity: true)
        try line.withUnsafeBufferPointer { buffer in
            try decodeLine(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buffer.count, body)
        }
    }

    mutating func endLine(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        if !carry.isEmpty || carryOverflow { try flushCarry(body) }
    }

    mutating func finish(_ body: (AISDecodedMessage) throws -> Void) rethrows {
        try endLine(body)
        let counters = self.counters
        assembler.flush { counters.reject($0) }
    }
}

/// XOR of `count` bytes (the NMEA checksum): sixteen bytes at a time in a 128-bit vector, then
/// eight, then the last few bytes as the end of one eight-byte load when the text is that long.
@inline(__always)
func checksum(_ p: UnsafePointer<UInt8>, count: Int) -> UInt8 {
    var v = SIMD2<UInt64>()
    var i = 0
    while i + 16 <= count {
        v ^= UnsafeRawPointer(p + i).loadUnaligned(as: SIMD2<UInt64>.self)
        i += 16
    }
    var x = v[0] ^ v[1]
    if i + 8 <= count {
        x ^= UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        i += 8
    }
    let rest = count - i
    if rest > 0, count >= 8 {
        // The eight bytes ending at `count`: its first 8 − rest bytes were already taken.
        x ^= UnsafeRawPointer(p + count - 8).loadUnaligned(as: UInt64.self) >> UInt64((8 - rest) * 8)
        i = count
    }
    x ^= x >> 32
    x ^= x >> 16
    x ^= x >> 8
    var b = UInt8(truncatingIfNeeded: x)
    while i < count {
        b ^= p[i]
        i += 1
    }
    return b
}

/// Four ASCII characters as the little-endian word an unaligned load of them gives.
@inline(__always)
func fourCC(_ s: StaticString) -> UInt32 {
    let u = s.utf8Start
    return UInt32(u[0]) | UInt32(u[1]) << 8 | UInt32(u[2]) << 16 | UInt32(u[3]) << 24
}

/// The first `\n` in `from..<to`, found with the C library's vectorised `memchr`.
@inline(__always) func newline(from p: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
    guard let hit = memchr(p, 10, end - p) else { return nil }
    return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
}
