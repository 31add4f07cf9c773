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
        var rendered: [Piece] = []
        var next = 0
        while next < count || !rendered.isEmpty {
            let round = next..<min(count, next + perRound)
            let toWrite = rendered
            rendered = []
            var failure: (any Error)?  // set by work item 0 only, read after all have finished
            let results = Parallel.map(round.count + 1) { i -> Piece? in
                guard i > 0 else {
                    do {
                        for piece in toWrite { try write(piece) }
                    } catch {
                        failure = error
                    }
                    return nil
                }
                return render(round.lowerBound + i - 1)
            }
            if let failure { throw failure }
            rendered = results.compactMap { $0 }
            next = round.upperBound
        }
    }
}
