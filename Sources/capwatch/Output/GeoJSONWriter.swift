import CapwatchCore

/// Renders events as a GeoJSON FeatureCollection (RFC 7946) that QGIS and Leaflet open: one Point
/// feature per event at its representative position, with the event's kind, vessels, times,
/// parameters and evidence as properties. Where the evidence names the positions before and after
/// an AIS gap, a LineString feature joins them too.
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
            if case .position(let before)? = event.evidence["last_position_before"],
                case .position(let after)? = event.evidence["first_position_after"]
            {
                features.append(
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[\(number(before.longitude)),\(number(before.latitude))],[\(number(after.longitude)),\(number(after.latitude))]]},\"properties\":\(properties)}"
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
