/// The text companions gpsd prints next to coded fields, indexed by the wire value.
///
/// Every string that occurs in the gpsd golden files (`sample.aivdm.ju.chk`, `test/daemon/*.chk`,
/// the AISHub `gpsdecode` output) was copied from them; the tests check each against them. The
/// few values that never occur there follow the ITU-R M.1371-5 tables in gpsd's wording and are
/// marked "not in the golden files".
extension GPSDFormatter {
    /// `status_text`: navigational status, ITU-R M.1371-5 Table 45 (all 16 in the golden files).
    static let statusText: [StaticString] = [
        "Under way using engine",  // 0
        "At anchor",  // 1
        "Not under command",  // 2
        "Restricted manoeuverability",  // 3
        "Constrained by her draught",  // 4
        "Moored",  // 5
        "Aground",  // 6
        "Engaged in fishing",  // 7
        "Under way sailing",  // 8
        "Reserved for HSC",  // 9
        "Reserved for WIG",  // 10
        "Reserved",  // 11
        "Reserved",  // 12
        "Reserved",  // 13
        "Reserved",  // 14
        "Not defined",  // 15
    ]

    /// `epfd_text`: type of electronic position fixing device, ITU-R M.1371-5 Table 50. 15 is
    /// "Internal GNSS" as in current gpsd (3.22 printed "INVALID EPFD"). Not in the golden files: 5,
    /// 8–13.
    static let epfdText: [StaticString] = [
        "Undefined",  // 0
        "GPS",  // 1
        "GLONASS",  // 2
        "Combined GPS/GLONASS",  // 3
        "Loran-C",  // 4
        "Chayka",  // 5
        "Integrated navigation system",  // 6
        "Surveyed",  // 7
        "Galileo",  // 8
        "Reserved (9)",  // 9
        "Reserved (10)",  // 10
        "Reserved (11)",  // 11
        "Reserved (12)",  // 12
        "Reserved (13)",  // 13
        "Reserved (14)",  // 14
        "Internal GNSS",  // 15
    ]

    /// `shiptype_text` for `0...99`: type of ship and cargo, ITU-R M.1371-5 Table 53; gpsd prints
    /// "INVALID SHIP TYPE" from 100 up. Not in the golden files: 2, 5, 8, 12–14, 17–19, 21–27, 29,
    /// 41–48, 57, 63, 86, 92, 96, 98.
    static let shipTypeText: [StaticString] = [
        "Not available",  // 0
        "Reserved for future use",  // 1
        "Reserved for future use",  // 2
        "Reserved for future use",  // 3
        "Reserved for future use",  // 4
        "Reserved for future use",  // 5
        "Reserved for future use",  // 6
        "Reserved for future use",  // 7
        "Reserved for future use",  // 8
        "Reserved for future use",  // 9
        "Reserved for future use",  // 10
        "Reserved for future use",  // 11
        "Reserved for future use",  // 12
        "Reserved for future use",  // 13
        "Reserved for future use",  // 14
        "Reserved for future use",  // 15
        "Reserved for future use",  // 16
        "Reserved for future use",  // 17
        "Reserved for future use",  // 18
        "Reserved for future use",  // 19
        "Wing in ground (WIG) - all ships of this type",  // 20
        "Wing in ground (WIG) - Hazardous category A",  // 21
        "Wing in ground (WIG) - Hazardous category B",  // 22
        "Wing in ground (WIG) - Hazardous category C",  // 23
        "Wing in ground (WIG) - Hazardous category D",  // 24
        "Wing in ground (WIG) - Reserved for future use",  // 25
        "Wing in ground (WIG) - Reserved for future use",  // 26
        "Wing in ground (WIG) - Reserved for future use",  // 27
        "Wing in ground (WIG) - Reserved for future use",  // 28
        "Wing in ground (WIG) - Reserved for future use",  // 29
        "Fishing",  // 30
        "Towing",  // 31
        "Towing: length exceeds 200m or breadth exceeds 25m",  // 32
        "Dredging or underwater ops",  // 33
        "Diving ops",  // 34
        "Military ops",  // 35
        "Sailing",  // 36
        "Pleasure Craft",  // 37
        "Reserved",  // 38
        "Reserved",  // 39
        "High speed craft (HSC) - all ships of this type",  // 40
        "High speed craft (HSC) - Hazardous category A",  // 41
        "High speed craft (HSC) - Hazardous category B",  // 42
        "High speed craft (HSC) - Hazardous category C",  // 43
        "High speed craft (HSC) - Hazardous category D",  // 44
        "High speed craft (HSC) - Reserved for future use",  // 45
        "High speed craft (HSC) - Reserved for future use",  // 46
        "High speed craft (HSC) - Reserved for future use",  // 47
        "High speed craft (HSC) - Reserved for future use",  // 48
        "High speed craft (HSC) - No additional information",  // 49
        "Pilot Vessel",  // 50
        "Search and Rescue vessel",  // 51
        "Tug",  // 52
        "Port Tender",  // 53
        "Anti-pollution equipment",  // 54
        "Law Enforcement",  // 55
        "Spare - Local Vessel",  // 56
        "Spare - Local Vessel",  // 57
        "Medical Transport",  // 58
        "Ship according to RR Resolution No. 18",  // 59
        "Passenger - all ships of this type",  // 60
        "Passenger - Hazardous category A",  // 61
        "Passenger - Hazardous category B",  // 62
        "Passenger - Hazardous category C",  // 63
        "Passenger - Hazardous category D",  // 64
        "Passenger - Reserved for future use",  // 65
        "Passenger - Reserved for future use",  // 66
        "Passenger - Reserved for future use",  // 67
        "Passenger - Reserved for future use",  // 68
        "Passenger - No additional information",  // 69
        "Cargo - all ships of this type",  // 70
        "Cargo - Hazardous category A",  // 71
        "Cargo - Hazardous category B",  // 72
        "Cargo - Hazardous category C",  // 73
        "Cargo - Hazardous category D",  // 74
        "Cargo - Reserved for future use",  // 75
        "Cargo - Reserved for future use",  // 76
        "Cargo - Reserved for future use",  // 77
        "Cargo - Reserved for future use",  // 78
        "Cargo - No additional information",  // 79
        "Tanker - all ships of this type",  // 80
        "Tanker - Hazardous category A",  // 81
        "Tanker - Hazardous category B",  // 82
        "Tanker - Hazardous category C",  // 83
        "Tanker - Hazardous category D",  // 84
        "Tanker - Reserved for future use",  // 85
        "Tanker - Reserved for future use",  // 86
        "Tanker - Reserved for future use",  // 87
        "Tanker - Reserved for future use",  // 88
        "Tanker - No additional information",  // 89
        "Other Type - all ships of this type",  // 90
        "Other Type - Hazardous category A",  // 91
        "Other Type - Hazardous category B",  // 92
        "Other Type - Hazardous category C",  // 93
        "Other Type - Hazardous category D",  // 94
        "Other Type - Reserved for future use",  // 95
        "Other Type - Reserved for future use",  // 96
        "Other Type - Reserved for future use",  // 97
        "Other Type - Reserved for future use",  // 98
        "Other Type - no additional information",  // 99
    ]

    /// `aid_type_text`: type of aid to navigation, ITU-R M.1371-5 Table 74 (§3.18). Not in the
    /// golden files: 2, 4, 7, 8, 11, 15, 16, 18, 21, 26.
    static let aidTypeText: [StaticString] = [
        "Unspecified",  // 0
        "Reference point",  // 1
        "RACON",  // 2
        "Fixed offshore structure",  // 3
        "Spare, Reserved for future use.",  // 4
        "Light, without sectors",  // 5
        "Light, with sectors",  // 6
        "Leading Light Front",  // 7
        "Leading Light Rear",  // 8
        "Beacon, Cardinal N",  // 9
        "Beacon, Cardinal E",  // 10
        "Beacon, Cardinal S",  // 11
        "Beacon, Cardinal W",  // 12
        "Beacon, Port hand",  // 13
        "Beacon, Starboard hand",  // 14
        "Beacon, Preferred Channel port hand",  // 15
        "Beacon, Preferred Channel starboard hand",  // 16
        "Beacon, Isolated danger",  // 17
        "Beacon, Safe water",  // 18
        "Beacon, Special mark",  // 19
        "Cardinal Mark N",  // 20
        "Cardinal Mark E",  // 21
        "Cardinal Mark S",  // 22
        "Cardinal Mark W",  // 23
        "Port hand Mark",  // 24
        "Starboard hand Mark",  // 25
        "Preferred Channel Port hand",  // 26
        "Preferred Channel Starboard hand",  // 27
        "Isolated danger",  // 28
        "Safe Water",  // 29
        "Special Mark",  // 30
        "Light Vessel / LANBY / Rigs",  // 31
    ]
}
