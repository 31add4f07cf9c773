import CapwatchCore
import Testing
@testable import TrackAnalysis

/// Step 2 of the encounter detector, the close pairs of each slice, found by comparing every pair
/// in small slices and through the spatial grid in larger ones: both must find exactly the pairs
/// a plain comparison of great-circle distances finds.
@Suite("Encounter close pairs")
struct EncounterClosePairsTests {
    /// `count` vessels scattered in a box about 1.5 km across around 26.5° N 56.5° E, in one slice.
    static func cluster(_ count: Int, seed: UInt64) -> EncounterSamples {
        var random = SplitMix64(seed: seed)
        var samples = EncounterSamples()
        for v in 0..<count {
            let lat = 26.5 + Double(random.next() % 10_000) / 10_000 * 0.014
            let lon = 56.5 + Double(random.next() % 10_000) / 10_000 * 0.015
            samples.append(1000, Int32(v), lat, lon, 0.5)
        }
        return samples
    }

    @Test("slices of 5, 16, 17 and 60 samples: the pairs within 500 m by haversine, each once",
          arguments: [5, 16, 17, 60])
    func sameAsPlainComparison(count: Int) throws {
        let detector = EncounterDetector()
        let samples = Self.cluster(count, seed: UInt64(count))
        let hits = detector.closePairs(bySlice: samples)
        var found = Set<[Int32]>()
        for h in hits { #expect(found.insert([h.a, h.b]).inserted, "pair \(h.a)–\(h.b) found twice") }
        var expected = Set<[Int32]>()
        var nearLimit = Set<[Int32]>()  // within a millimetre of 500 m: either answer is right
        for i in 0..<count {
            for j in (i + 1)..<count {
                let d = GeoPoint(latitude: samples.latitudes[i], longitude: samples.longitudes[i])
                    .distance(to: GeoPoint(latitude: samples.latitudes[j], longitude: samples.longitudes[j]))
                if abs(d - 500) < 0.001 { nearLimit.insert([Int32(i), Int32(j)]) } else if d <= 500 { expected.insert([Int32(i), Int32(j)]) }
            }
        }
        #expect(found.subtracting(nearLimit) == expected)
        #expect(!expected.isEmpty && expected.count < count * (count - 1) / 2, "the cluster should have both near and far pairs")
    }
}
