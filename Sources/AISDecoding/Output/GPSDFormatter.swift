/// Writes decoded messages as gpsd's unscaled AIS JSON, byte for byte as `gpsdecode -u -j` prints
/// them (gpsd `gpsd_json.c` `json_aivdm_dump`, unscaled branch): the same keys in the same order,
/// the raw wire integers (`lat`/`lon` in 1/10,000 minute, `speed` in 1/10 kn, `course` in 1/10°,
/// `turn` the raw ROT indicator, `draught` in 1/10 m), the text companions (`status_text`,
/// `shiptype_text`, `epfd_text`, `aid_type_text`), `timestamp` (types 4, 11) as
/// `"2007-05-14T19:57:39Z"` and `eta` (type 5) as `"05-15T14:00Z"`.
///
/// Text follows gpsd's `from_sixbit`: it ends at the first `@` and trailing blanks are removed.
/// Type 21 follows gpsd too: the 20-character name keeps its inner blanks and the name extension
/// is appended only when the name has no `@` (then the whole is trimmed).
///
/// **Type 24.** gpsd does not print the parts: it stashes each part A's name and, when a part B
/// arrives from the same MMSI, prints one merged record (no `partno`) with the name and the part
/// B fields, `vendorid` being the 7 characters of bits 48–89 as ITU-R M.1371-3 defined them
/// (before `model` and `serial` were carved out of them; gpsd prints all three). A part B without
/// a stashed part A prints nothing, and a matched slot is cleared so a repeated part B prints
/// nothing. This formatter keeps gpsd's structure exactly: one ring of
/// ``type24SlotsPerChannel`` slots per channel context (channel `A`, `1` or empty; channel `B` or
/// `2`), searched from slot 0, so memory is bounded at 2 × 8 names whatever the input. (As in
/// gpsd, a part B from MMSI 0 matches a never-used slot and prints an empty name.)
///
/// **Other types.** gpsd prints types 6–8, 10, 12–17, 20, 22, 23, 25 and 26 too; this formatter
/// writes nothing for ``AISMessage/other(_:)``.
///
/// **Known differences from gpsd** (both from lengths the two decoders accept differently, see
/// the conformance tests): gpsd takes the radio field of a type 1–3 shorter than 168 bits as the
/// bits present, where the decoder reads missing bits as zero; gpsd takes up to 16 name-extension
/// characters on type 21, the decoder 14.
///
/// Writes through ``JSONLineWriter``; allocates nothing per message.
public struct GPSDFormatter {
    /// Part-A slots per channel context (gpsd's `MAX_TYPE24_INTERLEAVE`).
    public static let type24SlotsPerChannel = 8

    /// The `device` value printed after `"class":"AIS"`, or nil to leave the key out (the gpsd
    /// daemon's objects have none; `gpsdecode` prints `"stdin"`).
    public var device: StaticString?

    private var contexts = (Type24Queue(), Type24Queue())

    /// gpsd's `ais_type24_queue_t`: a ring of (MMSI, part A name) slots.
    struct Type24Queue {
        var mmsi = [UInt32](repeating: 0, count: GPSDFormatter.type24SlotsPerChannel)
        var names = [SixBitText](repeating: SixBitText(""), count: GPSDFormatter.type24SlotsPerChannel)
        var next = 0

        mutating func stash(_ mmsi: UInt32, _ name: SixBitText) {
            self.mmsi[next] = mmsi
            names[next] = name
            next = (next + 1) % GPSDFormatter.type24SlotsPerChannel
        }

        /// The stashed name for `mmsi`, clearing its slot; nil when none.
        mutating func take(_ mmsi: UInt32) -> SixBitText? {
            for i in 0..<GPSDFormatter.type24SlotsPerChannel where self.mmsi[i] == mmsi {
                self.mmsi[i] = 0
                return names[i]
            }
            return nil
        }
    }

    /// - Parameter device: the `device` value to print (`"stdin"` as `gpsdecode`), or nil for none.
    public init(device: StaticString? = "stdin") { self.device = device }

    /// Writes `decoded` as one line of gpsd JSON, or nothing (a type 24 part A, an unmatched part
    /// B, an unsupported type).
    public mutating func write(_ decoded: AISDecodedMessage, to w: inout JSONLineWriter) {
        switch decoded.message {
        case .positionReport(let p):
            header(Int(p.messageType), p.repeatIndicator, p.mmsi, &w)
            w.field("status", p.navigationalStatus)
            w.field("status_text", literal: GPSDFormatter.statusText[Int(p.navigationalStatus & 15)])
            w.field("turn", p.rawRateOfTurn)
            w.field("speed", p.rawSOG)
            w.field("accuracy", p.positionAccuracy)
            w.field("lon", p.rawLongitude)
            w.field("lat", p.rawLatitude)
            w.field("course", p.rawCOG)
            w.field("heading", p.rawHeading)
            w.field("second", p.timeStamp)
            w.field("maneuver", p.specialManoeuvre)
            w.field("raim", p.raim)
            w.field("radio", p.radioStatus)
        case .baseStationReport(let b):
            header(Int(b.messageType), b.repeatIndicator, b.mmsi, &w)
            w.beginString("timestamp")
            w.appendPadded(Int(b.year), width: 4)
            w.appendStringByte(UInt8(ascii: "-"))
            w.appendPadded(Int(b.month), width: 2)
            w.appendStringByte(UInt8(ascii: "-"))
            w.appendPadded(Int(b.day), width: 2)
            w.appendStringByte(UInt8(ascii: "T"))
            w.appendPadded(Int(b.hour), width: 2)
            w.appendStringByte(UInt8(ascii: ":"))
            w.appendPadded(Int(b.minute), width: 2)
            w.appendStringByte(UInt8(ascii: ":"))
            w.appendPadded(Int(b.second), width: 2)
            w.appendStringByte(UInt8(ascii: "Z"))
            w.endString()
            w.field("accuracy", b.positionAccuracy)
            w.field("lon", b.rawLongitude)
            w.field("lat", b.rawLatitude)
            epfd(b.epfd, &w)
            w.field("raim", b.raim)
            w.field("radio", b.radioStatus)
        case .staticAndVoyageData(let s):
            header(5, s.repeatIndicator, s.mmsi, &w)
            w.field("imo", s.imoNumber)
            w.field("ais_version", s.aisVersion)
            w.field("callsign", s.callSign)
            w.field("shipname", s.shipName)
            shipType(s.shipType, &w)
            w.field("to_bow", s.toBow)
            w.field("to_stern", s.toStern)
            w.field("to_port", s.toPort)
            w.field("to_starboard", s.toStarboard)
            epfd(s.epfd, &w)
            w.beginString("eta")
            w.appendPadded(Int(s.etaMonth), width: 2)
            w.appendStringByte(UInt8(ascii: "-"))
            w.appendPadded(Int(s.etaDay), width: 2)
            w.appendStringByte(UInt8(ascii: "T"))
            w.appendPadded(Int(s.etaHour), width: 2)
            w.appendStringByte(UInt8(ascii: ":"))
            w.appendPadded(Int(s.etaMinute), width: 2)
            w.appendStringByte(UInt8(ascii: "Z"))
            w.endString()
            w.field("draught", s.rawDraught)
            w.field("destination", s.destination)
            w.field("dte", s.dte ? 1 : 0)
        case .sarAircraftPositionReport(let s):
            header(9, s.repeatIndicator, s.mmsi, &w)
            w.field("alt", s.altitude)
            w.field("speed", s.rawSOG)
            w.field("accuracy", s.positionAccuracy)
            w.field("lon", s.rawLongitude)
            w.field("lat", s.rawLatitude)
            w.field("course", s.rawCOG)
            w.field("second", s.timeStamp)
            w.field("regional", s.regional)
            w.field("dte", s.dte ? 1 : 0)
            w.field("raim", s.raim)
            w.field("radio", s.radioStatus)
        case .classBPositionReport(let b):
            header(18, b.repeatIndicator, b.mmsi, &w)
            w.field("reserved", b.reserved)
            w.field("speed", b.rawSOG)
            w.field("accuracy", b.positionAccuracy)
            w.field("lon", b.rawLongitude)
            w.field("lat", b.rawLatitude)
            w.field("course", b.rawCOG)
            w.field("heading", b.rawHeading)
            w.field("second", b.timeStamp)
            w.field("regional", b.regional)
            w.field("cs", b.carrierSense)
            w.field("display", b.display)
            w.field("dsc", b.dsc)
            w.field("band", b.band)
            w.field("msg22", b.message22)
            w.field("raim", b.raim)
            w.field("radio", b.radioStatus)
        case .extendedClassBPositionReport(let b):
            header(19, b.repeatIndicator, b.mmsi, &w)
            w.field("reserved", b.reserved)
            w.field("speed", b.rawSOG)
            w.field("accuracy", b.positionAccuracy)
            w.field("lon", b.rawLongitude)
            w.field("lat", b.rawLatitude)
            w.field("course", b.rawCOG)
            w.field("heading", b.rawHeading)
            w.field("second", b.timeStamp)
            w.field("regional", b.regional)
            w.field("shipname", b.shipName)
            shipType(b.shipType, &w)
            w.field("to_bow", b.toBow)
            w.field("to_stern", b.toStern)
            w.field("to_port", b.toPort)
            w.field("to_starboard", b.toStarboard)
            epfd(b.epfd, &w)
            w.field("raim", b.raim)
            w.field("dte", b.dte ? 1 : 0)
            w.field("assigned", b.assigned)
        case .aidToNavigationReport(let a):
            header(21, a.repeatIndicator, a.mmsi, &w)
            w.field("aid_type", a.aidType)
            w.field("aid_type_text", literal: GPSDFormatter.aidTypeText[Int(a.aidType & 31)])
            aidName(a, &w)
            w.field("accuracy", a.positionAccuracy)
            w.field("lon", a.rawLongitude)
            w.field("lat", a.rawLatitude)
            w.field("to_bow", a.toBow)
            w.field("to_stern", a.toStern)
            w.field("to_port", a.toPort)
            w.field("to_starboard", a.toStarboard)
            epfd(a.epfd, &w)
            w.field("second", a.timeStamp)
            w.field("regional", a.regional)
            w.field("off_position", a.offPosition)
            w.field("raim", a.raim)
            w.field("virtual_aid", a.virtualAid)
        case .staticDataReport(let s):
            let isB = decoded.channel == UInt8(ascii: "B") || decoded.channel == UInt8(ascii: "2")
            switch s.part {
            case .a(let name):
                if isB { contexts.1.stash(s.mmsi, name) } else { contexts.0.stash(s.mmsi, name) }
                return
            case .b(let b):
                guard let name = isB ? contexts.1.take(s.mmsi) : contexts.0.take(s.mmsi) else { return }
                header(24, s.repeatIndicator, s.mmsi, &w)
                w.field("shipname", name)
                shipType(b.shipType, &w)
                vendorID(b, &w)
                w.field("model", b.unitModel)
                w.field("serial", b.serialNumber)
                w.field("callsign", b.callSign)
                if let mother = b.motherShipMMSI {
                    w.field("mothership_mmsi", mother)
                } else {
                    w.field("to_bow", b.toBow)
                    w.field("to_stern", b.toStern)
                    w.field("to_port", b.toPort)
                    w.field("to_starboard", b.toStarboard)
                }
            }
        case .longRangeBroadcast(let l):
            header(27, l.repeatIndicator, l.mmsi, &w)
            w.field("status", l.navigationalStatus)
            w.field("accuracy", l.positionAccuracy)
            w.field("lon", l.rawLongitude)
            w.field("lat", l.rawLatitude)
            w.field("speed", l.rawSOG)
            w.field("course", l.rawCOG)
            w.field("raim", l.raim)
            w.field("gnss", l.positionLatency)
        case .other:
            return
        }
        w.endObject()
    }

    @inline(__always) private func header(_ type: Int, _ repeatIndicator: UInt8, _ mmsi: UInt32, _ w: inout JSONLineWriter) {
        w.beginObject()
        w.field("class", literal: "AIS")
        if let device { w.field("device", literal: device) }
        w.field("type", type)
        w.field("repeat", repeatIndicator)
        w.field("mmsi", mmsi)
        w.field("scaled", false)
    }

    @inline(__always) private func epfd(_ value: UInt8, _ w: inout JSONLineWriter) {
        w.field("epfd", value)
        w.field("epfd_text", literal: GPSDFormatter.epfdText[Int(value & 15)])
    }

    @inline(__always) private func shipType(_ value: UInt8, _ w: inout JSONLineWriter) {
        w.field("shiptype", value)
        w.field("shiptype_text", literal: value < 100 ? GPSDFormatter.shipTypeText[Int(value)] : "INVALID SHIP TYPE")
    }

    /// gpsd's type 21 name: the 20 characters up to the first `@`; when all 20 are text, the
    /// extension up to its first `@` follows; trailing blanks removed.
    private func aidName(_ a: AidToNavigationReport, _ w: inout JSONLineWriter) {
        var n = 0
        while n < 20, a.name.code(at: n) != 0 { n += 1 }
        var extensionCount = 0
        if n == 20 {
            while extensionCount < Int(a.nameExtension.count), a.nameExtension.code(at: extensionCount) != 0 { extensionCount += 1 }
        }
        func code(_ i: Int) -> UInt8 { i < 20 ? a.name.code(at: i) : a.nameExtension.code(at: i - 20) }
        var end = n + extensionCount
        while end > 0, code(end - 1) == 32 { end -= 1 }
        w.beginString("name")
        for i in 0..<end { w.appendSixBit(code(i)) }
        w.endString()
    }

    /// gpsd's `vendorid`: bits 48–89 read as 7 characters (ITU-R M.1371-3), i.e. the 3-character
    /// vendor ID, the 4-bit model and the 20-bit serial put back together, ended at the first `@`
    /// and right-trimmed.
    private func vendorID(_ b: StaticDataReport.PartB, _ w: inout JSONLineWriter) {
        var bits: UInt64 = 0
        for i in 0..<3 { bits = bits << 6 | UInt64(b.vendorID.code(at: i)) }
        bits = bits << 24 | UInt64(b.unitModel & 15) << 20 | UInt64(b.serialNumber & 0xF_FFFF)
        @inline(__always) func code(_ i: Int) -> UInt8 { UInt8(truncatingIfNeeded: (bits >> UInt64(36 - 6 * i)) & 63) }
        var n = 0
        while n < 7, code(n) != 0 { n += 1 }
        while n > 0, code(n - 1) == 32 { n -= 1 }
        w.beginString("vendorid")
        for i in 0..<n { w.appendSixBit(code(i)) }
        w.endString()
    }
}
