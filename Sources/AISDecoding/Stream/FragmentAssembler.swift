/// Joins the sentences of multi-sentence AIS messages.
///
/// Fragments are grouped by (tag-block source, channel, sequential message id, fragment count),
/// so fragments interleaved with other traffic — single-sentence messages, or another group on
/// the other channel — still join. A group must arrive in order (1, 2, …); pyais and gpsd do the
/// same. A group is dropped and counted as ``AISRejection/incompleteGroup`` when a new first
/// fragment arrives with the same key, when it is older than ``maximumAge`` sentences, when more
/// than ``slotCount`` groups are open at once (the oldest goes), or at the end of the input.
struct FragmentAssembler {
    /// Most groups open at once.
    static let slotCount = 16

    /// Sentences after which an incomplete group is dropped.
    let maximumAge: Int

    struct Key: Equatable {
        var source: Int
        var channel: UInt8
        var sequentialID: Int
        var fragmentCount: Int
    }

    struct Group {
        var key: Key
        var nextFragment: Int
        var startedAt: Int
        var lineNumber: Int
        var receivedAt: Int64?
        var talker: UInt16
        var isOwnShip: Bool
        var payload: [UInt8]
    }

    private var groups: [Group] = []

    init(maximumAge: Int) {
        self.maximumAge = maximumAge
        groups.reserveCapacity(FragmentAssembler.slotCount)
    }

    /// Result of offering one fragment.
    enum Outcome {
        /// Waiting for more fragments.
        case pending
        /// The group is complete: its joined armoured payload, the first fragment's metadata and the
        /// last fragment's fill bits.
        case complete(Group)
    }

    /// Offers fragment `sentence` (of a multi-sentence message) from `line`.
    /// - Parameters:
    ///   - counter: the running sentence number, for ageing.
    ///   - reject: called for each rejection this causes (superseded or aged-out groups, orphans).
    mutating func offer(
        _ sentence: AISSentence, line: UnsafeBufferPointer<UInt8>, source: Int, lineNumber: Int, counter: Int,
        reject: (AISRejection) -> Void
    ) -> Outcome {
        expire(counter: counter, reject: reject)
        let key = Key(source: source, channel: sentence.channel, sequentialID: sentence.sequentialID, fragmentCount: sentence.fragmentCount)
        let chars = UnsafeBufferPointer(rebasing: line[sentence.payload])
        let index = groups.firstIndex { $0.key == key }
        if sentence.fragmentNumber == 1 {
            if let index {
                groups.remove(at: index)
                reject(.incompleteGroup)
            }
            if groups.count >= FragmentAssembler.slotCount {
                groups.removeFirst()
                reject(.incompleteGroup)
            }
            var payload = [UInt8]()
            payload.reserveCapacity(sentence.fragmentCount * 64)
            payload.append(contentsOf: chars)
            groups.append(
                Group(
                    key: key, nextFragment: 2, startedAt: counter, lineNumber: lineNumber,
                    receivedAt: sentence.tagBlock?.receivedAt, talker: sentence.talker, isOwnShip: sentence.isOwnShip,
                    payload: payload))
            return .pending
        }
        // NMEA 4.10 sentence groups often carry `s:` only on the first sentence (`\g:2-2-27300*15\`
        // on the second, as in pyais's examples): a later fragment without a source joins the open
        // group with the same channel, id and count whatever its source.
        let found = index ?? (source == 0 ? groups.firstIndex {
            $0.key.channel == key.channel && $0.key.sequentialID == key.sequentialID && $0.key.fragmentCount == key.fragmentCount
        } : nil)
        guard let index = found else {
            reject(.orphanFragment)
            return .pending
        }
        guard groups[index].nextFragment == sentence.fragmentNumber else {
            groups.remove(at: index)
            reject(.outOfOrderFragment)
            return .pending
        }
        groups[index].payload.append(contentsOf: chars)
        if groups[index].receivedAt == nil { groups[index].receivedAt = sentence.tagBlock?.receivedAt }
        groups[index].nextFragment += 1
        if sentence.fragmentNumber == sentence.fragmentCount {
            return .complete(groups.remove(at: index))
        }
        return .pending
    }

    /// Drops groups older than ``maximumAge`` sentences.
    mutating func expire(counter: Int, reject: (AISRejection) -> Void) {
        while let first = groups.first, counter - first.startedAt > maximumAge {
            groups.removeFirst()
            reject(.incompleteGroup)
        }
    }

    /// The open groups with ages relative to `counter` (the running sentence number) and sources
    /// as their bytes (`sourceBytes[id]`).
    func openGroups(counter: Int, sourceBytes: [[UInt8]]) -> OpenFragmentGroups {
        OpenFragmentGroups(
            groups: groups.map {
                OpenFragmentGroups.Group(
                    source: $0.key.source < sourceBytes.count ? sourceBytes[$0.key.source] : [], channel: $0.key.channel, sequentialID: $0.key.sequentialID,
                    fragmentCount: $0.key.fragmentCount, nextFragment: $0.nextFragment, age: counter - $0.startedAt,
                    lineNumber: $0.lineNumber, receivedAt: $0.receivedAt, talker: $0.talker, isOwnShip: $0.isOwnShip,
                    payload: $0.payload)
            })
    }

    /// The interned source ids the open groups use.
    var sourcesInUse: [Int] { groups.map(\.key.source) }

    /// Gives each open group's source a new id (after the decoder forgot unused sources).
    mutating func remapSources(_ newID: (Int) -> Int) {
        for i in groups.indices { groups[i].key.source = newID(groups[i].key.source) }
    }

    /// Drops every open group (end of input).
    mutating func flush(reject: (AISRejection) -> Void) {
        for _ in groups { reject(.incompleteGroup) }
        groups.removeAll()
    }
}
