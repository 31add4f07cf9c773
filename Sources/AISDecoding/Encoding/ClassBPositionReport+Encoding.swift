extension ClassBPositionReport: AISEncodableMessage {
    /// A type 18 report from its raw fields; position, SOG, COG and heading default to "not
    /// available", the UTC second to 60, flags to false, and `carrierSense` to true (a CS unit,
    /// the common Class B equipment).
    /// - Parameters: see the properties.
    public init(
        repeatIndicator: UInt8 = 0, mmsi: UInt32, reserved: UInt8 = 0, rawSOG: UInt16 = 1023, positionAccuracy: Bool = false,
        rawLongitude: Int32 = 108_600_000, rawLatitude: Int32 = 54_600_000, rawCOG: UInt16 = 3600, rawHeading: UInt16 = 511,
        timeStamp: UInt8 = 60, regional: UInt8 = 0, carrierSense: Bool = true, display: Bool = false, dsc: Bool = false, band: Bool = false,
        message22: Bool = false, assigned: Bool = false, raim: Bool = false, radioStatus: UInt32 = 0
    ) {
        self.repeatIndicator = repeatIndicator
        self.mmsi = mmsi
        self.reserved = reserved
        self.rawSOG = rawSOG
        self.positionAccuracy = positionAccuracy
        self.rawLongitude = rawLongitude
        self.rawLatitude = rawLatitude
        self.rawCOG = rawCOG
        self.rawHeading = rawHeading
        self.timeStamp = timeStamp
        self.regional = regional
        self.carrierSense = carrierSense
        self.display = display
        self.dsc = dsc
        self.band = band
        self.message22 = message22
        self.assigned = assigned
        self.raim = raim
        self.radioStatus = radioStatus
    }

    /// 168 bits (Table 70).
    public var encodedBitCount: Int { 168 }

    /// Writes the fields in the order and widths of Table 70.
    public func write(into w: inout BitWriter) {
        w.uint(18, 0, 6)
        w.uint(UInt64(repeatIndicator), 6, 2)
        w.uint(UInt64(mmsi), 8, 30)
        w.uint(UInt64(reserved), 38, 8)
        w.uint(UInt64(rawSOG), 46, 10)
        w.bool(positionAccuracy, 56)
        w.int(Int64(rawLongitude), 57, 28)
        w.int(Int64(rawLatitude), 85, 27)
        w.uint(UInt64(rawCOG), 112, 12)
        w.uint(UInt64(rawHeading), 124, 9)
        w.uint(UInt64(timeStamp), 133, 6)
        w.uint(UInt64(regional), 139, 2)
        w.bool(carrierSense, 141)
        w.bool(display, 142)
        w.bool(dsc, 143)
        w.bool(band, 144)
        w.bool(message22, 145)
        w.bool(assigned, 146)
        w.bool(raim, 147)
        w.uint(UInt64(radioStatus), 148, 20)
    }
}
