extension ExtendedClassBPositionReport: AISEncodableMessage {
    /// A type 19 report from its raw fields; kinematics default to "not available", the name to
    /// all `@`, ship type and dimensions to 0.
    /// - Parameters: see the properties. The name is padded with `@` to 20 characters.
    public init(
        repeatIndicator: UInt8 = 0, mmsi: UInt32, reserved: UInt8 = 0, rawSOG: UInt16 = 1023, positionAccuracy: Bool = false,
        rawLongitude: Int32 = 108_600_000, rawLatitude: Int32 = 54_600_000, rawCOG: UInt16 = 3600, rawHeading: UInt16 = 511,
        timeStamp: UInt8 = 60, regional: UInt8 = 0, shipName: String = "", shipType: UInt8 = 0, toBow: UInt16 = 0, toStern: UInt16 = 0,
        toPort: UInt8 = 0, toStarboard: UInt8 = 0, epfd: UInt8 = 0, raim: Bool = false, dte: Bool = false, assigned: Bool = false
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
        self.shipName = SixBitText(shipName, padTo: 20)
        self.shipType = shipType
        self.toBow = toBow
        self.toStern = toStern
        self.toPort = toPort
        self.toStarboard = toStarboard
        self.epfd = epfd
        self.raim = raim
        self.dte = dte
        self.assigned = assigned
    }

    /// 312 bits (Table 71).
    public var encodedBitCount: Int { 312 }

    /// Writes the fields in the order and widths of Table 71.
    public func write(into w: inout BitWriter) {
        w.uint(19, 0, 6)
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
        w.uint(UInt64(regional), 139, 4)
        w.text(shipName, 143, characters: 20)
        w.uint(UInt64(shipType), 263, 8)
        w.uint(UInt64(toBow), 271, 9)
        w.uint(UInt64(toStern), 280, 9)
        w.uint(UInt64(toPort), 289, 6)
        w.uint(UInt64(toStarboard), 295, 6)
        w.uint(UInt64(epfd), 301, 4)
        w.bool(raim, 305)
        w.bool(dte, 306)
        w.bool(assigned, 307)
        // 308–311: spare
    }
}
