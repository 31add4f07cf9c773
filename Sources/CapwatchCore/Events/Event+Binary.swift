#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compact binary form of an ``Event``, for temporary files that the same program reads back
/// (the events `capwatch analyze` spills while it works): every field is kept exactly, numbers
/// bit for bit, field order as written.
///
/// Layout, little-endian: a 32-bit length of the rest of the record, then the kind (its
/// ``Event/Kind/ordinal``, 1 byte), start (Int64 ms), a byte 1 or 0 for whether there is an end and
/// the end (Int64 ms, 0 when there is none), latitude and longitude (Float64 bits), the MMSIs (a
/// 32-bit count, then 32 bits each), then the parameters and the evidence: each a 32-bit count of
/// fields, each field its name (32-bit byte count, UTF-8) and its value (a tag byte 0 number,
/// 1 integer, 2 string, 3 time, 4 position, 5 boolean, then 8, 8, 4 + n, 8, 16 or 1 bytes).
/// It is not a format for exchange: use ``Event/json`` for that.
extension Event {
    /// Appends the record of this event to `out` (the layout above).
    public func appendBinary(to out: inout [UInt8]) {
        let bound = 4 + 1 + 8 + 1 + 8 + 8 + 8 + 4 + 4 * mmsi.count + Self.binaryBound(parameters) + Self.binaryBound(evidence)
        out.append(addingCapacity: bound) { span in
            span.withUnsafeMutableBufferPointer { room, written in
                var c = BinaryCursor(room.baseAddress!)
                c.u32(0)  // the length, set below
                c.byte(UInt8(kind.ordinal))
                c.u64(UInt64(bitPattern: start.millisecondsSince1970))
                c.byte(end == nil ? 0 : 1)
                c.u64(UInt64(bitPattern: end?.millisecondsSince1970 ?? 0))
                c.u64(position.latitude.bitPattern)
                c.u64(position.longitude.bitPattern)
                c.u32(UInt32(mmsi.count))
                for m in mmsi { c.u32(m.rawValue) }
                c.fields(parameters)
                c.fields(evidence)
                written = c.position - room.baseAddress!
                precondition(written <= bound, "event record past its bound")
                UnsafeMutableRawPointer(room.baseAddress!).storeBytes(of: UInt32(written - 4).littleEndian, as: UInt32.self)
            }
        }
    }

    /// The most bytes ``appendBinary(to:)`` writes for `fields`.
    private static func binaryBound(_ fields: EventFields) -> Int {
        var n = 4
        for f in fields {
            n += 4 + f.name.utf8.count + 1 + 16
            if case .string(let s) = f.value { n += 4 + s.utf8.count }
        }
        return n
    }

    /// The byte count of the record that starts at `bytes[offset...]` (its length prefix
    /// included), or nil when fewer than 4 bytes are there.
    public static func binaryRecordLength(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int? {
        guard bytes.count - offset >= 4 else { return nil }
        return 4 + Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
    }

    /// Reads the record at `bytes[offset...]` (written by ``appendBinary(to:)``) and moves `offset`
    /// past it. To read many records, ``EventBinaryReader`` is faster.
    /// - Throws: ``EventBinaryError`` when the bytes end inside the record or do not hold one
    ///   (a kind, MMSI, tag or name out of range); `offset` is then unchanged.
    public init(binary bytes: UnsafeRawBufferPointer, offset: inout Int) throws(EventBinaryError) {
        var reader = EventBinaryReader()
        self = try reader.read(bytes, offset: &offset)
    }
}

/// Writes the little-endian fields of a binary event record into room reserved for it.
private struct BinaryCursor {
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) { position = start }

    mutating func byte(_ v: UInt8) {
        position.pointee = v
        position += 1
    }

    mutating func u32(_ v: UInt32) {
        UnsafeMutableRawPointer(position).storeBytes(of: v.littleEndian, as: UInt32.self)
        position += 4
    }

    mutating func u64(_ v: UInt64) {
        UnsafeMutableRawPointer(position).storeBytes(of: v.littleEndian, as: UInt64.self)
        position += 8
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { text in
            u32(UInt32(text.count))
            if let base = text.baseAddress { position.update(from: base, count: text.count) }
            position += text.count
        }
    }

    mutating func fields(_ fields: EventFields) {
        u32(UInt32(fields.count))
        for f in fields {
            string(f.name)
            switch f.value {
            case .number(let v):
                byte(0)
                u64(v.bitPattern)
            case .integer(let v):
                byte(1)
                u64(UInt64(bitPattern: Int64(v)))
            case .string(let s):
                byte(2)
                string(s)
            case .time(let t):
                byte(3)
                u64(UInt64(bitPattern: t.millisecondsSince1970))
            case .position(let p):
                byte(4)
                u64(p.latitude.bitPattern)
                u64(p.longitude.bitPattern)
            case .boolean(let b):
                byte(5)
                byte(b ? 1 : 0)
            }
        }
    }
}

/// Reads binary event records (``Event/appendBinary(to:)``) one after another. It remembers the
/// parameters and field names of the last record of each kind, so that records of a run, which
/// repeat them, share their storage instead of making new strings and lists.
public struct EventBinaryReader {
    private var lastParameters: [(bytes: [UInt8], fields: EventFields)?] = Array(repeating: nil, count: Event.Kind.allCases.count)
    private var lastNames: [[String]] = Array(repeating: [], count: Event.Kind.allCases.count)
    /// The names of the record being read (swapped with its kind's last names once read).
    private var scratchNames: [String] = []

    /// A reader that remembers nothing yet.
    public init() {}

    /// Reads the record at `bytes[offset...]` and moves `offset` past it.
    /// - Throws: ``EventBinaryError`` when the bytes end inside the record or do not hold one
    ///   (a kind, MMSI, tag or name out of range); `offset` is then unchanged.
    public mutating func read(_ bytes: UnsafeRawBufferPointer, offset: inout Int) throws(EventBinaryError) -> Event {
        guard let length = Event.binaryRecordLength(bytes, at: offset), length <= bytes.count - offset else { throw .truncated(at: offset) }
        var r = Fields(bytes: UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + length)]))
        let kindOrdinal = Int(try r.byte())
        guard kindOrdinal < Event.Kind.allCases.count else { throw .malformed(at: offset, "kind \(kindOrdinal)") }
        let start = Int64(bitPattern: try r.u64())
        let hasEnd = try r.byte() == 1
        let end = Int64(bitPattern: try r.u64())
        let latitude = Double(bitPattern: try r.u64())
        let longitude = Double(bitPattern: try r.u64())
        var mmsis: [MMSI] = []
        let mmsiCount = Int(try r.u32())
        guard mmsiCount <= r.bytes.count / 4 else { throw .truncated(at: offset) }
        mmsis.reserveCapacity(mmsiCount)
        for _ in 0..<mmsiCount {
            let raw = try r.u32()
            guard let m = MMSI(rawValue: raw) else { throw .malformed(at: offset, "MMSI \(raw)") }
            mmsis.append(m)
        }
        // The parameters: those of the kind's last record when the bytes are the same (compared
        // before anything is made of them).
        let parametersStart = r.position
        try r.skipFields(offset)
        let parametersBytes = UnsafeRawBufferPointer(rebasing: r.bytes[parametersStart..<r.position])
        let parameters: EventFields
        if let last = lastParameters[kindOrdinal], Fields.same(last.bytes, parametersBytes) {
            parameters = last.fields
        } else {
            var again = Fields(bytes: parametersBytes)
            var unused: [String] = []
            parameters = try again.fields(offset, names: [], into: &unused)
            lastParameters[kindOrdinal] = (Array(parametersBytes), parameters)
        }
        let evidence = try r.fields(offset, names: lastNames[kindOrdinal], into: &scratchNames)
        swap(&scratchNames, &lastNames[kindOrdinal])
        guard r.position == r.bytes.count else { throw .malformed(at: offset, "\(r.bytes.count - r.position) bytes left over") }
        offset += length
        return Event(kind: Event.Kind.allCases[kindOrdinal], sortedMMSI: mmsis, start: Timestamp(millisecondsSince1970: start),
                     end: hasEnd ? Timestamp(millisecondsSince1970: end) : nil, position: GeoPoint(latitude: latitude, longitude: longitude),
                     parameters: parameters, evidence: evidence)
    }

    /// Reads the fields of one record, each read checked against the record's end.
    private struct Fields {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func take(_ n: Int) throws(EventBinaryError) -> Int {
            guard n >= 0, n <= bytes.count - position else { throw .truncated(at: position) }
            defer { position += n }
            return position
        }

        mutating func byte() throws(EventBinaryError) -> UInt8 { bytes[try take(1)] }
        mutating func u32() throws(EventBinaryError) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self)) }
        mutating func u64() throws(EventBinaryError) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self)) }

        mutating func string() throws(EventBinaryError) -> String {
            let n = Int(try u32())
            let at = try take(n)
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
        }

        /// True when `a` and `b` hold the same bytes.
        static func same(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
            a.count == b.count && a.withUnsafeBytes { a in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }

        /// A field name: `known[i]` (the same field of the kind's last record) when its bytes are
        /// the same, so that no string is made.
        mutating func name(_ i: Int, _ known: [String]) throws(EventBinaryError) -> String {
            guard i < known.count else { return try string() }
            let n = Int(try u32())
            let at = try take(n)
            let text = UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
            let candidate = known[i]
            if candidate.utf8.count == n,
               candidate.utf8.withContiguousStorageIfAvailable({ n == 0 || memcmp($0.baseAddress!, text.baseAddress!, n) == 0 }) ?? false {
                return candidate
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// Moves past a field list, checking only that it lies within the record.
        mutating func skipFields(_ record: Int) throws(EventBinaryError) {
            let count = Int(try u32())
            guard count <= bytes.count / 6 else { throw .truncated(at: position) }
            for _ in 0..<count {
                _ = try take(Int(try u32()))
                switch try byte() {
                case 0, 1, 3: _ = try take(8)
                case 2: _ = try take(Int(try u32()))
                case 4: _ = try take(16)
                case 5: _ = try take(1)
                case let tag: throw .malformed(at: record, "value tag \(tag)")
                }
            }
        }

        /// Reads a field list; `names` receives its names, in place of those it held (`known`,
        /// the names of the kind's last record, reused where they are the same).
        mutating func fields(_ record: Int, names known: [String], into names: inout [String]) throws(EventBinaryError) -> EventFields {
            let count = Int(try u32())
            guard count <= bytes.count / 6 else { throw .truncated(at: position) }  // a field takes at least 6 bytes
            var fields: [EventFields.Field] = []
            fields.reserveCapacity(count)
            names.removeAll(keepingCapacity: true)
            for i in 0..<count {
                let name = try name(i, known)
                names.append(name)
                let value: EventValue
                switch try byte() {
                case 0: value = .number(Double(bitPattern: try u64()))
                case 1: value = .integer(Int(Int64(bitPattern: try u64())))
                case 2: value = .string(try string())
                case 3: value = .time(Timestamp(millisecondsSince1970: Int64(bitPattern: try u64())))
                case 4:
                    let latitude = Double(bitPattern: try u64())
                    value = .position(GeoPoint(latitude: latitude, longitude: Double(bitPattern: try u64())))
                case 5: value = .boolean(try byte() == 1)
                case let tag: throw .malformed(at: record, "value tag \(tag) of \(name)")
                }
                fields.append(EventFields.Field(name: name, value: value))
            }
            // Written from an EventFields, whose names are unique.
            return EventFields(uniqueFields: fields)
        }
    }
}

/// Why ``Event/init(binary:offset:)`` could not read a record.
public enum EventBinaryError: Error, Equatable, CustomStringConvertible {
    /// The bytes end inside the record that starts (or the field that is read) at this offset.
    case truncated(at: Int)
    /// The record at this offset holds something no written record holds.
    case malformed(at: Int, String)

    public var description: String {
        switch self {
        case .truncated(let at): "an event record is cut short at byte \(at)"
        case .malformed(let at, let what): "the event record at byte \(at) is not valid: \(what)"
        }
    }
}
