import CapwatchCore
import Foundation

/// Readers for the files the ledger commands take: the vessel register, analyze's events.json and
/// vessels.csv, a list of listed MMSIs. Errors name the file and line.
enum LedgerFiles {
    /// `imo,deadweight_t,product` (header required; deadweight and product may be empty).
    static func register(_ path: String) throws -> [RegisteredVessel] {
        let records = NotificationCSV.records(try InputFile.readText(path))
        guard let header = records.first else { return [] }
        let col = Dictionary(
            header.fields.enumerated().map { ($1.lowercased().trimmingCharacters(in: .whitespaces), $0) }, uniquingKeysWith: { a, _ in a })
        guard let imoCol = col["imo"], let dwtCol = col["deadweight_t"] else {
            throw CapwatchCLIError("\(path):1: expected columns imo,deadweight_t,product")
        }
        var out: [RegisteredVessel] = []
        for r in records.dropFirst() {
            func cell(_ i: Int?) -> String { i.flatMap { $0 < r.fields.count ? r.fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? "" }
            guard let imo = IMONumber(parsing: cell(imoCol)) else {
                throw CapwatchCLIError("\(path):\(r.line): imo: \"\(cell(imoCol))\" is not an IMO number")
            }
            let dwtText = cell(dwtCol)
            let dwt = dwtText.isEmpty ? nil : Double(dwtText)
            if !dwtText.isEmpty, dwt == nil || dwt! <= 0 {
                throw CapwatchCLIError("\(path):\(r.line): deadweight_t: \"\(dwtText)\" is not a positive number")
            }
            let productText = cell(col["product"])
            let product = productText.isEmpty ? nil : PetroleumProduct(parsing: productText)
            if !productText.isEmpty, product == nil { throw CapwatchCLIError("\(path):\(r.line): product: unknown product \"\(productText)\"") }
            out.append(RegisteredVessel(imo: imo, deadweightTonnes: dwt, product: product, source: "\(path):\(r.line)"))
        }
        return out
    }

    /// A JSON array of events (capwatch analyze's events.json); events of kinds this build does not know are skipped.
    static func events(_ path: String) throws -> [Event] {
        let data = Data(try InputFile.readText(path).utf8)
        guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw CapwatchCLIError("\(path): not a JSON array of events")
        }
        return array.compactMap { item in
            (try? JSONSerialization.data(withJSONObject: item)).flatMap { try? JSONDecoder().decode(Event.self, from: $0) }
        }
    }

    /// analyze's vessels.csv: mmsi, imo, ship_type, length_m, beam_m, draught_m.
    static func identities(_ path: String) throws -> [MMSI: VesselIdentity] {
        let records = NotificationCSV.records(try InputFile.readText(path))
        guard let header = records.first else { return [:] }
        let col = Dictionary(header.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        guard col["mmsi"] != nil else { throw CapwatchCLIError("\(path):1: expected an mmsi column") }
        var out: [MMSI: VesselIdentity] = [:]
        for r in records.dropFirst() {
            func cell(_ name: String) -> String? { col[name].flatMap { $0 < r.fields.count && !r.fields[$0].isEmpty ? r.fields[$0] : nil } }
            guard let m = cell("mmsi").flatMap({ Int($0) }).flatMap({ MMSI($0) }) else { continue }
            out[m] = VesselIdentity(
                name: cell("name"), imo: cell("imo").flatMap { IMONumber(parsing: $0) }, shipType: cell("ship_type").flatMap { Int($0) },
                length: cell("length_m").flatMap { Double($0) }, beam: cell("beam_m").flatMap { Double($0) },
                draught: cell("draught_m").flatMap { Double($0) })
        }
        return out
    }

    /// One MMSI a line; blank lines and `#` comments ignored.
    static func mmsiList(_ path: String) throws -> Set<MMSI> {
        var out = Set<MMSI>()
        for (i, line) in try InputFile.readText(path).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard let m = Int(t).flatMap({ MMSI($0) }) else { throw CapwatchCLIError("\(path):\(i + 1): \"\(t)\" is not an MMSI") }
            out.insert(m)
        }
        return out
    }
}
