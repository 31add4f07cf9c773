import CapwatchCore
import Foundation
import TrackAnalysis

/// Reads land polygons from GeoJSON (RFC 7946: a FeatureCollection, a Feature or a bare geometry,
/// with Polygon, MultiPolygon or GeometryCollection geometries; other geometries are skipped) for
/// the spoofing detector's on-land check. Natural Earth `ne_10m_land_east_asia.geojson` and
/// `ne_50m_land.geojson` are of this form.
enum LandGeoJSON {
    /// - Parameter path: the GeoJSON file.
    /// - Returns: the polygons, each a list of rings of positions.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be read or is not GeoJSON with polygons.
    static func load(_ path: String) throws -> [[[GeoPoint]]] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CapwatchCLIError("\(path): cannot read the land polygons: \(error.localizedDescription)")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CapwatchCLIError("\(path): not JSON: \(error.localizedDescription)")
        }
        var polygons: [[[GeoPoint]]] = []
        func ring(_ value: Any) -> [GeoPoint] {
            guard let coordinates = value as? [Any] else { return [] }
            var out: [GeoPoint] = []
            out.reserveCapacity(coordinates.count)
            for c in coordinates {
                guard let pair = c as? [Any], pair.count >= 2, let lon = (pair[0] as? NSNumber)?.doubleValue,
                    let lat = (pair[1] as? NSNumber)?.doubleValue
                else { continue }
                out.append(GeoPoint(latitude: lat, longitude: lon))
            }
            return out
        }
        func polygon(_ value: Any) -> [[GeoPoint]] { (value as? [Any] ?? []).map(ring) }
        func geometry(_ g: [String: Any]) {
            switch g["type"] as? String {
            case "Polygon": polygons.append(polygon(g["coordinates"] as Any))
            case "MultiPolygon": for p in g["coordinates"] as? [Any] ?? [] { polygons.append(polygon(p)) }
            case "GeometryCollection": for sub in g["geometries"] as? [[String: Any]] ?? [] { geometry(sub) }
            default: break
            }
        }
        func object(_ o: [String: Any]) {
            switch o["type"] as? String {
            case "FeatureCollection": for f in o["features"] as? [[String: Any]] ?? [] { object(f) }
            case "Feature": if let g = o["geometry"] as? [String: Any] { geometry(g) }
            default: geometry(o)
            }
        }
        guard let top = root as? [String: Any] else { throw CapwatchCLIError("\(path): not a GeoJSON object") }
        object(top)
        guard !polygons.isEmpty else { throw CapwatchCLIError("\(path): no Polygon or MultiPolygon geometry") }
        return polygons
    }
}
