import CapwatchCore

/// Land polygons with a grid index, answering "is this position on land?" in constant time.
///
/// Polygons are given as rings of positions (an outer ring and its holes, as in GeoJSON; the
/// command line reads Natural Earth `ne_10m_land`/`ne_50m_land` GeoJSON and passes the rings in).
/// Inside-ness is the even–odd rule over all rings, which is exact for non-overlapping polygons
/// with holes (Natural Earth land is such a set). Coordinates are treated as a plane
/// (longitude, latitude): polygons must not cross the antimeridian (Natural Earth splits them).
///
/// Index: the bounding box of all vertices is cut into cells of ``cellDegrees``; each cell keeps
/// the edges whose bounding box touches it and whether its centre is on land (computed once by
/// casting a ray eastward along each row's centre latitude). A query counts the crossings of the
/// segment from the point to its cell's centre with the cell's edges: the parity flips the
/// centre's status. Cost per query: the edges of one cell (a few for 0.25° cells of 10 m data).
/// Edge cases: a point exactly on an edge or a vertex may go either way.
public struct LandMask: Sendable {
    /// Grid cell size in degrees.
    public let cellDegrees: Double
    /// The number of edges indexed.
    public var edgeCount: Int { lat0.count }

    private let minLat: Double
    private let minLon: Double
    private let maxLat: Double
    private let maxLon: Double
    private let rows: Int
    private let columns: Int
    private let lat0: [Double]
    private let lon0: [Double]
    private let lat1: [Double]
    private let lon1: [Double]
    private let cellStart: [Int32]
    private let cellEdges: [Int32]
    private let centreOnLand: [Bool]

    /// - Parameters:
    ///   - polygons: polygons, each a list of rings (outer first, then holes), each ring a list of
    ///     positions, closed or not; rings of fewer than 3 positions are ignored.
    ///   - cellDegrees: grid cell, `0.01...10` degrees (default 0.25°).
    public init(polygons: [[[GeoPoint]]], cellDegrees: Double = 0.25) {
        let cell = min(10, max(0.01, cellDegrees))
        self.cellDegrees = cell
        var la0: [Double] = []
        var lo0: [Double] = []
        var la1: [Double] = []
        var lo1: [Double] = []
        var bounds = (minLat: Double.infinity, maxLat: -Double.infinity, minLon: Double.infinity, maxLon: -Double.infinity)
        for polygon in polygons {
            for ring in polygon where ring.count >= 3 {
                for k in ring.indices {
                    let a = ring[k]
                    let b = ring[(k + 1) % ring.count]
                    bounds = (min(bounds.minLat, a.latitude), max(bounds.maxLat, a.latitude), min(bounds.minLon, a.longitude), max(bounds.maxLon, a.longitude))
                    if a == b { continue }
                    la0.append(a.latitude)
                    lo0.append(a.longitude)
                    la1.append(b.latitude)
                    lo1.append(b.longitude)
                }
            }
        }
        if la0.isEmpty { bounds = (0, 0, 0, 0) }
        minLat = bounds.minLat
        maxLat = bounds.maxLat
        minLon = bounds.minLon
        maxLon = bounds.maxLon
        let rows = max(1, Int(((bounds.maxLat - bounds.minLat) / cell).rounded(.up)))
        let columns = max(1, Int(((bounds.maxLon - bounds.minLon) / cell).rounded(.up)))
        self.rows = rows
        self.columns = columns
        func row(_ lat: Double) -> Int { min(rows - 1, max(0, Int(((lat - bounds.minLat) / cell).rounded(.down)))) }
        func column(_ lon: Double) -> Int { min(columns - 1, max(0, Int(((lon - bounds.minLon) / cell).rounded(.down)))) }
        // Edges per cell, compressed rows (two passes: count, then fill).
        var start = [Int32](repeating: 0, count: rows * columns + 1)
        for e in la0.indices {
            for r in row(min(la0[e], la1[e]))...row(max(la0[e], la1[e])) {
                for c in column(min(lo0[e], lo1[e]))...column(max(lo0[e], lo1[e])) { start[r * columns + c + 1] += 1 }
            }
        }
        for i in 1..<start.count { start[i] += start[i - 1] }
        var fill = start
        var edges = [Int32](repeating: 0, count: Int(start[start.count - 1]))
        for e in la0.indices {
            for r in row(min(la0[e], la1[e]))...row(max(la0[e], la1[e])) {
                for c in column(min(lo0[e], lo1[e]))...column(max(lo0[e], lo1[e])) {
                    edges[Int(fill[r * columns + c])] = Int32(e)
                    fill[r * columns + c] += 1
                }
            }
        }
        // Centre status: crossings of each row's centre line, each counted in the cell holding it.
        var centre = [Bool](repeating: false, count: rows * columns)
        var xs: [Double] = []
        for r in 0..<rows {
            let y = bounds.minLat + (Double(r) + 0.5) * cell
            xs.removeAll(keepingCapacity: true)
            for c in 0..<columns {
                for k in Int(start[r * columns + c])..<Int(start[r * columns + c + 1]) {
                    let e = Int(edges[k])
                    guard (la0[e] > y) != (la1[e] > y) else { continue }
                    let x = lo0[e] + (y - la0[e]) * (lo1[e] - lo0[e]) / (la1[e] - la0[e])
                    if column(x) == c { xs.append(x) }
                }
            }
            guard !xs.isEmpty else { continue }
            xs.sort()
            var k = xs.count  // crossings strictly east of the centre: xs[k...]
            for c in stride(from: columns - 1, through: 0, by: -1) {
                let x = bounds.minLon + (Double(c) + 0.5) * cell
                while k > 0, xs[k - 1] > x { k -= 1 }
                centre[r * columns + c] = (xs.count - k) % 2 == 1
            }
        }
        lat0 = la0
        lon0 = lo0
        lat1 = la1
        lon1 = lo1
        cellStart = start
        cellEdges = edges
        centreOnLand = centre
    }

    /// True when `point` lies inside the land polygons (even–odd rule); false outside their
    /// bounding box and for invalid positions.
    public func contains(_ point: GeoPoint) -> Bool {
        let y = point.latitude
        let x = point.longitude
        guard point.isValid, !cellEdges.isEmpty || centreOnLand.contains(true), y >= minLat, y <= maxLat, x >= minLon, x <= maxLon else {
            return false
        }
        let r = min(rows - 1, max(0, Int(((y - minLat) / cellDegrees).rounded(.down))))
        let c = min(columns - 1, max(0, Int(((x - minLon) / cellDegrees).rounded(.down))))
        let cy = minLat + (Double(r) + 0.5) * cellDegrees
        let cx = minLon + (Double(c) + 0.5) * cellDegrees
        var inside = centreOnLand[r * columns + c]
        for k in Int(cellStart[r * columns + c])..<Int(cellStart[r * columns + c + 1]) {
            let e = Int(cellEdges[k])
            if Self.segmentsCross(x, y, cx, cy, lon0[e], lat0[e], lon1[e], lat1[e]) { inside.toggle() }
        }
        return inside
    }

    /// True when `point` and the four points `toleranceMetres` north, south, east and west of it
    /// are all on land: the position is at least about that far inland, which absorbs the
    /// coastline's own error (Natural Earth 10 m: about 0.2–1 km; 50 m: 1–5 km).
    /// - Parameters:
    ///   - point: the position.
    ///   - toleranceMetres: `≥ 0`; 0 tests the point alone.
    public func isInland(_ point: GeoPoint, toleranceMetres: Double) -> Bool {
        guard contains(point) else { return false }
        guard toleranceMetres > 0 else { return true }
        let dLat = toleranceMetres / (GeoPoint.earthRadiusMetres * Double.pi / 180)
        let cosLat = max(0.01, cosDegreesTA(point.latitude))
        let dLon = dLat / cosLat
        return contains(GeoPoint(latitude: point.latitude + dLat, longitude: point.longitude))
            && contains(GeoPoint(latitude: point.latitude - dLat, longitude: point.longitude))
            && contains(GeoPoint(latitude: point.latitude, longitude: point.longitude + dLon))
            && contains(GeoPoint(latitude: point.latitude, longitude: point.longitude - dLon))
    }

    /// Proper intersection of segments PQ and AB in the plane (orientation test).
    @inline(__always) static func segmentsCross(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double, _ ax: Double, _ ay: Double,
                                                _ bx: Double, _ by: Double) -> Bool {
        func orient(_ ox: Double, _ oy: Double, _ ux: Double, _ uy: Double, _ vx: Double, _ vy: Double) -> Double {
            (ux - ox) * (vy - oy) - (uy - oy) * (vx - ox)
        }
        let d1 = orient(ax, ay, bx, by, px, py)
        let d2 = orient(ax, ay, bx, by, qx, qy)
        let d3 = orient(px, py, qx, qy, ax, ay)
        let d4 = orient(px, py, qx, qy, bx, by)
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0
    }
}
