import Foundation
import SanctionsScreening

/// The shipped list copies (Data/sanctions) and the example queries, located from this file.
enum ListFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let lists = repository.appendingPathComponent("Data/sanctions")

    /// `../shared/data/sanctions/screening_examples.csv` when present, else the copy in Fixtures.
    static var examplesURL: URL {
        let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/data/sanctions/screening_examples.csv")
        if FileManager.default.fileExists(atPath: shared.path) { return shared }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/screening_examples.csv")
    }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: lists.appendingPathComponent(relative)) }

    /// Both lists, parsed and indexed once per test process.
    static let index: ScreeningIndex = {
        var set = SanctionsListSet()
        set.unConsolidated = try? data("un/consolidated.xml")
        set.ofacSDN = try? data("ofac/sdn.csv")
        set.ofacAlt = try? data("ofac/alt.csv")
        set.ofacAdd = try? data("ofac/add.csv")
        set.ofacComments = try? data("ofac/sdn_comments.csv")
        set.ofacDate = "2024-05-03"
        return try! set.buildIndex()
    }()

    /// The labelled examples (query, kind, expected ids).
    static func examples() throws -> [ScreeningEvaluation.Example] {
        let text = try String(contentsOf: examplesURL, encoding: .utf8)
        var out: [ScreeningEvaluation.Example] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = splitCSVLine(String(line))
            guard fields.count >= 3 else { continue }
            out.append(.init(query: fields[0], kind: ListedEntry.Kind(rawValue: fields[1]), expected: Set(fields[2].split(separator: "|").map(String.init))))
        }
        return out
    }

    static func splitCSVLine(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}
