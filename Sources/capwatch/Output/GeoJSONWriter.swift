import CapwatchCore

/// Renders events as a GeoJSON FeatureCollection (RFC 7946) that QGIS and Leaflet open: one Point
/// feature per event at its representative position, with the event's kind, vessels, times,
/// parameters and evidence as properties. For a closed AIS gap, a LineString feature also joins
/// the last position before it (`off_lat`, `off_lon`) to the first after it (`on_lat`, `on_lon`).
/// One feature per line: the file is ``header``, the features of each event in order
/// (``appendFeatures(of:properties:first:to:)``), then ``footer``.
enum GeoJSONWriter {
    /// The text before the first feature.
    static let header: StaticString = "{\"type\":\"FeatureCollection\",\"features\":[\n"
    /// The text after the last feature.
    static let footer: StaticString = "\n]}\n"

    /// Appends the features of one event, each after `,` and a line break unless it is the file's first.
    /// - Parameters:
    ///   - event: the event.
    ///   - properties: its ``CapwatchCore/Event/appendJSON(to:)`` text, `{"kind":…,"lat":…,"lon":…,…}`,
    ///     used whole as the features' properties.
    ///   - first: true for the file's first event.
    ///   - out: the buffer; nothing is removed from it.
    static func appendFeatures(of event: Event, properties: UnsafeBufferPointer<UInt8>, first: Bool, to out: inout [UInt8]) {
        func feature(_ geometry: (inout [UInt8]) -> Void) {
            JSONText.append("{\"type\":\"Feature\",\"geometry\":", to: &out)
            geometry(&out)
            JSONText.append(",\"properties\":", to: &out)
            out.append(contentsOf: properties)
            out.append(UInt8(ascii: "}"))
        }
        if !first { JSONText.append(",\n", to: &out) }
        feature { out in
            JSONText.append("{\"type\":\"Point\",\"coordinates\":[", to: &out)
            number(event.position.longitude, &out)
            out.append(UInt8(ascii: ","))
            number(event.position.latitude, &out)
            JSONText.append("]}", to: &out)
        }
        if let offLat = event.evidence["off_lat"]?.doubleValue, let offLon = event.evidence["off_lon"]?.doubleValue,
            let onLat = event.evidence["on_lat"]?.doubleValue, let onLon = event.evidence["on_lon"]?.doubleValue
        {
            JSONText.append(",\n", to: &out)
            feature { out in
                JSONText.append("{\"type\":\"LineString\",\"coordinates\":[[", to: &out)
                number(offLon, &out)
                out.append(UInt8(ascii: ","))
                number(offLat, &out)
                JSONText.append("],[", to: &out)
                number(onLon, &out)
                out.append(UInt8(ascii: ","))
                number(onLat, &out)
                JSONText.append("]]}", to: &out)
            }
        }
    }

    private static func number(_ v: Double, _ out: inout [UInt8]) {
        // Seven decimals is 1 cm: finer than any AIS position.
        let scaled = (v * 10_000_000).rounded() / 10_000_000
        if scaled == scaled.rounded() {
            JSONText.appendInteger(Int64(scaled), to: &out)
        } else {
            JSONText.appendShortest(scaled, to: &out)
        }
    }
}
