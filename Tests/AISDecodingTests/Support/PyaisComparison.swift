import AISDecoding
import Foundation

/// Field-by-field comparison of our messages with pyais's golden decodes (SOURCES.md §4), with
/// the documented policy differences normalised.
enum PyaisComparison {
    /// The fields compared, in table order.
    static let fields = [
        "type", "mmsi", "lat", "lon", "speed", "course", "heading", "status", "shipname", "callsign", "imo", "shiptype",
        "to_bow", "to_stern", "to_port", "to_starboard", "draught", "destination",
    ]

    /// Our values under pyais's key names; `NSNull()` for "not available" (nil in our API).
    static func values(_ m: AISMessage) -> [String: Any] {
        var v: [String: Any] = ["type": m.messageType, "mmsi": Int(m.mmsi)]
        func opt(_ x: Double?) -> Any { x.map { $0 as Any } ?? NSNull() }
        func optI(_ x: Int?) -> Any { x.map { $0 as Any } ?? NSNull() }
        func dims(_ bow: UInt16, _ stern: UInt16, _ port: UInt8, _ starboard: UInt8) {
            v["to_bow"] = Int(bow)
            v["to_stern"] = Int(stern)
            v["to_port"] = Int(port)
            v["to_starboard"] = Int(starboard)
        }
        switch m {
        case .positionReport(let p):
            v["lat"] = opt(p.latitude); v["lon"] = opt(p.longitude); v["speed"] = opt(p.sog); v["course"] = opt(p.cog)
            v["heading"] = optI(p.trueHeading); v["status"] = Int(p.navigationalStatus)
        case .baseStationReport(let b):
            v["lat"] = opt(b.latitude); v["lon"] = opt(b.longitude)
        case .staticAndVoyageData(let s):
            v["shipname"] = s.shipName.string; v["callsign"] = s.callSign.string; v["imo"] = Int(s.imoNumber)
            v["shiptype"] = Int(s.shipType); v["destination"] = s.destination.string
            v["draught"] = Double(s.rawDraught) / 10
            dims(s.toBow, s.toStern, s.toPort, s.toStarboard)
        case .sarAircraftPositionReport(let s):
            v["lat"] = opt(s.latitude); v["lon"] = opt(s.longitude); v["speed"] = opt(s.sog); v["course"] = opt(s.cog)
        case .classBPositionReport(let b):
            v["lat"] = opt(b.latitude); v["lon"] = opt(b.longitude); v["speed"] = opt(b.sog); v["course"] = opt(b.cog)
            v["heading"] = optI(b.trueHeading)
        case .extendedClassBPositionReport(let b):
            v["lat"] = opt(b.latitude); v["lon"] = opt(b.longitude); v["speed"] = opt(b.sog); v["course"] = opt(b.cog)
            v["heading"] = optI(b.trueHeading); v["shipname"] = b.shipName.string; v["shiptype"] = Int(b.shipType)
            dims(b.toBow, b.toStern, b.toPort, b.toStarboard)
        case .aidToNavigationReport(let a):
            v["lat"] = opt(a.latitude); v["lon"] = opt(a.longitude)
            dims(a.toBow, a.toStern, a.toPort, a.toStarboard)
        case .staticDataReport(let s):
            switch s.part {
            case .a(let name): v["shipname"] = name.string
            case .b(let b):
                v["callsign"] = b.callSign.string; v["shiptype"] = Int(b.shipType)
                if b.motherShipMMSI == nil { dims(b.toBow, b.toStern, b.toPort, b.toStarboard) }
            }
        case .longRangeBroadcast(let l):
            v["lat"] = opt(l.latitude); v["lon"] = opt(l.longitude); v["speed"] = opt(l.sog); v["course"] = opt(l.cog)
            v["status"] = Int(l.navigationalStatus)
        case .other: break
        }
        return v
    }

    /// pyais's text normalised to our rule: cut at the first `@`, trailing blanks removed. Our
    /// text has its leading blanks removed for the comparison (pyais strips both ends).
    static func normalisedPyaisText(_ s: String) -> String {
        let cut = s.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return String(cut.reversed().drop { $0 == " " }.reversed()).trimmingLeadingBlanks
    }

    /// Whether our value agrees with pyais's for `field` of a message of `type`, after the policy
    /// normalisations; nil when the field is not compared for this message.
    static func agrees(_ field: String, type: Int, ours: Any?, pyais: Any?) -> Bool? {
        guard let ours else { return nil }
        // pyais reads type 19's ship type from other bits than gpsd and we do (gpsd and we agree,
        // see the gpsd conformance suite); not compared.
        if field == "shiptype", type == 19 { return nil }
        // pyais 3.3.1 maps type 5 ship types through its `ShipType` enum, which collapses reserved
        // values: 1–19, 38–39 and 100–255 become 0 and the reserved x6–x8 of each category become
        // x5. We and gpsd keep the transmitted value (gpsd prints "Reserved for future use",
        // "Reserved" or "INVALID SHIP TYPE" for them). Compare after pyais's mapping.
        if field == "shiptype", type == 5, let o = ours as? Int { return (pyais as? NSNumber)?.intValue == pyaisShipType(o) }
        guard let pyais else { return false }
        switch field {
        case "lat", "lon":
            let p = (pyais as? NSNumber)?.doubleValue ?? .nan
            // We map the sentinel (91°/181°) and anything out of range to nil; pyais prints the
            // raw scaled value.
            if ours is NSNull { return abs(p) > (field == "lat" ? 90 : 180) }
            return abs((ours as! Double) - p) <= 0.000_000_6
        case "speed":
            let p = (pyais as? NSNumber)?.doubleValue ?? .nan
            // Not available: 102.3 kn (1023) for ships, 1023 kn for type 9, 63 kn for type 27.
            if ours is NSNull { return p == 102.3 || p == 1023 || p == 63 }
            return abs((ours as! Double) - p) < 0.000_1
        case "course":
            let p = (pyais as? NSNumber)?.doubleValue ?? .nan
            // Not available: 360 (3600) and above; type 27 uses 511.
            if ours is NSNull { return p >= 360 }
            return abs((ours as! Double) - p) < 0.000_1
        case "heading":
            let p = (pyais as? NSNumber)?.intValue ?? -1
            // We map 511 (not available) and the invalid 360–510 to nil; pyais prints the raw value.
            if ours is NSNull { return p >= 360 }
            return (ours as! Int) == p
        case "draught":
            return abs((ours as! Double) - ((pyais as? NSNumber)?.doubleValue ?? .nan)) < 0.000_1
        case "shipname", "callsign", "destination":
            return (ours as! String).trimmingLeadingBlanks == normalisedPyaisText(pyais as? String ?? "")
        default:
            return (ours as! Int) == (pyais as? NSNumber)?.intValue
        }
    }

    /// pyais's `ShipType` enum value for a transmitted ship type (see ``agrees(_:type:ours:pyais:)``).
    static func pyaisShipType(_ o: Int) -> Int {
        if (1..<20).contains(o) || o == 38 || o == 39 || o >= 100 { return 0 }
        if [2, 4, 6, 7, 8, 9].contains(o / 10), (6...8).contains(o % 10) { return o / 10 * 10 + 5 }
        return o
    }

    /// Per-field tallies.
    struct Tally {
        var compared: [String: Int] = [:]
        var agreed: [String: Int] = [:]
        var firstDisagreement: [String: String] = [:]

        mutating func add(ours: [String: Any], pyais: [String: Any], raw: String) {
            let type = ours["type"] as? Int ?? -1
            for f in PyaisComparison.fields {
                guard let ok = PyaisComparison.agrees(f, type: type, ours: ours[f], pyais: pyais[f]) else { continue }
                compared[f, default: 0] += 1
                if ok {
                    agreed[f, default: 0] += 1
                } else if firstDisagreement[f] == nil {
                    firstDisagreement[f] = "\(raw): ours \(ours[f] ?? "–"), pyais \(pyais[f] ?? "–")"
                }
            }
        }

        var table: String {
            PyaisComparison.fields.map { f in
                let c = compared[f, default: 0], a = agreed[f, default: 0]
                let pct = c == 0 ? 100 : Double(a) * 100 / Double(c)
                return "\(f.padding(toLength: 13, withPad: " ", startingAt: 0)) \(a)/\(c) = \(String(format: "%.4f", pct)) %"
            }.joined(separator: "\n")
        }
    }
}

extension String {
    var trimmingLeadingBlanks: String { String(drop { $0 == " " }) }
}
