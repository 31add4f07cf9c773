import CapwatchCore
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test(arguments: ["2018-04-01T00:03:15Z", "2016-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2021-03-24T12:52:00.250Z"])
    func isoRoundTrip(text: String) throws {
        let t = try #require(Timestamp(iso8601: text))
        #expect(t.iso8601 == text)
        #expect(Timestamp(iso8601: t.iso8601) == t)
    }

    @Test func knownInstant() throws {
        // 2018-04-01T00:03:15Z = 17,622 days × 86,400 s + 195 s = 1,522,540,995 s since the epoch.
        #expect(Timestamp(iso8601: "2018-04-01T00:03:15Z")?.millisecondsSince1970 == 1_522_540_995_000)
        // Forms seen in exports: no zone (UTC), space separator, offsets applied.
        #expect(Timestamp(iso8601: "2018-04-01 00:03:15") == Timestamp(iso8601: "2018-04-01T00:03:15Z"))
        #expect(Timestamp(iso8601: "2018-04-01T02:03:15+02:00") == Timestamp(iso8601: "2018-04-01T00:03:15Z"))
        #expect(Timestamp(iso8601: "2018-02-30T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "yesterday") == nil)
    }
}
