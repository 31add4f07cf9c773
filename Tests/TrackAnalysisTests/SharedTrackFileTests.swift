import CapwatchCore
import Foundation
import Testing
import TrackAnalysis

/// Location of the shared Baltic sample: /work/main/Tests/TrackAnalysisTests/<file> → /work/shared/data/tracks.
private let balticURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/data/tracks/baltic_20180401.csv").standardizedFileURL

@Suite("Shared track files")
struct SharedTrackFileTests {
    // Skipped (with the reason shown by the test runner) when the shared data directory is absent,
    // e.g. on a machine that has only the repository.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: balticURL.path), "baltic_20180401.csv not found under /work/shared/data/tracks"))
    func balticSampleMatchesSources() throws {
        let text = try String(contentsOf: balticURL, encoding: .utf8)
        let batch = PositionCSVBatch(text: text)
        #expect(batch.layout?.format == .capwatch)
        #expect(batch.errors.isEmpty, "\(batch.errors.prefix(3))")
        // SOURCES.md: 19,999 rows, 387 vessels.
        #expect(batch.recordCount == 19_999)
        #expect(batch.positions.count == 19_999)
        #expect(Set(batch.positions.map(\.mmsi)).count == 387)
    }
}
