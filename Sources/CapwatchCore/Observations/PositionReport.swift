/// One position of one vessel at one instant, whatever it came from (an AIS message type
/// 1/2/3/9/18/19/27 or a CSV row).
///
/// Units follow ITU-R M.1371-5 semantics after scaling; a value the transmitter marked
/// "not available" is nil.
public struct PositionReport: Hashable, Sendable {
    /// The reporting station.
    public var mmsi: MMSI
    /// When the position was valid (UTC).
    public var time: Timestamp
    /// Where the vessel was.
    public var position: GeoPoint
    /// Speed over ground in knots, `0...102.2` (nil: not available).
    public var sog: Double?
    /// Course over ground in degrees true, `0..<360` (nil: not available).
    public var cog: Double?
    /// True heading in degrees, `0...359` (nil: not available).
    public var heading: Int?
    /// Navigational status code, ITU-R M.1371-5 Table 45 (0 under way using engine, 1 at anchor,
    /// 5 moored, 15 undefined …); nil when the source has none (Class B, CSV).
    public var navigationalStatus: Int?

    /// - Parameters: see the properties.
    public init(mmsi: MMSI, time: Timestamp, position: GeoPoint, sog: Double? = nil, cog: Double? = nil, heading: Int? = nil,
                navigationalStatus: Int? = nil) {
        self.mmsi = mmsi
        self.time = time
        self.position = position
        self.sog = sog
        self.cog = cog
        self.heading = heading
        self.navigationalStatus = navigationalStatus
    }
}
