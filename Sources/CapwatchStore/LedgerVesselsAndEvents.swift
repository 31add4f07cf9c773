import CapwatchCore
import Foundation
import GRDB

/// The vessel register and the detected events the illicit-volume estimate reads.
extension CapwatchDatabase {
    /// Adds or replaces register rows (the register is reference data, unlike notifications).
    /// - Parameter vessels: rows keyed by IMO number.
    /// - Throws: GRDB's `DatabaseError` when a constraint refuses a row (deadweight must be positive).
    public func saveVessels(_ vessels: [RegisteredVessel]) throws {
        try writer.write { db in
            for v in vessels {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO vessel (imo, deadweight_t, product, source) VALUES (?, ?, ?, ?)",
                    arguments: [v.imo.rawValue, v.deadweightTonnes, v.product?.rawValue, v.source])
            }
        }
    }

    /// The register, by IMO number.
    /// - Throws: GRDB's `DatabaseError`.
    public func registeredVessels() throws -> [IMONumber: RegisteredVessel] {
        try writer.read { db in
            var out: [IMONumber: RegisteredVessel] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM vessel") {
                guard let imo = IMONumber(rawValue: row["imo"]) else { continue }
                out[imo] = RegisteredVessel(
                    imo: imo, deadweightTonnes: row["deadweight_t"],
                    product: (row["product"] as String?).flatMap(PetroleumProduct.init(rawValue:)), source: row["source"])
            }
            return out
        }
    }

    /// Records detected events; an event already stored (same kind, vessels and start) is left as it was.
    /// - Parameter events: events from the detectors.
    /// - Returns: how many were new.
    /// - Throws: GRDB's `DatabaseError`.
    @discardableResult
    public func recordEvents(_ events: [Event]) throws -> Int {
        try writer.write { db in
            var added = 0
            for e in events {
                try db.execute(
                    sql: #"INSERT OR IGNORE INTO event (kind, mmsi, start, "end", lat, lon, json) VALUES (?, ?, ?, ?, ?, ?, ?)"#,
                    arguments: [
                        e.kind.rawValue, e.mmsi.map(\.description).joined(separator: ","), e.start.iso8601, e.end?.iso8601,
                        e.position.latitude, e.position.longitude, e.json,
                    ])
                added += db.changesCount
            }
            return added
        }
    }

    /// The stored events, by start time; rows whose kind this build does not know are skipped.
    /// - Throws: GRDB's `DatabaseError`.
    public func events() throws -> [Event] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT json FROM event ORDER BY start, id").compactMap {
                try? JSONDecoder().decode(Event.self, from: Data($0.utf8))
            }
        }
    }
}
