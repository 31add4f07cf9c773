/// A CSV layout of AIS positions, recognised from its header row by ``init(header:)``.
///
/// Columns are found by name, so their order may vary and extra columns are ignored. Three
/// formats are known:
/// - ``Format/capwatch``: the common layout of the Capwatch track files,
///   `timestamp,mmsi,lat,lon,sog,cog,heading,ship_name,ship_type,ship_type_code,imo,callsign,draught`,
///   ISO 8601 UTC times, empty cell = not provided.
/// - ``Format/danishMaritimeAuthority``: the Danish Maritime Authority (DMA) daily exports
///   (`# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,
///   Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,
///   Data source type,A,B,C,D`), times `dd/MM/yyyy HH:mm:ss` UTC, `Unknown`/`Undefined` = not provided,
///   navigational status and ship type as text.
/// - ``Format/marineCadastre``: NOAA/BOEM MarineCadastre.gov AIS (`MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,
///   VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass`), times
///   `2023-01-01T00:00:00` UTC, IMO as `IMO9074729`, numeric ship type and status (text status in
///   the 2015–2017 files is also accepted).
public struct PositionCSVLayout: Hashable, Sendable {
    /// The known layouts.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        /// The Capwatch common track layout.
        case capwatch
        /// Danish Maritime Authority AIS exports.
        case danishMaritimeAuthority
        /// NOAA MarineCadastre.gov AIS.
        case marineCadastre
    }

    /// The semantic columns a layout may carry.
    enum Column: Int, CaseIterable {
        case time, mmsi, latitude, longitude, sog, cog, heading, navigationalStatus, name, callSign, imo, shipType, length, beam, draught,
            destination, dimensionA, dimensionB, dimensionC, dimensionD
    }

    /// Which layout this is.
    public let format: Format
    /// The field delimiter, `,` or `;`, detected from the header.
    public let delimiter: Character
    /// The header's column names as written (used to name fields in errors).
    public let columnNames: [String]

    /// For each ``Column`` (by raw value), the index of its cell, or -1 when the layout lacks it.
    let index: [Int]

    /// Recognises a layout from its header cells.
    /// - Parameters:
    ///   - header: the header row's cells, as written.
    ///   - delimiter: the delimiter the header was split with.
    /// - Returns: nil when the names match no known layout.
    public init?(header: [String], delimiter: Character = ",") {
        let names = header.map(Self.normalise)
        func has(_ n: String) -> Bool { names.contains(n) }
        var map: [Column: [String]]
        if has("type of mobile"), has("mmsi"), has("latitude"), has("longitude"), has("timestamp") {
            format = .danishMaritimeAuthority
            map = [.time: ["timestamp"], .mmsi: ["mmsi"], .latitude: ["latitude"], .longitude: ["longitude"], .sog: ["sog"], .cog: ["cog"],
                   .heading: ["heading"], .navigationalStatus: ["navigational status"], .name: ["name"], .callSign: ["callsign"],
                   .imo: ["imo"], .shipType: ["ship type"], .length: ["length"], .beam: ["width"], .draught: ["draught"],
                   .destination: ["destination"], .dimensionA: ["a"], .dimensionB: ["b"], .dimensionC: ["c"], .dimensionD: ["d"]]
        } else if has("basedatetime"), has("mmsi"), has("lat"), has("lon") {
            format = .marineCadastre
            map = [.time: ["basedatetime"], .mmsi: ["mmsi"], .latitude: ["lat"], .longitude: ["lon"], .sog: ["sog"], .cog: ["cog"],
                   .heading: ["heading"], .navigationalStatus: ["status"], .name: ["vesselname"], .callSign: ["callsign"], .imo: ["imo"],
                   .shipType: ["vesseltype"], .length: ["length"], .beam: ["width"], .draught: ["draft"]]
        } else if has("timestamp"), has("mmsi"), has("lat"), has("lon") {
            format = .capwatch
            map = [.time: ["timestamp"], .mmsi: ["mmsi"], .latitude: ["lat"], .longitude: ["lon"], .sog: ["sog"], .cog: ["cog"],
                   .heading: ["heading"], .navigationalStatus: ["nav_status", "navigational_status"], .name: ["ship_name", "name"],
                   .callSign: ["callsign", "call_sign"], .imo: ["imo"], .shipType: ["ship_type_code"], .length: ["length"],
                   .beam: ["beam", "width"], .draught: ["draught"], .destination: ["destination"]]
        } else {
            return nil
        }
        var index = [Int](repeating: -1, count: Column.allCases.count)
        for (column, candidates) in map {
            for c in candidates { if let i = names.firstIndex(of: c) { index[column.rawValue] = i; break } }
        }
        self.index = index
        self.columnNames = header
        self.delimiter = delimiter
    }

    /// Lowercased, blanks trimmed, a leading `#` (DMA) and UTF-8 byte order mark removed.
    static func normalise(_ name: String) -> String {
        var s = Substring(name)
        if s.first == "\u{FEFF}" { s = s.dropFirst() }
        s = s.drop(while: { $0 == " " || $0 == "#" })
        while s.last == " " { s = s.dropLast() }
        return s.lowercased()
    }

    /// The header name of `column`, for error messages.
    func name(of column: Column) -> String {
        let i = index[column.rawValue]
        return i >= 0 && i < columnNames.count ? columnNames[i].trimmingBlanksAndHash : "\(column)"
    }
}

extension String {
    fileprivate var trimmingBlanksAndHash: String {
        var s = Substring(self)
        if s.first == "\u{FEFF}" { s = s.dropFirst() }
        s = s.drop(while: { $0 == " " || $0 == "#" })
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
