/// Precision, recall and F1 of a screener on labelled example queries.
///
/// A query with expected ids is a true positive when its top match is one of them, a false
/// positive *and* a false negative when its top match is another entry, and a false negative
/// when nothing passes the threshold. A decoy (no expected id) is a true negative when nothing
/// passes, a false positive otherwise. F1 = 2·TP / (2·TP + FP + FN).
public struct ScreeningEvaluation: Sendable {
    /// One labelled query.
    public struct Example: Sendable, Hashable {
        /// The query text (name, `IMO nnnnnnn`, bare number…).
        public let query: String
        /// The kind given with the query, if any.
        public let kind: ListedEntry.Kind?
        /// Acceptable top matches (`UN:…`, `OFAC:…`); empty for a decoy.
        public let expected: Set<String>

        /// - Parameters:
        ///   - query: the query text.
        ///   - kind: its kind, if any.
        ///   - expected: acceptable list ids; empty for a decoy.
        public init(query: String, kind: ListedEntry.Kind?, expected: Set<String>) {
            self.query = query
            self.kind = kind
            self.expected = expected
        }
    }

    /// True positives.
    public private(set) var truePositives = 0
    /// False positives (a wrong top match, or any match for a decoy).
    public private(set) var falsePositives = 0
    /// False negatives (no match, or a wrong top match, for a listed query).
    public private(set) var falseNegatives = 0
    /// Decoys correctly left unmatched.
    public private(set) var trueNegatives = 0
    /// One line per query the screener got wrong: query, expected, what it returned.
    public private(set) var misses: [String] = []

    /// `TP / (TP + FP)`, 1 when nothing was returned.
    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    /// `TP / (TP + FN)`, 1 when nothing was expected.
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    /// `2·TP / (2·TP + FP + FN)`.
    public var f1: Double {
        let d = 2 * truePositives + falsePositives + falseNegatives
        return d == 0 ? 1 : Double(2 * truePositives) / Double(d)
    }

    /// Screens every example and scores the answers.
    /// - Parameters:
    ///   - examples: labelled queries.
    ///   - screener: the screener.
    ///   - threshold: the threshold for every query.
    public init(examples: [Example], screener: Screener, threshold: Double = ScreeningQuery.defaultThreshold) {
        for ex in examples {
            let top = screener.screen(ScreeningQuery(text: ex.query, kind: ex.kind, threshold: threshold, limit: 1)).first
            let got = top.map { "\($0.entry.listID) \($0.matchedName) \($0.score)" } ?? "no match"
            if ex.expected.isEmpty {
                if top == nil {
                    trueNegatives += 1
                } else {
                    falsePositives += 1
                    misses.append("\(ex.query): decoy, got \(got)")
                }
            } else if let top, ex.expected.contains(top.entry.listID) {
                truePositives += 1
            } else {
                falseNegatives += 1
                if top != nil { falsePositives += 1 }
                misses.append("\(ex.query): expected \(ex.expected.sorted().joined(separator: "|")), got \(got)")
            }
        }
    }
}
