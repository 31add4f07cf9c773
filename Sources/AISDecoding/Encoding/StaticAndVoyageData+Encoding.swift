extension StaticAndVoyageData: AISEncodableMessage {
    /// A type 5 message from its raw fields; defaults are "not available" (IMO 0, ship type 0,
    /// ETA month 0 / day 0 / hour 24 / minute 60, draught 0, empty texts as all `@`).
    /// - Parameters: see the properties. Texts are padded with `@` to their field (7 or 20
    ///   characters) and cut to it, as ``SixBitText/init(_:padTo:)`` does.
    public init(
        repeatIndicator: UInt8 = 0, mmsi: UInt32, aisVersion: UInt8 = 0, imoNumber: UInt32 = 0, callSign: String = "", shipName: String = "",
        shipType: UInt8 = 0, toBow: UInt16 = 0, toStern: UInt16 = 0, toPort: UInt8 = 0, toStarboard: UInt8 = 0, epfd: UInt8 = 0,
        etaMonth: UInt8 = 0, etaDay: UInt8 = 0, etaHour: UInt8 = 24, etaMinute: UInt8 = 60, rawDraught: UInt8 = 0, destination: String = "",
        dte: Bool = false
    ) {
        self.repeatIndicator = repeatIndicator
        self.mmsi = mmsi
        self.aisVersion = aisVersion
        self.imoNumber = imoNumber
        self.callSign = SixBitText(callSign, padTo: 7)
        self.shipName = SixBitText(shipName, padTo: 20)
        self.shipType = shipType
        self.toBow = toBow
        self.toStern = toStern
        self.toPort = toPort
        self.toStarboard = toStarboard
        self.epfd = epfd
        self.etaMonth = etaMonth
        self.etaDay = etaDay
        self.etaHour = etaHour
        self.etaMinute = etaMinute
        self.rawDraught = rawDraught
        self.destination = SixBitText(destination, padTo: 20)
        self.dte = dte
    }

    /// 424 bits (Table 52): 71 armoured characters with 2 fill bits, sent in two sentences.
    public var encodedBitCount: Int { 424 }

    /// Writes the fields in the order and widths of Table 52.
    public func write(into w: inout BitWriter) {
        w.uint(5, 0, 6)
        w.uint(UInt64(repeatIndicator), 6, 2)
        w.uint(UInt64(mmsi), 8, 30)
        w.uint(UInt64(aisVersion), 38, 2)
        w.uint(UInt64(imoNumber), 40, 30)
        w.text(callSign, 70, characters: 7)
        w.text(shipName, 112, characters: 20)
        w.uint(UInt64(shipType), 232, 8)
        w.uint(UInt64(toBow), 240, 9)
        w.uint(UInt64(toStern), 249, 9)
        w.uint(UInt64(toPort), 258, 6)
        w.uint(UInt64(toStarboard), 264, 6)
        w.uint(UInt64(epfd), 270, 4)
        w.uint(UInt64(etaMonth), 274, 4)
        w.uint(UInt64(etaDay), 278, 5)
        w.uint(UInt64(etaHour), 283, 5)
        w.uint(UInt64(etaMinute), 288, 6)
        w.uint(UInt64(rawDraught), 294, 8)
        w.text(destination, 302, characters: 20)
        w.bool(dte, 422)
        // 423: spare
    }
}
