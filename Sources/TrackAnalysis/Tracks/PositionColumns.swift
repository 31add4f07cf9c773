#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The positions of one vessel as columns (struct of arrays), in the units of ``Track``: what
/// ``TrackBuilder/takePositions(_:)`` hands out and ``TrackBuilder/append(mmsi:positions:)`` takes
/// back. All arrays have the same length.
public struct PositionColumns: Sendable {
    /// Milliseconds since 1970 (UTC).
    public var times: [Int64]
    /// Latitude in degrees, -90...90.
    public var latitudes: [Double]
    /// Longitude in degrees, -180...180.
    public var longitudes: [Double]
    /// SOG in knots; NaN when not available.
    public var speeds: [Float]
    /// COG in degrees; NaN when not available.
    public var courses: [Float]
    /// True heading in degrees; -1 when not available.
    public var headings: [Int16]
    /// Navigational status code (ITU-R M.1371-5 Table 45); -1 when not available.
    public var statuses: [Int8]

    /// - Parameters: see the properties; every array must have the same length.
    public init(times: [Int64], latitudes: [Double], longitudes: [Double], speeds: [Float], courses: [Float], headings: [Int16],
                statuses: [Int8]) {
        precondition(latitudes.count == times.count && longitudes.count == times.count && speeds.count == times.count
            && courses.count == times.count && headings.count == times.count && statuses.count == times.count)
        self.times = times
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.speeds = speeds
        self.courses = courses
        self.headings = headings
        self.statuses = statuses
    }

    /// The number of positions.
    public var count: Int { times.count }

    /// Bytes of one position in the raw form of ``append(count:rawColumns:)``: 8 + 8 + 8 + 4 + 4 + 2 + 1.
    public static let bytesPerPosition = 35

    /// No positions, with room for `capacity`.
    public init(capacity: Int) {
        times = []
        latitudes = []
        longitudes = []
        speeds = []
        courses = []
        headings = []
        statuses = []
        times.reserveCapacity(capacity)
        latitudes.reserveCapacity(capacity)
        longitudes.reserveCapacity(capacity)
        speeds.reserveCapacity(capacity)
        courses.reserveCapacity(capacity)
        headings.reserveCapacity(capacity)
        statuses.reserveCapacity(capacity)
    }

    /// Appends one position (units as the properties).
    @inline(__always)
    mutating func append(time: Int64, latitude: Double, longitude: Double, sog: Float, cog: Float, heading: Int16, status: Int8) {
        times.append(time)
        latitudes.append(latitude)
        longitudes.append(longitude)
        speeds.append(sog)
        courses.append(cog)
        headings.append(heading)
        statuses.append(status)
    }

    /// Makes room for `count` positions in all.
    mutating func reserveCapacity(_ count: Int) {
        times.reserveCapacity(count)
        latitudes.reserveCapacity(count)
        longitudes.reserveCapacity(count)
        speeds.reserveCapacity(count)
        courses.reserveCapacity(count)
        headings.reserveCapacity(count)
        statuses.reserveCapacity(count)
    }

    /// Forgets every position, keeping the arrays' storage for the next ones (a builder that is
    /// drained and filled again then touches no fresh memory).
    mutating func removeAll(keepingCapacity keep: Bool) {
        times.removeAll(keepingCapacity: keep)
        latitudes.removeAll(keepingCapacity: keep)
        longitudes.removeAll(keepingCapacity: keep)
        speeds.removeAll(keepingCapacity: keep)
        courses.removeAll(keepingCapacity: keep)
        headings.removeAll(keepingCapacity: keep)
        statuses.removeAll(keepingCapacity: keep)
    }

    /// Appends `other`'s positions after these.
    public mutating func append(_ other: PositionColumns) {
        times += other.times
        latitudes += other.latitudes
        longitudes += other.longitudes
        speeds += other.speeds
        courses += other.courses
        headings += other.headings
        statuses += other.statuses
    }

    /// The positions as raw columns (the form ``append(count:rawColumns:)`` takes), passed to `body`.
    public func withRawColumns<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var raw = [UInt8]()
        raw.reserveCapacity(count * Self.bytesPerPosition)
        times.withUnsafeBytes { raw.append(contentsOf: $0) }
        latitudes.withUnsafeBytes { raw.append(contentsOf: $0) }
        longitudes.withUnsafeBytes { raw.append(contentsOf: $0) }
        speeds.withUnsafeBytes { raw.append(contentsOf: $0) }
        courses.withUnsafeBytes { raw.append(contentsOf: $0) }
        headings.withUnsafeBytes { raw.append(contentsOf: $0) }
        statuses.withUnsafeBytes { raw.append(contentsOf: $0) }
        return try raw.withUnsafeBytes(body)
    }

    /// Where each column of `count` positions starts in the raw form of
    /// ``append(count:rawColumns:)``, in bytes.
    static func rawOffsets(count n: Int) -> (times: Int, latitudes: Int, longitudes: Int, speeds: Int, courses: Int, headings: Int, statuses: Int) {
        (0, 8 * n, 16 * n, 24 * n, 28 * n, 32 * n, 34 * n)
    }

    /// Appends `count` positions given as raw columns: the `count` times, then the latitudes,
    /// longitudes, speeds, courses, headings and statuses, each as this type stores them (native
    /// byte order, no padding), back to back (``bytesPerPosition`` × `count` bytes): the form a
    /// column's `withUnsafeBytes` gives.
    public mutating func append(count: Int, rawColumns raw: UnsafeRawBufferPointer) {
        precondition(raw.count == count * Self.bytesPerPosition)
        guard count > 0 else { return }
        var offset = 0
        // The raw columns need not be aligned for their types: they are copied as bytes.
        func take<T>(_ column: inout [T], _ zero: T) {
            let length = count * MemoryLayout<T>.stride
            let old = column.count
            column.append(contentsOf: repeatElement(zero, count: count))
            column.withUnsafeMutableBytes { _ = memcpy($0.baseAddress! + old * MemoryLayout<T>.stride, raw.baseAddress! + offset, length) }
            offset += length
        }
        take(&times, 0)
        take(&latitudes, 0)
        take(&longitudes, 0)
        take(&speeds, 0)
        take(&courses, 0)
        take(&headings, 0)
        take(&statuses, 0)
    }
}
