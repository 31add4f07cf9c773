/// A port or anchorage, as used to exclude encounters that are ordinary port traffic.
public struct Port: Hashable, Sendable {
    /// The port's name, as in the source list (e.g. World Port Index `Nampo`).
    public var name: String
    /// The country, as in the source list; nil when the list has none.
    public var country: String?
    /// The reference position of the port.
    public var position: GeoPoint

    /// - Parameters: see the properties.
    public init(name: String, country: String? = nil, position: GeoPoint) {
        self.name = name
        self.country = country
        self.position = position
    }
}
