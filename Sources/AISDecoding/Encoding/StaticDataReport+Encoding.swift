extension StaticDataReport: AISEncodableMessage {
    /// A part A report (the name).
    /// - Parameters:
    ///   - repeatIndicator: `0...3`.
    ///   - mmsi: the sender.
    ///   - shipName: up to 20 characters, padded with `@`.
    public init(repeatIndicator: UInt8 = 0, mmsi: UInt32, shipName: String) {
        self.repeatIndicator = repeatIndicator
        self.mmsi = mmsi
        part = .a(shipName: SixBitText(shipName, padTo: 20))
    }

    /// A part B report.
    /// - Parameters:
    ///   - repeatIndicator: `0...3`.
    ///   - mmsi: the sender; for an auxiliary craft (`98MIDxxxx`) give `motherShipMMSI` and leave the dimensions 0.
    ///   - partB: the fields of Table 79 (texts padded with `@`: vendor 3, call sign 7 characters).
    public init(repeatIndicator: UInt8 = 0, mmsi: UInt32, partB: PartB) {
        self.repeatIndicator = repeatIndicator
        self.mmsi = mmsi
        part = .b(partB)
    }

    /// 160 bits for part A (Table 78, the standard's length), 168 for part B (Table 79).
    public var encodedBitCount: Int {
        if case .a = part { return 160 }
        return 168
    }

    /// Writes the fields in the order and widths of Tables 78 and 79.
    public func write(into w: inout BitWriter) {
        w.uint(24, 0, 6)
        w.uint(UInt64(repeatIndicator), 6, 2)
        w.uint(UInt64(mmsi), 8, 30)
        switch part {
        case .a(let name):
            w.uint(0, 38, 2)
            w.text(name, 40, characters: 20)
        case .b(let b):
            w.uint(1, 38, 2)
            w.uint(UInt64(b.shipType), 40, 8)
            w.text(b.vendorID, 48, characters: 3)
            w.uint(UInt64(b.unitModel), 66, 4)
            w.uint(UInt64(b.serialNumber), 70, 20)
            w.text(b.callSign, 90, characters: 7)
            if let mother = b.motherShipMMSI {
                w.uint(UInt64(mother), 132, 30)
            } else {
                w.uint(UInt64(b.toBow), 132, 9)
                w.uint(UInt64(b.toStern), 141, 9)
                w.uint(UInt64(b.toPort), 150, 6)
                w.uint(UInt64(b.toStarboard), 156, 6)
            }
        // 162–167: spare
        }
    }
}

extension StaticDataReport.PartB {
    /// Part B fields; texts are padded with `@` to their field (vendor 3, call sign 7 characters).
    /// - Parameters: see the properties. Dimensions are ignored (written as zero by the decoder's
    ///   rule) when `motherShipMMSI` is given.
    public init(
        shipType: UInt8 = 0, vendorID: String = "", unitModel: UInt8 = 0, serialNumber: UInt32 = 0, callSign: String = "", toBow: UInt16 = 0,
        toStern: UInt16 = 0, toPort: UInt8 = 0, toStarboard: UInt8 = 0, motherShipMMSI: UInt32? = nil
    ) {
        self.shipType = shipType
        self.vendorID = SixBitText(vendorID, padTo: 3)
        self.unitModel = unitModel
        self.serialNumber = serialNumber
        self.callSign = SixBitText(callSign, padTo: 7)
        let auxiliary = motherShipMMSI != nil
        self.toBow = auxiliary ? 0 : toBow
        self.toStern = auxiliary ? 0 : toStern
        self.toPort = auxiliary ? 0 : toPort
        self.toStarboard = auxiliary ? 0 : toStarboard
        self.motherShipMMSI = motherShipMMSI
    }
}
