#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A position on the WGS 84 ellipsoid in decimal degrees.
///
/// Distances use the haversine formula on a sphere of mean Earth radius 6,371,008.8 m
/// (IUGG mean radius R1): within 0.5 % of the ellipsoidal distance, far finer than AIS needs
/// for the 500 m encounter radius.
public struct GeoPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Latitude in degrees, `-90...90`, positive north.
    public var latitude: Double
    /// Longitude in degrees, `-180...180`, positive east.
    public var longitude: Double

    /// - Parameters:
    ///   - latitude: degrees, `-90...90`.
    ///   - longitude: degrees, `-180...180`.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius in metres (IUGG R1).
    public static let earthRadiusMetres = 6_371_008.8

    /// True when latitude is in `-90...90` and longitude in `-180...180` and both are finite.
    public var isValid: Bool { latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180 }

    /// Great-circle distance to `other`, in metres (haversine).
    public func distance(to other: GeoPoint) -> Double {
        let toRad = Double.pi / 180
        let phi1 = latitude * toRad
        let phi2 = other.latitude * toRad
        let dPhi = phi2 - phi1
        let dLambda = (other.longitude - longitude) * toRad
        let s1 = sin(dPhi / 2)
        let s2 = sin(dLambda / 2)
        let a = s1 * s1 + cos(phi1) * cos(phi2) * s2 * s2
        return 2 * GeoPoint.earthRadiusMetres * asin(min(1, a.squareRoot()))
    }

    public var description: String { "\(latitude),\(longitude)" }
}
