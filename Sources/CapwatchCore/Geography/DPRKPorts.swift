/// The ports of the Democratic People's Republic of Korea, built in so that DPRK port visits are
/// found without any port file. One list for the whole project: the port-visit detector and the
/// ledger's delivery estimate both use it.
///
/// Positions are the city/port-level coordinates of Capwatch's regime notes (`REGIME.md` §6,
/// "Geography", WGS 84), which cite Wikipedia and public datasets; where §6 gives a range or two
/// values (Kimchaek, Hungnam) the NGA World Port Index (Pub. 150) position is used, and its WPI
/// number is given for every port that has one so an analyst can check it against `ports.csv`.
/// Ch'aho is not in §6; it is the only other DPRK entry of the World Port Index and is included
/// from there. Positions are approximate (about 1–2 km), which is why the port-visit radius is 3 km.
public enum DPRKPorts {
    /// The country name the built-in ports carry: the World Port Index spelling, so that a merged
    /// WPI list (`country = North Korea`) and the built-in list agree.
    public static let country = "North Korea"

    /// The built-in ports, west coast first.
    public static let ports: [Port] = [
        // REGIME.md §6: 38.736, 125.409, main west-coast port and oil terminal (Wikipedia). WPI 60280 Nampo 38.716667, 125.4.
        Port(name: "Nampo", country: country, position: GeoPoint(latitude: 38.736, longitude: 125.409)),
        // REGIME.md §6: 38.75, 125.62, Taedong river. WPI 60290 Kyomip'o (Songnim) 38.733333, 125.616667.
        Port(name: "Songnim", country: country, position: GeoPoint(latitude: 38.75, longitude: 125.62)),
        // REGIME.md §6: 38.04, 125.71. WPI 60310 Haeju Hang 38.0, 125.7.
        Port(name: "Haeju", country: country, position: GeoPoint(latitude: 38.04, longitude: 125.71)),
        // REGIME.md §6: 39.154, 127.446 (public dataset). WPI 60440 Wonsan 39.166667, 127.45.
        Port(name: "Wonsan", country: country, position: GeoPoint(latitude: 39.154, longitude: 127.446)),
        // REGIME.md §6: 39.83, 127.62 (Hamhung city 39.918, 127.536). WPI 60450 Hungnam 39.833333, 127.616667: used.
        Port(name: "Hungnam", country: country, position: GeoPoint(latitude: 39.833333, longitude: 127.616667)),
        // Not in REGIME.md §6. WPI 60470 Ch'aho (Shako) 40.2, 128.65.
        Port(name: "Chaho", country: country, position: GeoPoint(latitude: 40.2, longitude: 128.65)),
        // REGIME.md §6: 40.67, 129.19–129.34 (two sources differ). WPI 60480 Kimch'aek (Songjin) 40.666667, 129.2: used.
        Port(name: "Kimchaek", country: country, position: GeoPoint(latitude: 40.666667, longitude: 129.2)),
        // REGIME.md §6: 41.796, 129.776 (public dataset). WPI 60500 Ch'ongjin 41.766667, 129.816667.
        Port(name: "Chongjin", country: country, position: GeoPoint(latitude: 41.796, longitude: 129.776)),
        // REGIME.md §6: 42.25, 130.30. WPI 60510 Najin (Rashin) 42.233333, 130.3.
        Port(name: "Rajin", country: country, position: GeoPoint(latitude: 42.25, longitude: 130.30)),
        // REGIME.md §6: 42.33, 130.40. WPI 60520 Senbong (Uki) 42.333333, 130.4.
        Port(name: "Sonbong", country: country, position: GeoPoint(latitude: 42.33, longitude: 130.40)),
    ]

    /// True when `country` names the DPRK: `North Korea` (World Port Index), `KP`/`PRK` (ISO 3166),
    /// `DPRK`, `Korea, North`, or a name containing "Democratic People's Republic of Korea";
    /// case-insensitive, surrounding blanks ignored.
    public static func isDPRK(country: String?) -> Bool {
        guard let c = country?.trimmingBlanks.lowercased(), !c.isEmpty else { return false }
        switch c {
        case "north korea", "kp", "prk", "dprk", "korea, north", "korea (north)", "korea, dem. people's rep.",
            "korea, democratic people's republic of":
            return true
        default: return c.contains("democratic people's republic of korea") || c.contains("democratic people’s republic of korea")
        }
    }

    /// `extra` ports followed by the built-in ports (nearest-port queries pick the closer of two
    /// entries for the same harbour, and both carry a DPRK country).
    /// - Parameters:
    ///   - extra: ports from a file (e.g. the World Port Index extract), or nil.
    ///   - cellDegrees: grid cell of the returned list (see ``PortList``).
    public static func merged(with extra: PortList?, cellDegrees: Double = 0.25) -> PortList {
        PortList((extra?.ports ?? []) + ports, cellDegrees: cellDegrees)
    }
}

extension String {
    fileprivate var trimmingBlanks: Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
