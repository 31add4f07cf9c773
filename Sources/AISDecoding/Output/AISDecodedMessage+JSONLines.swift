extension JSONLineWriter {
    /// Writes one decoded message as a JSON object on one line, with scaled values and pyais's key
    /// names (`type`, `repeat`, `mmsi`, `status`, `turn`, `speed`, `lon`, `lat`, `course`,
    /// `heading`, `shipname`, …). Not-available values are `null`; positions are degrees with 6
    /// decimals, speed knots and course degrees with 1 decimal, draught metres with 1 decimal.
    /// Metadata: `received` (tag block `c:`, seconds since 1970) when known, `line` (first
    /// fragment's line number), and `imo_valid` for type 5.
    public mutating func writeJSONLine(_ decoded: AISDecodedMessage) {
        beginObject()
        let m = decoded.message
        field("type", m.messageType)
        switch m {
        case .positionReport(let p):
            field("repeat", p.repeatIndicator)
            field("mmsi", p.mmsi)
            field("status", p.navigationalStatus)
            field("turn", p.rateOfTurn, decimals: 1)
            writeMotion(sog: p.sog, accuracy: p.positionAccuracy, longitude: p.longitude, latitude: p.latitude, cog: p.cog)
            field("heading", p.trueHeading)
            field("second", p.timeStamp)
            field("maneuver", p.specialManoeuvre)
            field("raim", p.raim)
        case .baseStationReport(let b):
            field("repeat", b.repeatIndicator)
            field("mmsi", b.mmsi)
            field("year", b.year)
            field("month", b.month)
            field("day", b.day)
            field("hour", b.hour)
            field("minute", b.minute)
            field("second", b.second)
            field("accuracy", b.positionAccuracy)
            field("lon", b.longitude, decimals: 6)
            field("lat", b.latitude, decimals: 6)
            field("epfd", b.epfd)
            field("raim", b.raim)
        case .staticAndVoyageData(let s):
            field("repeat", s.repeatIndicator)
            field("mmsi", s.mmsi)
            field("ais_version", s.aisVersion)
            field("imo", s.imoNumber)
            if let valid = s.imoCheckDigitValid { field("imo_valid", valid) }
            field("callsign", s.callSign)
            field("shipname", s.shipName)
            field("shiptype", s.shipType)
            field("to_bow", s.toBow)
            field("to_stern", s.toStern)
            field("to_port", s.toPort)
            field("to_starboard", s.toStarboard)
            field("epfd", s.epfd)
            field("month", s.etaMonth)
            field("day", s.etaDay)
            field("hour", s.etaHour)
            field("minute", s.etaMinute)
            field("draught", s.draught, decimals: 1)
            field("destination", s.destination)
            field("dte", s.dte)
        case .sarAircraftPositionReport(let s):
            field("repeat", s.repeatIndicator)
            field("mmsi", s.mmsi)
            field("alt", s.altitude)
            writeMotion(sog: s.sog, accuracy: s.positionAccuracy, longitude: s.longitude, latitude: s.latitude, cog: s.cog)
            field("second", s.timeStamp)
            field("dte", s.dte)
            field("assigned", s.assigned)
            field("raim", s.raim)
        case .classBPositionReport(let b):
            field("repeat", b.repeatIndicator)
            field("mmsi", b.mmsi)
            writeMotion(sog: b.sog, accuracy: b.positionAccuracy, longitude: b.longitude, latitude: b.latitude, cog: b.cog)
            field("heading", b.trueHeading)
            field("second", b.timeStamp)
            field("cs", b.carrierSense)
            field("display", b.display)
            field("dsc", b.dsc)
            field("band", b.band)
            field("msg22", b.message22)
            field("assigned", b.assigned)
            field("raim", b.raim)
        case .extendedClassBPositionReport(let b):
            field("repeat", b.repeatIndicator)
            field("mmsi", b.mmsi)
            writeMotion(sog: b.sog, accuracy: b.positionAccuracy, longitude: b.longitude, latitude: b.latitude, cog: b.cog)
            field("heading", b.trueHeading)
            field("second", b.timeStamp)
            field("shipname", b.shipName)
            field("shiptype", b.shipType)
            field("to_bow", b.toBow)
            field("to_stern", b.toStern)
            field("to_port", b.toPort)
            field("to_starboard", b.toStarboard)
            field("epfd", b.epfd)
            field("raim", b.raim)
            field("dte", b.dte)
            field("assigned", b.assigned)
        case .aidToNavigationReport(let a):
            field("repeat", a.repeatIndicator)
            field("mmsi", a.mmsi)
            field("aid_type", a.aidType)
            field("name", a.name)
            field("accuracy", a.positionAccuracy)
            field("lon", a.longitude, decimals: 6)
            field("lat", a.latitude, decimals: 6)
            field("to_bow", a.toBow)
            field("to_stern", a.toStern)
            field("to_port", a.toPort)
            field("to_starboard", a.toStarboard)
            field("epfd", a.epfd)
            field("second", a.timeStamp)
            field("off_position", a.offPosition)
            field("raim", a.raim)
            field("virtual_aid", a.virtualAid)
            field("assigned", a.assigned)
            if a.nameExtension.count > 0 { field("name_ext", a.nameExtension) }
        case .staticDataReport(let s):
            field("repeat", s.repeatIndicator)
            field("mmsi", s.mmsi)
            switch s.part {
            case .a(let name):
                field("partno", 0)
                field("shipname", name)
            case .b(let b):
                field("partno", 1)
                field("shiptype", b.shipType)
                field("vendorid", b.vendorID)
                field("model", b.unitModel)
                field("serial", b.serialNumber)
                field("callsign", b.callSign)
                if let mother = b.motherShipMMSI {
                    field("mothership_mmsi", mother)
                } else {
                    field("to_bow", b.toBow)
                    field("to_stern", b.toStern)
                    field("to_port", b.toPort)
                    field("to_starboard", b.toStarboard)
                }
            }
        case .longRangeBroadcast(let l):
            field("repeat", l.repeatIndicator)
            field("mmsi", l.mmsi)
            field("accuracy", l.positionAccuracy)
            field("raim", l.raim)
            field("status", l.navigationalStatus)
            field("lon", l.longitude, decimals: 6)
            field("lat", l.latitude, decimals: 6)
            field("speed", l.sog, decimals: 1)
            field("course", l.cog, decimals: 1)
            field("gnss", l.positionLatency)
        case .other(let o):
            field("repeat", o.repeatIndicator)
            field("mmsi", o.mmsi)
            let armoured = o.armouredPayload
            field("payload", armoured.payload)
            field("fill_bits", armoured.fillBits)
        }
        if let t = decoded.receivedAt { field("received", t) }
        field("line", decoded.lineNumber)
        endObject()
    }

    /// `speed`, `accuracy`, `lon`, `lat`, `course`: the movement fields that position reports
    /// (types 1–3, 9, 18, 19) share, in pyais's order and precision.
    mutating func writeMotion(sog: Double?, accuracy: Bool, longitude: Double?, latitude: Double?, cog: Double?) {
        field("speed", sog, decimals: 1)
        field("accuracy", accuracy)
        field("lon", longitude, decimals: 6)
        field("lat", latitude, decimals: 6)
        field("course", cog, decimals: 1)
    }

    /// `"name":<integer>` or `"name":null`.
    mutating func field(_ name: StaticString, _ value: Int?) {
        if let value { field(name, value) } else { null(name) }
    }
}
