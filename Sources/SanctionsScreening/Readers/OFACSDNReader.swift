import CapwatchCore
import Foundation

/// Reads OFAC's legacy SDN CSV set into ``ListedEntry`` values.
///
/// Files (https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas):
/// - `sdn.csv`: `ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
///   Vess_flag, Vess_owner, Remarks`; an empty type means an entity; programmes are `A] [B`;
/// - `alt.csv`: `ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks`;
/// - `add.csv`: `ent_num, add_num, address, city/state/postal code, country, add_remarks`;
/// - `sdn_comments.csv`: `ent_num, remarks continuation`.
///
/// Remarks are parsed (``OFACRemarks``) for the vessel IMO number, MMSI, call sign, flag, vessel
/// type, former names, aliases, "Linked To", dates of birth and nationality. Alias, address and
/// comment rows whose `ent_num` is not in `sdn.csv` are ignored (the shipped copies mix dates).
public enum OFACSDNReader {
    /// Parses the set. Only `sdn` is required. The files are read and hashed, and the rows turned
    /// into entries, on all cores; the entries come out in file order whatever the scheduling.
    /// - Parameters:
    ///   - sdn: bytes of `sdn.csv`.
    ///   - alt: bytes of `alt.csv`, if available.
    ///   - add: bytes of `add.csv`, if available.
    ///   - comments: bytes of `sdn_comments.csv`, if available.
    ///   - date: the publication date to stamp (the legacy files carry none).
    /// - Returns: entries ordered by `ent_num`, and the list version.
    /// - Throws: ``SanctionsScreeningError`` (``SanctionsScreeningError/Code/unexpectedFormat``) when
    ///   `sdn.csv` has no 12-column rows.
    public static func read(sdn: Data, alt: Data? = nil, add: Data? = nil, comments: Data? = nil, date: String? = nil) throws
        -> (entries: [ListedEntry], version: ListVersion)
    {
        // Eight independent pieces on all cores: each file read, each file hashed.
        let files: [(name: String, data: Data?)] = [("sdn.csv", sdn), ("alt.csv", alt), ("add.csv", add), ("sdn_comments.csv", comments)]
        let pieces = Parallel.map(2 * files.count) { i -> Piece in
            guard let data = files[i % files.count].data else { return Piece() }
            switch i {
            case 0: return Piece(rows: LegacyCSV.records(data).filter { $0.count >= 12 && Int($0[0]) != nil })
            case 1: return Piece(aliases: aliasesByID(LegacyCSV.records(data)))
            case 2: return Piece(addresses: addressesByID(LegacyCSV.records(data)))
            case 3: return Piece(comments: commentsByID(LegacyCSV.records(data)))
            default: return Piece(digest: ListDigest.sha256(data))
            }
        }
        let rows = pieces[0].rows
        guard !rows.isEmpty else { throw SanctionsScreeningError(.unexpectedFormat, "sdn.csv: no 12-column SDN rows") }
        let (aliases, addresses, extra) = (pieces[1].aliases, pieces[2].addresses, pieces[3].comments)
        // Rows are independent: built on all cores, each into its place.
        let entries = Parallel.map(rows.count) { k in
            entry(rows[k], aliases: aliases[rows[k][0]] ?? [], addresses: addresses[rows[k][0]] ?? [], extra: extra[rows[k][0]])
        }
        var digests: [String: String] = [:]
        for (i, file) in files.enumerated() { digests[file.name] = pieces[files.count + i].digest }
        return (entries, ListVersion(list: .ofac, date: date, sha256: digests["sdn.csv"]!, files: digests))
    }

    /// What one piece of ``read(sdn:alt:add:comments:date:)`` produced: a file read or hashed.
    private struct Piece {
        var rows: [[String]] = []
        var aliases: [String: [ListedEntry.Name]] = [:]
        var addresses: [String: [String]] = [:]
        var comments: [String: String] = [:]
        var digest: String?
    }

    /// `alt.csv` rows with a name, by `ent_num`, in file order: `fka` is a former name, `nka` a new
    /// one, anything else an a.k.a.
    static func aliasesByID(_ records: [[String]]) -> [String: [ListedEntry.Name]] {
        var aliases: [String: [ListedEntry.Name]] = [:]
        for r in records where r.count >= 4 && !r[3].isEmpty {
            let quality: ListedEntry.NameQuality
            switch r[2].lowercased() {
            case "fka": quality = .formerly
            case "nka": quality = .now
            default: quality = .aka
            }
            aliases[r[0], default: []].append(.init(r[3], quality: quality))
        }
        return aliases
    }

    /// `add.csv` rows by `ent_num`: address, city and country joined by `, `, empty lines dropped.
    static func addressesByID(_ records: [[String]]) -> [String: [String]] {
        var addresses: [String: [String]] = [:]
        for r in records where r.count >= 5 {
            let line = r[2...4].filter { !$0.isEmpty }.joined(separator: ", ")
            if !line.isEmpty { addresses[r[0], default: []].append(line) }
        }
        return addresses
    }

    /// `sdn_comments.csv` continuations by `ent_num`, several joined in file order.
    static func commentsByID(_ records: [[String]]) -> [String: String] {
        var extra: [String: String] = [:]
        for r in records where r.count >= 2 { extra[r[0], default: ""] += r[1] }
        return extra
    }

    /// One `sdn.csv` row as an entry.
    /// - Parameters:
    ///   - r: the row, 12 fields or more.
    ///   - aliases: its `alt.csv` names.
    ///   - addresses: its `add.csv` lines.
    ///   - extra: its `sdn_comments.csv` continuation of the remarks.
    static func entry(_ r: [String], aliases: [ListedEntry.Name], addresses: [String], extra: String?) -> ListedEntry {
        let id = r[0]
        let remarksText = r[11] + (extra ?? "")
        let remarks = OFACRemarks(remarksText)
        let kind: ListedEntry.Kind
        switch r[2].lowercased() {
        case "vessel": kind = .vessel
        case "individual": kind = .person
        case "aircraft": kind = .aircraft
        default: kind = .entity
        }
        var names: [ListedEntry.Name] = [.init(r[1], quality: .primary)]
        // Each name once, compared in upper case (a few names an entry: a list is enough).
        var seen = [r[1].uppercased()]
        for n in aliases + remarks.aliases {
            let upper = n.text.uppercased()
            if !seen.contains(upper) {
                seen.append(upper)
                names.append(n)
            }
        }
        let callSign = r[5].isEmpty ? remarks.callSign : r[5]
        return ListedEntry(
            list: .ofac, listID: "OFAC:\(id)", kind: kind, names: names, programmes: programmes(r[3]),
            vesselIMO: kind == .vessel ? remarks.imo : nil, mmsi: remarks.mmsi, callSign: callSign?.uppercased(),
            flag: r[9].isEmpty ? remarks.flag : r[9], vesselType: r[6].isEmpty ? remarks.vesselType : r[6],
            linkedTo: remarks.linkedTo, datesOfBirth: remarks.datesOfBirth, nationalities: remarks.nationalities,
            addresses: addresses, remarks: remarksText.isEmpty ? nil : remarksText
        )
    }

    /// The `Program` column, `A] [B`, as `["A", "B"]`: split at `] [`, each part without the
    /// brackets and blanks at its ends, empty parts dropped. Works on the UTF-8 bytes (the
    /// separators are ASCII).
    static func programmes(_ field: String) -> [String] {
        var field = field
        return field.withUTF8 { b in
            var out: [String] = []
            func add(_ start: Int, _ end: Int) {
                var s = start
                var e = end
                func trimmed(_ c: UInt8) -> Bool { c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: " ") }
                while s < e, trimmed(b[s]) { s += 1 }
                while e > s, trimmed(b[e - 1]) { e -= 1 }
                if e > s { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)) }
            }
            var start = 0
            var i = 0
            while i + 3 <= b.count {
                if b[i] == UInt8(ascii: "]"), b[i + 1] == UInt8(ascii: " "), b[i + 2] == UInt8(ascii: "[") {
                    add(start, i)
                    i += 3
                    start = i
                } else {
                    i += 1
                }
            }
            add(start, b.count)
            return out
        }
    }
}
