import CapwatchCore

/// Output made of pieces that are rendered on every core and written in order, the writing of one
/// round of pieces overlapping the rendering of the next: at most two rounds of rendered pieces
/// are in memory, however long the output.
enum PipelinedPieces {
    /// Renders pieces `0..<count`, `perRound` at a time (through ``Parallel/map(_:_:)``), and hands
    /// each to `write` in order while the next round renders.
    /// - Parameters:
    ///   - count: the number of pieces, ≥ 0.
    ///   - perRound: how many pieces render at a time, ≥ 1.
    ///   - render: renders one piece; runs concurrently with other pieces and with `write`, so it
    ///     must not touch what they change.
    ///   - write: writes one piece; called once per piece, in order, one call at a time.
    /// - Throws: the first error `write` throws; no later piece is written.
    static func run<Piece>(count: Int, perRound: Int, render: (Int) -> Piece, write: (Piece) throws -> Void) throws {
        func round(from start: Int) -> Range<Int>? { start < count ? start..<min(count, start + perRound) : nil }
        try run(first: round(from: 0), next: { last in round(from: last.upperBound) }, pieces: \.count,
                render: { range, i in render(range.lowerBound + i) }, write: write)
    }

    /// Renders rounds of pieces that come one after another: while the cores render the pieces of
    /// one round, one work item writes the pieces of the round before, in order, and then makes the
    /// next round (so that making a round, for example reading it from a file, overlaps the
    /// rendering too).
    /// - Parameters:
    ///   - first: the first round, nil when there is none.
    ///   - next: the round after the given one, nil after the last; called one call at a time,
    ///     concurrently with `render`.
    ///   - pieces: the number of pieces of a round, ≥ 0.
    ///   - render: renders piece `i` of a round; runs concurrently with other pieces, `write` and
    ///     `next`, so it must not touch what they change.
    ///   - write: writes one piece; called once per piece, in order, one call at a time.
    /// - Throws: the first error `next` or `write` throws; nothing is written after it.
    static func run<Round, Piece>(first: Round?, next: (Round) throws -> Round?, pieces: (Round) -> Int,
                                  render: (Round, Int) -> Piece, write: (Piece) throws -> Void) throws {
        var round = first
        var rendered: [Piece] = []
        while round != nil || !rendered.isEmpty {
            let toWrite = rendered, current = round
            var following: Round?
            var failure: (any Error)?  // set by work item 0 only, read after all have finished
            let results = Parallel.map((current.map(pieces) ?? 0) + 1) { i -> Piece? in
                guard i > 0 else {
                    do {
                        for piece in toWrite { try write(piece) }
                        following = try current.flatMap(next)
                    } catch {
                        failure = error
                    }
                    return nil
                }
                return render(current!, i - 1)
            }
            if let failure { throw failure }
            rendered = results.compactMap { $0 }
            round = following
        }
    }
}
