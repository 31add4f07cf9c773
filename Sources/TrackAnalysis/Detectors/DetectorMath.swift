#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore

// Small numeric helpers shared by the detectors (internal).

/// `a / b` rounded towards minus infinity (`b > 0`).
@inline(__always) func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

/// `asin(x)` in degrees.
@inline(__always) func asinDegrees(_ x: Double) -> Double { asin(max(-1, min(1, x))) * 180 / Double.pi }

/// `atan2(y, x)` in degrees.
@inline(__always) func atan2Degrees(_ y: Double, _ x: Double) -> Double { atan2(y, x) * 180 / Double.pi }

/// Sums positions as Earth-centred vectors; their mean direction is the mean position (correct
/// across the antimeridian).
struct MeanPosition {
    var x = 0.0
    var y = 0.0
    var z = 0.0
    var count = 0

    mutating func add(_ latitude: Double, _ longitude: Double) {
        let (px, py, pz) = ecef(latitude, longitude)
        x += px
        y += py
        z += pz
        count += 1
    }

    /// The mean position, nil when nothing was added (or the positions cancel out).
    var mean: GeoPoint? {
        let r = (x * x + y * y + z * z).squareRoot()
        guard count > 0, r > 0 else { return nil }
        return GeoPoint(latitude: asinDegrees(z / r), longitude: atan2Degrees(y, x))
    }
}

extension Track {
    /// The index of the last kept position at or before `time`, else the first kept position after
    /// it; nil when the track has no kept position. Binary search.
    func keptIndex(near time: Timestamp) -> Int? {
        let t = time.millisecondsSince1970
        var lo = 0
        var hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0, outliers[i] { i -= 1 }
        if i >= 0 { return i }
        i = lo
        while i < times.count, outliers[i] { i += 1 }
        return i < times.count ? i : nil
    }

    /// True when any version of the identity history reports a tanker (ship type `80...89`,
    /// ITU-R M.1371-5 Table 53).
    var isTanker: Bool { identity.versions.contains { (80...89).contains($0.identity.shipType ?? 0) } }
}

/// `cos` of an angle in degrees.
@inline(__always) func cosDegreesTA(_ degrees: Double) -> Double { cos(degrees * Double.pi / 180) }

/// `value` rounded to `decimals` decimal places, as the double nearest that decimal (so it prints
/// as `4.6`, not `4.6000000000000005`).
@inline(__always) func roundedTo(_ value: Double, _ decimals: Int) -> Double {
    guard value.isFinite else { return value }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (value * scale).rounded() / scale
}
