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
    /// Parses the set. Only `sdn` is required.
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
        let rows = LegacyCSV.records(sdn).filter { $0.count >= 12 && Int($0[0]) != nil }
        guard !rows.isEmpty else { throw SanctionsScreeningError(.unexpectedFormat, "sdn.csv: no 12-column SDN rows") }
        var aliases: [String: [ListedEntry.Name]] = [:]
        for r in alt.map(LegacyCSV.records) ?? [] where r.count >= 4 && !r[3].isEmpty {
            let quality: ListedEntry.NameQuality
            switch r[2].lowercased() {
            case "fka": quality = .formerly
            case "nka": quality = .now
            default: quality = .aka
            }
            aliases[r[0], default: []].append(.init(r[3], quality: quality))
        }
        var addresses: [String: [String]] = [:]
        for r in add.map(LegacyCSV.records) ?? [] where r.count >= 5 {
            let line = r[2...4].filter { !$0.isEmpty }.joined(separator: ", ")
            if !line.isEmpty { addresses[r[0], default: []].append(line) }
        }
        var extra: [String: String] = [:]
        for r in comments.map(LegacyCSV.records) ?? [] where r.count >= 2 { extra[r[0], default: ""] += r[1] }

        var entries: [ListedEntry] = []
        entries.reserveCapacity(rows.count)
        for r in rows {
            let id = r[0]
            let remarksText = r[11] + (extra[id] ?? "")
            let remarks = OFACRemarks(remarksText)
            let kind: ListedEntry.Kind
            switch r[2].lowercased() {
            case "vessel": kind = .vessel
            case "individual": kind = .person
            case "aircraft": kind = .aircraft
            default: kind = .entity
            }
            var names: [ListedEntry.Name] = [.init(r[1], quality: .primary)]
            var seen: Set<String> = [r[1].uppercased()]
            for n in (aliases[id] ?? []) + remarks.aliases where seen.insert(n.text.uppercased()).inserted {
                names.append(n)
            }
            let callSign = r[5].isEmpty ? remarks.callSign : r[5]
            entries.append(
                ListedEntry(
                    list: .ofac, listID: "OFAC:\(id)", kind: kind, names: names,
                    programmes: r[3].components(separatedBy: "] [").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")) }
                        .filter { !$0.isEmpty },
                    vesselIMO: kind == .vessel ? remarks.imo : nil, mmsi: remarks.mmsi, callSign: callSign?.uppercased(),
                    flag: r[9].isEmpty ? remarks.flag : r[9], vesselType: r[6].isEmpty ? remarks.vesselType : r[6],
                    linkedTo: remarks.linkedTo, datesOfBirth: remarks.datesOfBirth, nationalities: remarks.nationalities,
                    addresses: addresses[id] ?? [], remarks: remarksText.isEmpty ? nil : remarksText
                )
            )
        }
        var files: [String: String] = ["sdn.csv": SHA256.hexDigest(sdn)]
        if let alt { files["alt.csv"] = SHA256.hexDigest(alt) }
        if let add { files["add.csv"] = SHA256.hexDigest(add) }
        if let comments { files["sdn_comments.csv"] = SHA256.hexDigest(comments) }
        return (entries, ListVersion(list: .ofac, date: date, sha256: files["sdn.csv"]!, files: files))
    }
}
