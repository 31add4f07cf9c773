import CapwatchCore
import Testing
import TrackAnalysis
@testable import capwatch

/// The summary's "Highest risk scores" are chosen in one pass; they must be those a stable sort
/// of every vessel by score (highest first) then MMSI gives.
@Suite("Analysis summary")
struct AnalysisReportSummaryTests {
    @Test("the five highest scores in one pass: the first five of the sorted list, ties by MMSI then order")
    func highestScores() throws {
        var random = SplitMix64(seed: 42)
        for trial in 0..<300 {
            let n = Int(random.next() % 40)
            // Few distinct scores and MMSIs, so that ties of both are common.
            let scores = (0..<n).map { _ in Double(random.next() % 6) * 10 }
            let mmsis = try (0..<n).map { _ in try #require(MMSI(rawValue: 211_000_000 + UInt32(random.next() % 8))) }
            let sorted = scores.indices.filter { scores[$0] > 0 }.enumerated()
                .sorted { a, b in
                    let (i, j) = (a.element, b.element)
                    if scores[i] != scores[j] { return scores[i] > scores[j] }
                    if mmsis[i] != mmsis[j] { return mmsis[i] < mmsis[j] }
                    return a.offset < b.offset
                }
                .map(\.element)
            #expect(AnalysisReport.highest(scores: scores, mmsis: mmsis, count: 5) == Array(sorted.prefix(5)), "trial \(trial)")
        }
    }
}
