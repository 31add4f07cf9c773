extension PositionReportClassA: AISEncodableMessage {
    /// A report from its raw fields; every default is the standard's "not available" (or zero
    /// for flags and spare-like fields), so `PositionReportClassA(mmsi: 445123456)` is a report
    /// that says nothing but who sent it.
    /// - Parameters: see the properties; `messageType` is 1, 2 or 3.
    public init(
        messageType: UInt8 = 1, repeatIndicator: UInt8 = 0, mmsi: UInt32, navigationalStatus: UInt8 = 15, rawRateOfTurn: Int8 = -128,
        rawSOG: UInt16 = 1023, positionAccuracy: Bool = false, rawLongitude: Int32 = 108_600_000, rawLatitude: Int32 = 54_600_000,
        rawCOG: UInt16 = 3600, rawHeading: UInt16 = 511, timeStamp: UInt8 = 60, specialManoeuvre: UInt8 = 0, raim: Bool = false,
        radioStatus: UInt32 = 0
    ) {
        self.messageType = messageType
        self.repeatIndicator = repeatIndicator
        self.mmsi = mmsi
        self.navigationalStatus = navigationalStatus
        self.rawRateOfTurn = rawRateOfTurn
        self.rawSOG = rawSOG
        self.positionAccuracy = positionAccuracy
        self.rawLongitude = rawLongitude
        self.rawLatitude = rawLatitude
        self.rawCOG = rawCOG
        self.rawHeading = rawHeading
        self.timeStamp = timeStamp
        self.specialManoeuvre = specialManoeuvre
        self.raim = raim
        self.radioStatus = radioStatus
    }

    /// 168 bits (Table 45).
    public var encodedBitCount: Int { 168 }

    /// Writes the fields in the order and widths of Table 45.
    public func write(into w: inout BitWriter) {
        w.uint(UInt64(messageType), 0, 6)
        w.uint(UInt64(repeatIndicator), 6, 2)
        w.uint(UInt64(mmsi), 8, 30)
        w.uint(UInt64(navigationalStatus), 38, 4)
        w.int(Int64(rawRateOfTurn), 42, 8)
        w.uint(UInt64(rawSOG), 50, 10)
        w.bool(positionAccuracy, 60)
        w.int(Int64(rawLongitude), 61, 28)
        w.int(Int64(rawLatitude), 89, 27)
        w.uint(UInt64(rawCOG), 116, 12)
        w.uint(UInt64(rawHeading), 128, 9)
        w.uint(UInt64(timeStamp), 137, 6)
        w.uint(UInt64(specialManoeuvre), 143, 2)
        // 145–147: spare
        w.bool(raim, 148)
        w.uint(UInt64(radioStatus), 149, 19)
    }
}
