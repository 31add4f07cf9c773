import CapwatchCore
import Foundation

/// The structured facts in an OFAC SDN `Remarks` field: `; `-separated items such as
/// `Vessel Registration Identification IMO 9187629`, `MMSI 572469210`, `f.k.a. 'ALPHA'`,
/// `Linked To: NATIONAL IRANIAN TANKER COMPANY.`, `DOB 07 Aug 1968`, `nationality Korea, North`.
///
/// Each item is read after removing surrounding blanks, a leading `alt. ` and one trailing `.`;
/// the first of these prefixes that is followed by a non-empty value decides what it is:
/// `Vessel Registration Identification IMO`, `MMSI`, `Vessel Call Sign`, `Vessel Flag`,
/// `Vessel Type`, `Linked To:`, `DOB`, `nationality`, then `a.k.a. '…'`, `f.k.a. '…'`, `n.k.a. '…'`.
/// The first IMO number, MMSI, call sign, flag and vessel type win; links, dates of birth,
/// nationalities and aliases accumulate in order.
///
/// The text is scanned as UTF-8 bytes: separators and prefixes are ASCII, so for the Latin-1
/// text of the legacy CSV (where no character combines with the next) this is the same as
/// comparing characters.
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
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                if end > start { read(Item(bytes: bytes, start: start, end: end)) }
                start = end + 1
            }
        }
    }

    /// The item prefixes, as bytes, in the order they are tried.
    private enum Prefix {
        static let imo = Array("Vessel Registration Identification IMO".utf8)
        static let mmsi = Array("MMSI".utf8)
        static let callSign = Array("Vessel Call Sign".utf8)
        static let flag = Array("Vessel Flag".utf8)
        static let vesselType = Array("Vessel Type".utf8)
        static let linkedTo = Array("Linked To:".utf8)
        static let dob = Array("DOB".utf8)
        static let nationality = Array("nationality".utf8)
        static let alt = Array("alt. ".utf8)
        static let aliases: [([UInt8], ListedEntry.NameQuality)] = [
            (Array("a.k.a. ".utf8), .aka), (Array("f.k.a. ".utf8), .formerly), (Array("n.k.a. ".utf8), .now),
        ]
    }

    /// One `;`-separated item: a byte range of the remarks.
    private struct Item {
        let bytes: UnsafeBufferPointer<UInt8>
        var start: Int
        var end: Int

        var isEmpty: Bool { start >= end }
        var first: UInt8? { start < end ? bytes[start] : nil }
        var last: UInt8? { start < end ? bytes[end - 1] : nil }
        var string: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }

        func hasPrefix(_ prefix: [UInt8]) -> Bool {
            guard end - start >= prefix.count else { return false }
            for (k, p) in prefix.enumerated() where bytes[start + k] != p { return false }
            return true
        }

        mutating func trimBlanks() {
            while first == UInt8(ascii: " ") { start += 1 }
            while last == UInt8(ascii: " ") { end -= 1 }
        }

        /// The value after `prefix`, blanks trimmed; nil when the prefix is absent or nothing follows.
        func after(_ prefix: [UInt8]) -> Item? {
            guard hasPrefix(prefix) else { return nil }
            var v = Item(bytes: bytes, start: start + prefix.count, end: end)
            v.trimBlanks()
            return v.isEmpty ? nil : v
        }

        /// The leading run of numeric characters (`Character.isNumber`): ASCII digits, or, when a
        /// non-ASCII character ends the digits, the same run read character by character.
        var leadingNumber: Substring {
            var k = start
            while k < end, bytes[k] >= UInt8(ascii: "0"), bytes[k] <= UInt8(ascii: "9") { k += 1 }
            if k < end, bytes[k] >= 0x80 { return string.prefix(while: \.isNumber) }
            return Substring(Item(bytes: bytes, start: start, end: k).string)
        }
    }

    private mutating func read(_ raw: Item) {
        var item = raw
        item.trimBlanks()
        if item.hasPrefix(Prefix.alt) { item.start += Prefix.alt.count }
        if item.last == UInt8(ascii: ".") { item.end -= 1 }
        if let v = item.after(Prefix.imo) {
            if imo == nil, let n = IMONumber(parsing: v.leadingNumber) { imo = n }
        } else if let v = item.after(Prefix.mmsi) {
            if mmsi == nil, let n = Int(v.leadingNumber) { mmsi = MMSI(n) }
        } else if let v = item.after(Prefix.callSign) {
            callSign = callSign ?? v.string
        } else if let v = item.after(Prefix.flag) {
            flag = flag ?? v.string
        } else if let v = item.after(Prefix.vesselType) {
            vesselType = vesselType ?? v.string
        } else if let v = item.after(Prefix.linkedTo) {
            linkedTo.append(v.string)
        } else if let v = item.after(Prefix.dob) {
            datesOfBirth.append(v.string)
        } else if let v = item.after(Prefix.nationality) {
            nationalities.append(v.string)
        } else if let alias = OFACRemarks.quotedAlias(item) {
            aliases.append(alias)
        }
    }

    /// `a.k.a. 'NAME'`, `f.k.a. 'NAME'`, `n.k.a. 'NAME'`: the name without its quotes, a final `.`
    /// and surrounding white space.
    private static func quotedAlias(_ item: Item) -> ListedEntry.Name? {
        for (prefix, quality) in Prefix.aliases where item.hasPrefix(prefix) {
            var name = Item(bytes: item.bytes, start: item.start + prefix.count, end: item.end)
            guard name.first == UInt8(ascii: "'") else { return nil }
            name.start += 1
            if name.last == UInt8(ascii: ".") { name.end -= 1 }
            if name.last == UInt8(ascii: "'") { name.end -= 1 }
            var text = name.string
            // Only a blank, a tab or a non-ASCII space at either end needs Foundation's trimming.
            if let f = name.first, let l = name.last, f == 0x20 || f == 0x09 || f >= 0x80 || l == 0x20 || l == 0x09 || l >= 0x80 {
                text = text.trimmingCharacters(in: .whitespaces)
            }
            return text.isEmpty ? nil : ListedEntry.Name(text, quality: quality)
        }
        return nil
    }
}
