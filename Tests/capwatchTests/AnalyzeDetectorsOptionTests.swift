import CapwatchCore
import Testing

@testable import capwatch

/// `--detectors`: names separated by commas, blanks around a name dropped. Blanks are tabs, U+200B and
/// Unicode space separators (general category Zs), taken scalar by scalar, as Foundation's
/// `CharacterSet.whitespaces` takes them: a line break is not a blank, and a combining mark after
/// a space keeps the space.
@Suite struct AnalyzeDetectorsOptionTests {
    func kinds(_ value: String) throws -> Set<Event.Kind> {
        try Analyze.detectorKinds(value)
    }

    @Test func blanksAroundNamesAreDropped() throws {
        #expect(try kinds(" encounter , gap ") == [.encounter, .gap])
        // A tab and a no-break space (U+00A0, Zs) around the name.
        #expect(try kinds("\tgap\u{00A0}") == [.gap])
        #expect(try kinds("all,") == Set(Event.Kind.allCases))
        // A zero width space (U+200B), in Foundation's whitespace set.
        #expect(try kinds("gap\u{200B}") == [.gap])
    }

    @Test func lineBreaksAndCombinedSpacesAreNotBlanks() {
        #expect(throws: (any Error).self) { try kinds("gap\n") }
        // A space with a combining acute accent (U+0301) is not dropped: the name is not "gap".
        #expect(throws: (any Error).self) { try kinds("gap \u{0301}") }
        #expect(throws: (any Error).self) { try kinds(" \u{0301}gap") }
        #expect(throws: (any Error).self) { try kinds("") }
    }
}
