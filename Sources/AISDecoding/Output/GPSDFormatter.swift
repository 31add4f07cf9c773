/// Writes messages as gpsd's unscaled AIS JSON (`gpsdecode -u -j`). Placeholder until the gpsd
/// format lands: writes nothing.
public struct GPSDFormatter {
    public init() {}
    public mutating func write(_ decoded: AISDecodedMessage, to writer: inout JSONLineWriter) {}
}
