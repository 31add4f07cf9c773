import CapwatchCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the UN Security Council Consolidated List XML (`CONSOLIDATED_LIST` with `INDIVIDUALS`
/// and `ENTITIES`, schema https://www.un.org/sc/resources/sc-sanctions.xsd) into ``ListedEntry``
/// values.
///
/// Safety: a document that contains `<!DOCTYPE` or `<!ENTITY` is refused before it reaches the
/// parser, and the parser never resolves external entities, so neither XXE nor entity expansion
/// ("billion laughs") can happen. The published list uses neither.
///
/// Mapping: `FIRST_NAME … FOURTH_NAME` joined by spaces is the primary name (for DPRK individuals
/// the first is the family name); `*_ALIAS` with quality `Good` or `a.k.a.` → ``ListedEntry/NameQuality/aka``,
/// `Low` → ``ListedEntry/NameQuality/lowQuality``, `f.k.a.` → ``ListedEntry/NameQuality/formerly``;
/// `UN_LIST_TYPE` is the programme; an entity's `IMO number: nnnnnnn` in `COMMENTS1` is a
/// *company* number (``ListedEntry/companyIMO``), never a ship's.
public enum UNConsolidatedListReader {
    /// Parses the XML.
    /// - Parameter data: the bytes of `consolidated.xml`.
    /// - Returns: the entries in document order and the list version (`dateGenerated`, SHA-256 of `data`).
    /// - Throws: ``SanctionsScreeningError`` with ``SanctionsScreeningError/Code/forbiddenDTD`` for a
    ///   document that declares a DTD or entities, ``SanctionsScreeningError/Code/malformedXML`` when the
    ///   parser fails, ``SanctionsScreeningError/Code/unexpectedFormat`` when the root is not `CONSOLIDATED_LIST`.
    public static func read(_ data: Data) throws -> (entries: [ListedEntry], version: ListVersion) {
        try refuseDeclarations(data)
        // The digest is computed on the other core while the document is parsed.
        let (parsed, digest) = Parallel.both({ parse(data) }, { ListDigest.sha256(data) })
        let delegate = try parsed.get()
        let version = ListVersion(list: .un, date: delegate.dateGenerated, sha256: digest, files: ["consolidated.xml": digest])
        return (delegate.entries, version)
    }

    /// Runs the SAX parser over the document.
    private static func parse(_ data: Data) -> Result<Delegate, SanctionsScreeningError> {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse() else {
            let message = parser.parserError.map { "\($0)" } ?? "unknown error"
            return .failure(SanctionsScreeningError(.malformedXML, "UN list, line \(parser.lineNumber): \(message)"))
        }
        guard delegate.sawRoot else {
            return .failure(SanctionsScreeningError(.unexpectedFormat, "UN list: the root element is not CONSOLIDATED_LIST"))
        }
        guard delegate.closedRoot else {
            return .failure(SanctionsScreeningError(.malformedXML, "UN list: the document ends before </CONSOLIDATED_LIST>"))
        }
        return .success(delegate)
    }

    /// Throws when the bytes contain a DTD or entity declaration (checked case-insensitively, anywhere).
    static func refuseDeclarations(_ data: Data) throws {
        let needles: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard bytes.count >= 8 else { return }
            var i = 0
            while i + 8 <= bytes.count {
                if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "!") {
                    for needle in needles where i + needle.count <= bytes.count {
                        var same = true
                        for j in 2..<needle.count where bytes[i + j] & 0xDF != needle[j] {
                            same = false
                            break
                        }
                        if same {
                            throw SanctionsScreeningError(.forbiddenDTD, "UN list: document declares a DTD or entity (\(String(decoding: needle, as: UTF8.self))); refused")
                        }
                    }
                }
                i += 1
            }
        }
    }

    /// SAX handler collecting one entry at a time.
    private final class Delegate: NSObject, XMLParserDelegate {
        var entries: [ListedEntry] = []
        var dateGenerated: String?
        var sawRoot = false
        var closedRoot = false

        private var text = ""
        private var inEntry: ListedEntry.Kind?
        private var nameParts: [Int: String] = [:]
        private var reference = ""
        private var listType = ""
        private var listedOn: String?
        private var comments: String?
        private var nationalities: [String] = []
        private var aliases: [ListedEntry.Name] = []
        private var aliasQuality = ""
        private var aliasName = ""
        private var addresses: [String] = []
        private var addressParts: [String] = []
        private var births: [String] = []
        private var birthParts: [String: String] = [:]
        private var container = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            switch name {
            case "CONSOLIDATED_LIST":
                sawRoot = true
                dateGenerated = attributes["dateGenerated"]
            case "INDIVIDUAL", "ENTITY":
                inEntry = name == "INDIVIDUAL" ? .person : .entity
                nameParts = [:]
                reference = ""
                listType = ""
                listedOn = nil
                comments = nil
                nationalities = []
                aliases = []
                addresses = []
                births = []
            case "INDIVIDUAL_ALIAS", "ENTITY_ALIAS":
                aliasQuality = ""
                aliasName = ""
            case "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS":
                addressParts = []
            case "INDIVIDUAL_DATE_OF_BIRTH":
                birthParts = [:]
            case "NATIONALITY":
                container = name
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let raw = text
            text = ""
            // Only the elements read below need their text tidied.
            lazy var value = UNConsolidatedListReader.collapsingWhitespace(raw)
            if name == "CONSOLIDATED_LIST" { closedRoot = true }
            guard let kind = inEntry else { return }
            switch name {
            case "FIRST_NAME": nameParts[1] = value
            case "SECOND_NAME": nameParts[2] = value
            case "THIRD_NAME": nameParts[3] = value
            case "FOURTH_NAME": nameParts[4] = value
            case "REFERENCE_NUMBER": reference = value
            case "UN_LIST_TYPE": listType = value
            case "LISTED_ON": listedOn = value.isEmpty ? nil : value
            case "COMMENTS1": comments = value.isEmpty ? nil : value
            case "VALUE" where container == "NATIONALITY": if !value.isEmpty { nationalities.append(value) }
            case "NATIONALITY": container = ""
            case "QUALITY": aliasQuality = value
            case "ALIAS_NAME": aliasName = value
            case "INDIVIDUAL_ALIAS", "ENTITY_ALIAS":
                guard !aliasName.isEmpty else { break }
                let quality: ListedEntry.NameQuality
                switch aliasQuality.lowercased() {
                case "low": quality = .lowQuality
                case "f.k.a.": quality = .formerly
                default: quality = .aka
                }
                aliases.append(.init(aliasName, quality: quality))
            case "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE":
                if !value.isEmpty { addressParts.append(value) }
            case "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS":
                if !addressParts.isEmpty { addresses.append(addressParts.joined(separator: ", ")) }
            case "TYPE_OF_DATE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR":
                if !value.isEmpty { birthParts[name] = value }
            case "INDIVIDUAL_DATE_OF_BIRTH":
                if let date = birthParts["DATE"] ?? birthParts["YEAR"] {
                    births.append(birthParts["TYPE_OF_DATE"] == "APPROXIMATELY" ? "about \(date)" : date)
                } else if let from = birthParts["FROM_YEAR"], let to = birthParts["TO_YEAR"] {
                    births.append("\(from)–\(to)")
                }
            case "INDIVIDUAL", "ENTITY":
                let primary = (1...4).compactMap { nameParts[$0] }.filter { !$0.isEmpty }.joined(separator: " ")
                let companyIMO = kind == .entity ? comments.flatMap(UNConsolidatedListReader.companyIMO(in:)) : nil
                entries.append(
                    ListedEntry(
                        list: .un, listID: "UN:\(reference)", kind: kind, names: [.init(primary, quality: .primary)] + aliases,
                        programmes: listType.isEmpty ? [] : [listType], companyIMO: companyIMO, datesOfBirth: births,
                        nationalities: nationalities, addresses: addresses, listedOn: listedOn, remarks: comments
                    )
                )
                inEntry = nil
            default:
                break
            }
        }
    }

    /// The text with each run of white space made one blank and none at either end. All-ASCII
    /// text (most values) is scanned as bytes: there, white space is tab, LF, VT, FF, CR and blank,
    /// the ASCII characters with `Character.isWhitespace`.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        let ascii: String? = text.withUTF8 { b in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            for c in b {
                if c == 0x20 || (0x09...0x0D).contains(c) {
                    if let last = out.last, last != 0x20 { out.append(0x20) }
                } else {
                    out.append(c)
                }
            }
            if out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
        return ascii ?? text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first `IMO number: nnnnnnn`, `IMO) Number: nnnnnnn` or `IMO nnnnnnn` in a narrative, as a
    /// company number (`IMOVICH` and other words starting with IMO are skipped).
    static func companyIMO(in text: String) -> IMONumber? {
        var search = text[...]
        while let range = search.range(of: "IMO") {
            search = search[range.upperBound...]
            guard search.first.map({ !$0.isLetter }) ?? false else { continue }
            var rest = search.drop(while: { $0 == " " || $0 == ")" || $0 == ":" })
            if rest.lowercased().hasPrefix("number") { rest = rest.dropFirst(6) }
            rest = rest.drop(while: { $0 == " " || $0 == ":" })
            let digits = rest.prefix(while: \.isNumber)
            if digits.count == 7, let value = Int(digits) { return IMONumber(rawValue: value) }
        }
        return nil
    }
}
