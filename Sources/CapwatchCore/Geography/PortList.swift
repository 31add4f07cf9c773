/// A list of ports with a grid index for nearest-port queries.
///
/// Ports are bucketed into cells of ``cellDegrees`` × ``cellDegrees``; a query within a radius only
/// visits the cells that the radius' bounding box touches (wrapping at the antimeridian, every
/// longitude near the poles), so a 10 km test costs a handful of distance computations whatever
/// the list's size.
public struct PortList: Sendable {
    /// The ports, in the order given.
    public let ports: [Port]
    /// Grid cell size in degrees of latitude and longitude.
    public let cellDegrees: Double

    private let cells: [Int: [Int32]]
    private let columns: Int

    /// Metres per degree of latitude on the mean sphere (π R / 180).
    static let metresPerDegree = GeoPoint.earthRadiusMetres * Double.pi / 180

    /// - Parameters:
    ///   - ports: the ports; positions must be valid (``GeoPoint/isValid``), invalid ones are never returned.
    ///   - cellDegrees: grid cell size, `0.01...45` degrees; the default 0.25° (about 28 km north–south)
    ///     suits the 10 km encounter exclusion radius.
    public init(_ ports: [Port], cellDegrees: Double = 0.25) {
        self.ports = ports
        self.cellDegrees = min(45, max(0.01, cellDegrees))
        self.columns = Int((360 / self.cellDegrees).rounded(.up))
        var cells: [Int: [Int32]] = [:]
        for (i, p) in ports.enumerated() where p.position.isValid {
            cells[Self.key(row: Self.row(p.position.latitude, self.cellDegrees), column: Self.column(p.position.longitude, self.cellDegrees, columns)),
                  default: []].append(Int32(i))
        }
        self.cells = cells
    }

    /// The number of ports.
    public var count: Int { ports.count }

    /// The nearest port to `point` no farther than `radiusMetres`.
    /// - Parameters:
    ///   - point: the query position.
    ///   - radiusMetres: the search radius in metres, ≥ 0.
    /// - Returns: the nearest port and its great-circle distance in metres, or nil when none is within the radius.
    public func nearest(to point: GeoPoint, within radiusMetres: Double) -> (port: Port, distanceMetres: Double)? {
        guard point.isValid, radiusMetres >= 0, !ports.isEmpty else { return nil }
        let dLat = radiusMetres / Self.metresPerDegree
        let maxAbsLat = min(90, abs(point.latitude) + dLat)
        let cosLat = cosDegrees(maxAbsLat)
        let dLon = cosLat > 1e-9 ? dLat / cosLat : 360
        let row0 = Self.row(max(-90, point.latitude - dLat), cellDegrees)
        let row1 = Self.row(min(90, point.latitude + dLat), cellDegrees)
        let visitAllColumns = dLon >= 180
        let cellCount = (row1 - row0 + 1) * (visitAllColumns ? columns : Int((2 * dLon / cellDegrees).rounded(.up)) + 2)
        var best: (index: Int, distance: Double)?
        func consider(_ i: Int) {
            let d = point.distance(to: ports[i].position)
            if d <= radiusMetres, best == nil || d < best!.distance { best = (i, d) }
        }
        if cellCount > ports.count {
            for i in ports.indices where ports[i].position.isValid { consider(i) }
        } else {
            let c0 = Int(((point.longitude - dLon) / cellDegrees).rounded(.down))
            let c1 = Int(((point.longitude + dLon) / cellDegrees).rounded(.down))
            for r in row0...row1 {
                if visitAllColumns {
                    for c in 0..<columns { for i in cells[Self.key(row: r, column: c)] ?? [] { consider(Int(i)) } }
                } else {
                    for c in c0...c1 {
                        let wrapped = ((c % columns) + columns) % columns
                        for i in cells[Self.key(row: r, column: wrapped)] ?? [] { consider(Int(i)) }
                    }
                }
            }
        }
        return best.map { (ports[$0.index], $0.distance) }
    }

    /// The nearest port to `point` at any distance, searching outward (25 km, 250 km, 2,500 km,
    /// then the whole list).
    /// - Returns: the nearest port and its distance in metres, or nil when the list is empty.
    public func nearest(to point: GeoPoint) -> (port: Port, distanceMetres: Double)? {
        for radius in [25_000.0, 250_000, 2_500_000, 21_000_000] {
            if let hit = nearest(to: point, within: radius) { return hit }
        }
        return nil
    }

    private static func row(_ latitude: Double, _ cell: Double) -> Int { Int(((latitude + 90) / cell).rounded(.down)) }
    private static func column(_ longitude: Double, _ cell: Double, _ columns: Int) -> Int {
        let c = Int(((longitude + 180) / cell).rounded(.down)) - Int((180 / cell).rounded(.down))
        return ((c % columns) + columns) % columns
    }
    private static func key(row: Int, column: Int) -> Int { row &* 1_000_003 &+ column }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func cosDegrees(_ degrees: Double) -> Double { cos(degrees * Double.pi / 180) }
