/// An ordered list of named values: a detector's ``Event/parameters`` or an event's ``Event/evidence``.
///
/// Order is kept as written (a dictionary literal keeps its order), so the JSON object an event
/// renders lists its fields in the order the detector documents them. Names are unique: setting a
/// name that exists replaces its value in place.
public struct EventFields: Hashable, Sendable, ExpressibleByDictionaryLiteral, RandomAccessCollection {
    /// One named value.
    public struct Field: Hashable, Sendable {
        /// Snake-case name with its unit as a suffix (`duration_h`, `median_distance_m`).
        public var name: String
        /// The value.
        public var value: EventValue

        /// - Parameters: see the properties.
        public init(name: String, value: EventValue) {
            self.name = name
            self.value = value
        }
    }

    public typealias Key = String
    public typealias Value = EventValue

    /// The fields, in order.
    public private(set) var fields: [Field]

    /// An empty list.
    public init() { fields = [] }

    /// The fields of a literal, in the order written; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, EventValue)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
        // Detectors build one of these per event: the names are compared only when two have the
        // same length, and the setter (a search per name) runs only when a name repeats.
        guard Self.hasRepeatedName(fields) else { return }
        fields = []
        for (name, value) in elements { self[name] = value }
    }

    /// The given fields in order, their names known to be unique (read back from a list that was
    /// an `EventFields`): not checked.
    init(uniqueFields: [Field]) { fields = uniqueFields }

    private static func hasRepeatedName(_ fields: [Field]) -> Bool {
        fields.withUnsafeBufferPointer { f in
            for i in f.indices.dropFirst() {
                let length = f[i].name.utf8.count
                for j in 0..<i where f[j].name.utf8.count == length && f[j].name == f[i].name { return true }
            }
            return false
        }
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> Field { fields[position] }

    /// The value named `name`, or nil. Setting nil removes the field; setting a new name appends it.
    public subscript(name: String) -> EventValue? {
        get { fields.first(where: { $0.name == name })?.value }
        set {
            if let i = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[i].value = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }
}

extension EventFields: Codable {
    struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a JSON object. Its key order is whatever the decoder reports (Foundation's decoder
    /// does not promise document order).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        self.init()
        for key in c.allKeys { self[key.stringValue] = try c.decode(EventValue.self, forKey: key) }
    }

    /// Encodes a JSON object with one member per field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        for f in fields { try c.encode(f.value, forKey: FieldKey(stringValue: f.name)) }
    }
}
