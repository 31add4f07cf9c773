import CapwatchCore

/// Helpers that scenarios use to make plausible vessels and record what they plant: identities
/// with real MIDs and valid IMO check digits, fishing patterns, lanes, and the truth entries.
struct ScenarioBuilder {
    var rng: SplitMix64
    let t0: Int64
    var vessels: [SimulatedVessel] = []
    var truth: [TruthEvent] = []
    private var usedMMSIs: Set<UInt32> = []
    private var usedNames: Set<String> = []

    init(seed: UInt64, start: Int64) {
        rng = SplitMix64(seed: seed)
        t0 = start
    }

    /// Seconds since 1970 of `hours` after the scenario's start.
    func at(_ hours: Double) -> Int64 { t0 + Int64((hours * 3600).rounded()) }

    /// A fresh ship MMSI `MIDxxxxxx`.
    mutating func mmsi(mid: Int) -> UInt32 {
        while true {
            let m = UInt32(mid * 1_000_000 + rng.int(in: 0...999_999))
            if m % 1000 != 0, usedMMSIs.insert(m).inserted { return m }
        }
    }

    /// A seven-digit IMO number (9xxxxxx, the numbers of ships built since the 1990s) with a valid check digit.
    mutating func imo() -> Int {
        let six = 900_000 + rng.int(in: 0...99_999)
        return six * 10 + IMONumber.checkDigit(of: six)
    }

    /// A made-up ship name (fictional on purpose: simulated traffic must not name real ships).
    mutating func name(_ style: NameStyle) -> String {
        while true {
            let n: String
            switch style {
            case .korean: n = rng.pick(["PAEK", "RYONG", "CHOL", "SAM", "MYONG", "KUM", "UN", "RA"]) + " " + rng.pick(["SAN", "GANG", "BONG", "SONG", "HA", "MA"]) + " " + String(rng.int(in: 1...19))
            case .chinese: n = rng.pick(["XIN", "HAI", "JIN", "HONG", "FU", "SHUN", "DA", "YONG"]) + " " + rng.pick(["YANG", "HUA", "TAI", "AN", "XING", "FENG"]) + " " + String(rng.int(in: 1...99))
            case .fishing: n = rng.pick(["ZHE", "MIN", "LU", "SU"]) + rng.pick(["DAI", "LING", "RONG", "SHI"]) + " YU " + String(rng.int(in: 10_000...99_999))
            case .international: n = rng.pick(["OCEAN", "GOLDEN", "BLUE", "GRAND", "STAR", "PACIFIC", "EASTERN", "SILVER"]) + " " + rng.pick(["GLORY", "PEARL", "WAVE", "SPIRIT", "HARMONY", "FORTUNE", "VENTURE", "DAWN"])
            }
            if usedNames.insert(n).inserted { return n }
        }
    }

    enum NameStyle { case korean, chinese, fishing, international }

    /// A call sign with the ITU prefix of the MID's country.
    mutating func callSign(mid: Int) -> String {
        let prefix: String
        switch mid {
        case 445: prefix = "HM"
        case 412, 413, 414: prefix = "B"
        case 273: prefix = "UB"
        case 351...357, 370...373: prefix = "3E"
        case 636: prefix = "D5"
        case 667: prefix = "9L"
        case 671: prefix = "5V"
        case 511: prefix = "T8"
        default: prefix = "X"
        }
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        var s = prefix
        while s.count < 5 { s.append(rng.pick(letters)) }
        s.append(Character(String(rng.int(in: 0...9))))
        return s
    }

    /// An identity from the start of the scenario.
    mutating func identity(mid: Int, style: NameStyle, shipType: Int, length: Int, beam: Int, draught: Double, destination: String,
                           imo hasIMO: Bool = true) -> SimulatedIdentity {
        SimulatedIdentity(since: t0, mmsi: mmsi(mid: mid), imo: hasIMO ? imo() : nil, name: name(style), callSign: callSign(mid: mid),
                          shipType: shipType, length: length, beam: beam, draught: draught, destination: destination)
    }

    /// Adds a vessel; returns its index.
    @discardableResult
    mutating func add(_ label: String, _ transponder: SimulatedVessel.Transponder, _ identities: [SimulatedIdentity], _ path: PathBuilder,
                      dark: [Range<Int64>] = [], spoofed: [SimulatedVessel.SpoofedPeriod] = []) -> Int {
        vessels.append(SimulatedVessel(label: label, transponder: transponder, identities: identities, path: path.waypoints, dark: dark,
                                       spoofed: spoofed, phase: Int64(rng.int(in: 0...9))))
        return vessels.count - 1
    }

    /// Records a planted behaviour.
    mutating func plant(_ kind: Event.Kind, _ vessels: [UInt32], from start: Int64, to end: Int64?, at position: GeoPoint,
                        mustNotDetect: Bool = false, _ note: String) {
        truth.append(TruthEvent(kind: kind, vessels: vessels.compactMap { MMSI(rawValue: $0) }, start: Timestamp(secondsSince1970: start),
                                end: end.map { Timestamp(secondsSince1970: $0) }, position: position, mustNotDetect: mustNotDetect, note: note))
    }

    /// A path that arrives at `target` at `arrival` at `speed` knots coming from `bearing` (the
    /// direction, seen from the target, of the start point), starting at `start`.
    func approach(_ target: GeoPoint, arriveAt arrival: Int64, from bearing: Double, knots speed: Double, start: Int64) -> PathBuilder {
        let metres = speed * metresPerNauticalMile * Double(arrival - start) / 3600
        let rad = bearing * Double.pi / 180
        var p = PathBuilder(at: target.offset(north: metres * cosRad(rad), east: metres * sinRad(rad)), time: start)
        p.sail(to: target, knots: speed)
        return p
    }

    /// A fishing boat's day until `end`: trawling legs of 80–120 minutes at 3–4 kn with random
    /// headings inside a box around `centre`, and drifts of 20–45 minutes at 0.3–0.8 kn (status 7,
    /// engaged in fishing). Drifts stay under an hour and trawls over one so no run of slow hours
    /// forms (not loitering by the detector's 2 h definition, nor by intent).
    mutating func fishing(around centre: GeoPoint, radiusMetres: Double, from start: Int64, until end: Int64) -> PathBuilder {
        var p = PathBuilder(at: centre.offset(north: rng.double(in: -radiusMetres...radiusMetres) / 2,
                                              east: rng.double(in: -radiusMetres...radiusMetres) / 2), time: start, status: 7)
        fish(&p, around: centre, radiusMetres: radiusMetres, until: end)
        return p
    }

    /// Continues `p` with the fishing pattern of ``fishing(around:radiusMetres:from:until:)``.
    mutating func fish(_ p: inout PathBuilder, around centre: GeoPoint, radiusMetres: Double, until end: Int64) {
        while p.time < end {
            let minutes = Double(rng.int(in: 80...120))
            // Head back towards the centre when far from it.
            let away = p.position.distance(to: centre) > radiusMetres
            let heading = away ? p.position.bearing(to: centre) : rng.double(in: 0...359)
            p.sail(hours: min(minutes / 60, Double(end - p.time) / 3600), heading: heading, knots: rng.double(in: 3...4), status: 7)
            guard p.time < end else { break }
            let drift = Int64(rng.int(in: 20...45) * 60)
            p.drift(until: min(p.time + drift, end), knots: rng.double(in: 0.3...0.8), heading: rng.double(in: 0...359), legMinutes: 15, status: 7, rng: &rng)
        }
    }

    /// A ship going back and forth between `a` and `b` at `speed` knots until `end`, starting at
    /// fraction `offset` of the way.
    func shuttle(_ a: GeoPoint, _ b: GeoPoint, knots speed: Double, from start: Int64, until end: Int64, offset: Double) -> PathBuilder {
        let startPoint = GeoPoint(latitude: a.latitude + (b.latitude - a.latitude) * offset, longitude: a.longitude + (b.longitude - a.longitude) * offset)
        var p = PathBuilder(at: startPoint, time: start)
        var towardsB = true
        while p.time < end {
            p.sail(to: towardsB ? b : a, knots: speed)
            towardsB.toggle()
        }
        return p
    }
}
