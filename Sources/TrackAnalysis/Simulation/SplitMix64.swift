/// The SplitMix64 pseudo-random generator (G. Steele, D. Lea, C. Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; the constants of Java's `SplittableRandom` and of
/// Vigna's reference `splitmix64.c`). Deterministic from its seed on every platform, which the
/// system generator is not: a simulation run with the same seed writes the same bytes.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// - Parameter seed: any value; equal seeds give equal sequences.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (Lemire's multiply-shift; the bias is below 2⁻³² for the
    /// small ranges a scenario uses, and the result depends only on the seed).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(((next() >> 32) * span) >> 32)
    }

    /// A uniform double in `range`.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ options: [T]) -> T { options[int(in: 0...(options.count - 1))] }
}
