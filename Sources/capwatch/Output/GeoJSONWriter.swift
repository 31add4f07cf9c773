import CapwatchCore

/// Renders events as a GeoJSON FeatureCollection (RFC 7946) that QGIS and Leaflet open: one Point
/// feature per event at its representative position, with the event's kind, vessels, times,
/// parameters and evidence as properties. For a closed AIS gap, a LineString feature also joins
/// the last position before it (`off_lat`, `off_lon`) to the first after it (`on_lat`, `on_lon`).
enum GeoJSONWriter {
    /// - Parameter events: the events, in the order they should appear.
    /// - Returns: the GeoJSON text.
    static func render(_ events: [Event]) -> String {
        var features: [String] = []
        features.reserveCapacity(events.count)
        for event in events {
            // Event.json is `{"kind":…,"lat":…,"lon":…,…}`: reuse it whole as the properties.
            let properties = event.json
            features.append(
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(number(event.position.longitude)),\(number(event.position.latitude))]},\"properties\":\(properties)}"
            )
            if let offLat = event.evidence["off_lat"]?.doubleValue, let offLon = event.evidence["off_lon"]?.doubleValue,
                let onLat = event.evidence["on_lat"]?.doubleValue, let onLon = event.evidence["on_lon"]?.doubleValue
            {
                features.append(
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[\(number(offLon)),\(number(offLat))],[\(number(onLon)),\(number(onLat))]]},\"properties\":\(properties)}"
                )
            }
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    private static func number(_ v: Double) -> String {
        // Seven decimals is 1 cm: finer than any AIS position.
        let scaled = (v * 10_000_000).rounded() / 10_000_000
        return scaled == scaled.rounded() ? String(Int64(scaled)) : String(scaled)
    }
}
