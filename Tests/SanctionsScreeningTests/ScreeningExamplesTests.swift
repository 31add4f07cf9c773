import Testing
import SanctionsScreening

@Suite("Screening examples (screening_examples.csv)")
struct ScreeningExamplesTests {
    @Test("F1 ≥ 0.95 on the 30 example queries at the default threshold")
    func f1OnExamples() throws {
        let examples = try ListFixtures.examples()
        #expect(examples.count == 30)
        let e = ScreeningEvaluation(examples: examples, screener: Screener(index: ListFixtures.index))
        print("precision \(e.precision) recall \(e.recall) F1 \(e.f1)")
        for m in e.misses { print("miss: \(m)") }
        #expect(e.f1 >= 0.95, "misses: \(e.misses)")
    }
}
