import CapwatchCore
import Foundation

/// The structured facts in an OFAC SDN `Remarks` field: `; `-separated items such as
/// `Vessel Registration Identification IMO 9187629`, `MMSI 572469210`, `f.k.a. 'ALPHA'`,
/// `Linked To: NATIONAL IRANIAN TANKER COMPANY.`, `DOB 07 Aug 1968`, `nationality Korea, North`.
public struct OFACRemarks: Sendable, Hashable {
    /// `Vessel Registration Identification IMO nnnnnnn`.
    public var imo: IMONumber?
    /// `MMSI nnnnnnnnn`.
    public var mmsi: MMSI?
    /// `Vessel Call Sign X`.
    public var callSign: String?
    /// `Vessel Flag X`.
    public var flag: String?
    /// `Vessel Type X`.
    public var vesselType: String?
    /// `a.k.a.` / `f.k.a.` / `n.k.a.` names quoted in the remarks.
    public var aliases: [ListedEntry.Name] = []
    /// `Linked To: X`.
    public var linkedTo: [String] = []
    /// `DOB …`.
    public var datesOfBirth: [String] = []
    /// `nationality …`.
    public var nationalities: [String] = []

    /// Parses a remarks string (with its `sdn_comments.csv` continuation appended).
    /// - Parameter text: the remarks.
    public init(_ text: String) {
        for rawItem in text.split(separator: ";") {
            var item = rawItem.drop(while: { $0 == " " })
            while item.last == " " { item = item.dropLast() }
            if item.hasPrefix("alt. ") { item = item.dropFirst(5) }
            if item.hasSuffix(".") { item = item.dropLast() }
            func after(_ prefix: String) -> String? {
                guard item.hasPrefix(prefix) else { return nil }
                var v = item.dropFirst(prefix.count).drop(while: { $0 == " " })
                while v.last == " " { v = v.dropLast() }
                return v.isEmpty ? nil : String(v)
            }
            if let v = after("Vessel Registration Identification IMO") {
                if imo == nil, let n = IMONumber(parsing: v.prefix(while: { $0.isNumber })) { imo = n }
            } else if let v = after("MMSI") {
                if mmsi == nil, let n = Int(v.prefix(while: { $0.isNumber })) { mmsi = MMSI(n) }
            } else if let v = after("Vessel Call Sign") {
                callSign = callSign ?? v
            } else if let v = after("Vessel Flag") {
                flag = flag ?? v
            } else if let v = after("Vessel Type") {
                vesselType = vesselType ?? v
            } else if let v = after("Linked To:") {
                linkedTo.append(v)
            } else if let v = after("DOB") {
                datesOfBirth.append(v)
            } else if let v = after("nationality") {
                nationalities.append(v)
            } else if let (quality, name) = OFACRemarks.quotedAlias(item) {
                aliases.append(.init(name, quality: quality))
            }
        }
    }

    /// `a.k.a. 'NAME'`, `f.k.a. 'NAME'`, `n.k.a. 'NAME'`.
    static func quotedAlias(_ item: Substring) -> (ListedEntry.NameQuality, String)? {
        let table: [(String, ListedEntry.NameQuality)] = [("a.k.a. ", .aka), ("f.k.a. ", .formerly), ("n.k.a. ", .now)]
        for (prefix, quality) in table where item.hasPrefix(prefix) {
            var name = item.dropFirst(prefix.count)
            guard name.first == "'" else { return nil }
            name = name.dropFirst()
            if name.last == "." { name = name.dropLast() }
            if name.last == "'" { name = name.dropLast() }
            let text = name.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : (quality, text)
        }
        return nil
    }
}
