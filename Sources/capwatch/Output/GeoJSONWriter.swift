import CapwatchCore

/// Renders events as a GeoJSON FeatureCollection (RFC 7946) that QGIS and Leaflet open: one Point
/// feature per event at its representative position, with the event's kind, vessels, times,
/// parameters and evidence as properties. For a closed AIS gap, a LineString feature also joins
/// the last position before it (`off_lat`, `off_lon`) to the first after it (`on_lat`, `on_lon`).
enum GeoJSONWriter {
    /// Writes the GeoJSON text, one feature per line.
    /// - Parameters:
    ///   - events: the events, in the order they should appear.
    ///   - file: where to write.
    /// - Throws: ``CapwatchCLIError`` when the file cannot be written.
    static func write(_ events: [Event], to file: StreamedFile) throws {
        var out: [UInt8] = []
        swap(&out, &file.buffer)
        defer { swap(&out, &file.buffer) }
        JSONText.append("{\"type\":\"FeatureCollection\",\"features\":[\n", to: &out)
        var properties: [UInt8] = []
        var first = true
        func feature(_ geometry: (inout [UInt8]) -> Void) {
            if !first { JSONText.append(",\n", to: &out) }
            first = false
            JSONText.append("{\"type\":\"Feature\",\"geometry\":", to: &out)
            geometry(&out)
            JSONText.append(",\"properties\":", to: &out)
            out.append(contentsOf: properties)
            out.append(UInt8(ascii: "}"))
        }
        for event in events {
            // Event.json is `{"kind":…,"lat":…,"lon":…,…}`: reuse it whole as the properties.
            properties.removeAll(keepingCapacity: true)
            event.appendJSON(to: &properties)
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
            if out.count >= 1 << 20 {
                swap(&out, &file.buffer)
                defer { swap(&out, &file.buffer) }
                try file.flushIfFull()
            }
        }
        JSONText.append("\n]}\n", to: &out)
    }

    private static func number(_ v: Double, _ out: inout [UInt8]) {
        // Seven decimals is 1 cm: finer than any AIS position.
        let scaled = (v * 10_000_000).rounded() / 10_000_000
        if scaled == scaled.rounded() {
            JSONText.appendInteger(Int64(scaled), to: &out)
        } else {
            out.append(contentsOf: scaled.description.utf8)
        }
    }
}
