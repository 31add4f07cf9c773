/// Reads big-endian bit fields out of a de-armoured AIS payload, by start bit and width, the way
/// the ITU-R M.1371-5 message tables list them ("Parameter, number of bits" in order, starting at 0).
///
/// Every field is fetched with one unaligned 64-bit load. Bits past the end of the payload read
/// as zero: the buffer behind a reader is zero-padded, so a short message never reads memory it
/// does not own (see ``PayloadBuffer``).
public struct BitReader {
    @usableFromInline let base: UnsafePointer<UInt8>
    /// Number of payload bits (6 × characters − fill bits).
    public let bitCount: Int

    /// - Parameters:
    ///   - base: the first payload byte; at least `(bitCount + 7) / 8 + 8` readable bytes, the
    ///     padding zeroed.
    ///   - bitCount: the number of valid bits.
    @inlinable public init(base: UnsafePointer<UInt8>, bitCount: Int) {
        self.base = base
        self.bitCount = bitCount
    }

    /// The unsigned field of `width` bits (1…57) starting at bit `start`.
    @inlinable @inline(__always) public func uint(_ start: Int, _ width: Int) -> UInt64 {
        let word = UInt64(bigEndian: UnsafeRawPointer(base + (start &>> 3)).loadUnaligned(as: UInt64.self))
        return (word &<< UInt64(start & 7)) &>> UInt64(64 - width)
    }

    /// The two's-complement signed field of `width` bits (1…57) starting at bit `start`.
    @inlinable @inline(__always) public func int(_ start: Int, _ width: Int) -> Int64 {
        let word = UInt64(bigEndian: UnsafeRawPointer(base + (start &>> 3)).loadUnaligned(as: UInt64.self))
        return Int64(bitPattern: word &<< UInt64(start & 7)) &>> Int64(64 - width)
    }

    /// The one-bit flag at `start`.
    @inlinable @inline(__always) public func bool(_ start: Int) -> Bool { uint(start, 1) != 0 }

    /// `characters` six-bit ITU-R M.1371 characters (Table 47) starting at `start`, kept as codes.
    @inlinable @inline(__always) public func text(_ start: Int, characters: Int) -> SixBitText {
        SixBitText(reader: self, start: start, characters: characters)
    }

    /// Convenience typed reads.
    @inlinable @inline(__always) public func u8(_ start: Int, _ width: Int) -> UInt8 { UInt8(truncatingIfNeeded: uint(start, width)) }
    @inlinable @inline(__always) public func u16(_ start: Int, _ width: Int) -> UInt16 { UInt16(truncatingIfNeeded: uint(start, width)) }
    @inlinable @inline(__always) public func u32(_ start: Int, _ width: Int) -> UInt32 { UInt32(truncatingIfNeeded: uint(start, width)) }
    @inlinable @inline(__always) public func i32(_ start: Int, _ width: Int) -> Int32 { Int32(truncatingIfNeeded: int(start, width)) }
}
