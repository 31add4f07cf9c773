import CapwatchCore
import TrackAnalysis

/// 2024-05-01T00:00:00Z, a multiple of the 10-minute slice.
let day0 = Timestamp(iso8601: "2024-05-01T00:00:00Z")!

/// `day0` plus hours and minutes.
func at(_ hours: Int, _ minutes: Int = 0) -> Timestamp { day0.adding(seconds: Double(hours * 3600 + minutes * 60)) }

func mmsi(_ v: UInt32) -> MMSI { MMSI(rawValue: v)! }

/// Reports of a vessel every `everyMinutes` from `from` to `to` inclusive, at `position(t)` with SOG `sog`.
func reports(_ id: UInt32, from: Timestamp, to: Timestamp, everyMinutes: Int = 5, sog: Double? = 0.3,
             position: (Timestamp) -> GeoPoint) -> [PositionReport] {
    var out: [PositionReport] = []
    var t = from
    while t <= to {
        out.append(PositionReport(mmsi: mmsi(id), time: t, position: position(t), sog: sog))
        t = t.adding(seconds: Double(everyMinutes * 60))
    }
    return out
}

func buildTracks(_ positions: [PositionReport], _ statics: [StaticReport] = []) -> [Track] {
    var b = TrackBuilder()
    for p in positions { b.add(p) }
    for s in statics { b.add(s) }
    return b.build()
}
