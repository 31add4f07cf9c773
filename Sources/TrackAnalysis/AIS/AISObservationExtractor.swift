import AISDecoding
import CapwatchCore

/// Turns decoded AIS messages into the domain's observations: a ``PositionReport`` for each
/// vessel position report (types 1, 2, 3, 18, 19, 27) with a valid position, and a
/// ``StaticReport`` for each static message (types 5, 19, 24 part A or B).
///
/// Times follow ``AISClock``: the tag block's receive time when present, otherwise the base
/// stations' UTC and the report's own UTC second. Observations that arrive before any time is
/// known are held (at most ``maximumPending``) and released, timed, with the first clock; past
/// that bound, and at the end of an untimed input, they are counted in ``untimed`` and dropped.
///
/// Types 4, 9 (SAR aircraft), 11 and 21 (aids to navigation) are not vessel tracks and give no
/// position; base-station reports feed the clock.
public struct AISObservationExtractor {
    /// What the extractor produced from one message.
    public enum Observation: Sendable {
        case position(PositionReport)
        case staticData(StaticReport)
    }

    /// Observations held while no time was known.
    public let maximumPending: Int
    /// The network clock.
    public private(set) var clock = AISClock()
    /// Position reports whose position was not available or out of range (counted, not tracked).
    public private(set) var positionsWithoutFix = 0
    /// Observations dropped because no time could be derived.
    public private(set) var untimed = 0
    /// Messages whose MMSI is not a nine-digit number.
    public private(set) var invalidMMSI = 0

    private var pending: [(message: AISMessage, second: Int)] = []

    /// - Parameter maximumPending: observations held before the first clock (default 100,000).
    public init(maximumPending: Int = 100_000) { self.maximumPending = maximumPending }

    /// Extracts observations from one decoded message.
    /// - Parameter body: receives each observation, in order.
    public mutating func extract(_ decoded: AISDecodedMessage, _ body: (Observation) throws -> Void) rethrows {
        let message = decoded.message
        if case .baseStationReport(let b) = message, b.messageType == 4, let utc = b.utcSecondsSince1970 {
            let wasUnknown = clock.now == nil
            clock.observeBaseStation(utc: utc)
            if wasUnknown, !pending.isEmpty {
                let held = pending
                pending = []
                for (m, second) in held {
                    if let t = clock.time(utcSecond: second) { try emit(m, at: t, body) }
                }
            }
        }
        let second = AISObservationExtractor.utcSecond(of: message)
        if let received = decoded.receivedAt {
            // A tag block receive time is the time of the observation.
            try emit(message, at: received, body)
            return
        }
        guard AISObservationExtractor.carriesObservation(message) else { return }
        if let t = clock.time(utcSecond: second) {
            try emit(message, at: t, body)
        } else if pending.count < maximumPending {
            pending.append((message, second))
        } else {
            untimed += 1
        }
    }

    /// Ends the input: anything still waiting for a clock is counted as untimed.
    public mutating func finish() {
        untimed += pending.count
        pending = []
    }

    static func carriesObservation(_ m: AISMessage) -> Bool {
        switch m {
        case .positionReport, .classBPositionReport, .extendedClassBPositionReport, .longRangeBroadcast, .staticAndVoyageData,
            .staticDataReport:
            return true
        default: return false
        }
    }

    static func utcSecond(of m: AISMessage) -> Int {
        switch m {
        case .positionReport(let p): Int(p.timeStamp)
        case .classBPositionReport(let p): Int(p.timeStamp)
        case .extendedClassBPositionReport(let p): Int(p.timeStamp)
        default: 60
        }
    }

    private mutating func emit(_ message: AISMessage, at seconds: Int64, _ body: (Observation) throws -> Void) rethrows {
        guard let mmsi = MMSI(rawValue: message.mmsi) else {
            invalidMMSI += 1
            return
        }
        let time = Timestamp(secondsSince1970: seconds)
        func position(_ lat: Double?, _ lon: Double?, _ sog: Double?, _ cog: Double?, _ heading: Int?, _ status: Int?) throws {
            guard let lat, let lon else {
                positionsWithoutFix += 1
                return
            }
            try body(
                .position(
                    PositionReport(
                        mmsi: mmsi, time: time, position: GeoPoint(latitude: lat, longitude: lon), sog: sog, cog: cog, heading: heading,
                        navigationalStatus: status)))
        }
        func text(_ t: SixBitText) -> String? { t.isEmpty ? nil : t.string }
        switch message {
        case .positionReport(let p):
            try position(p.latitude, p.longitude, p.sog, p.cog, p.trueHeading, Int(p.navigationalStatus))
        case .classBPositionReport(let p):
            try position(p.latitude, p.longitude, p.sog, p.cog, p.trueHeading, nil)
        case .extendedClassBPositionReport(let p):
            try position(p.latitude, p.longitude, p.sog, p.cog, p.trueHeading, nil)
            let length = Int(p.toBow) + Int(p.toStern)
            let beam = Int(p.toPort) + Int(p.toStarboard)
            try body(
                .staticData(
                    StaticReport(
                        mmsi: mmsi, time: time, name: text(p.shipName), shipType: p.shipType == 0 ? nil : Int(p.shipType),
                        length: length == 0 ? nil : Double(length), beam: beam == 0 ? nil : Double(beam))))
        case .longRangeBroadcast(let p):
            try position(p.latitude, p.longitude, p.sog, p.cog, nil, Int(p.navigationalStatus))
        case .staticAndVoyageData(let s):
            try body(
                .staticData(
                    StaticReport(
                        mmsi: mmsi, time: time, name: text(s.shipName), callSign: text(s.callSign),
                        imo: s.imo.flatMap { IMONumber(rawValue: $0) }, shipType: s.shipType == 0 ? nil : Int(s.shipType),
                        length: s.length.map(Double.init), beam: s.beam.map(Double.init), draught: s.draught,
                        destination: text(s.destination))))
        case .staticDataReport(let s):
            switch s.part {
            case .a(let name):
                guard let name = text(name) else { return }
                try body(.staticData(StaticReport(mmsi: mmsi, time: time, name: name)))
            case .b(let b):
                let length = Int(b.toBow) + Int(b.toStern)
                let beam = Int(b.toPort) + Int(b.toStarboard)
                try body(
                    .staticData(
                        StaticReport(
                            mmsi: mmsi, time: time, callSign: text(b.callSign), shipType: b.shipType == 0 ? nil : Int(b.shipType),
                            length: length == 0 ? nil : Double(length), beam: beam == 0 ? nil : Double(beam))))
            }
        default:
            return
        }
    }
}
