import AISDecoding

/// Gives AIS messages a UTC time when the feed has no tag-block receive times.
///
/// The rule, in order:
/// 1. A tag block's `c:` receive time is used as is.
/// 2. Otherwise the time comes from the network's own clock: base stations (message type 4,
///    ITU-R M.1371-5 §3.3) broadcast UTC every 10 s. The clock is the median of the last
///    ``window`` valid type 4 reports (a median, because one base station with a wrong clock —
///    AISHub carries several that say 2007 — must not move it). A position report carries its UTC
///    second (`time stamp` field, 0–59): its time is the instant within ±30 s of the clock whose
///    second of the minute is that value. A report whose second is 60–63 (not available, or the
///    positioning system in a special mode) and static data take the clock's time itself.
/// 3. Before any clock is known, there is no time: the caller buffers or counts the message.
///
/// Known limit: the result is as good as the base stations heard; on a feed with no type 4 and
/// no tag blocks, times cannot be derived and the caller must say so.
public struct AISClock: Sendable {
    /// Base-station reports kept for the median.
    public let window: Int
    /// Largest jump in seconds a base-station report may make from the current clock before it is
    /// treated as a bad clock and ignored (once the clock is established with ``window`` reports).
    public let maximumJumpSeconds: Int64
    private var recent: [Int64] = []
    private var next = 0
    /// The current clock, seconds since 1970 UTC, or nil before the first base-station report.
    public private(set) var now: Int64?

    /// - Parameters:
    ///   - window: base-station reports in the median (default 9).
    ///   - maximumJumpSeconds: the outlier bound (default 3,600 s).
    public init(window: Int = 9, maximumJumpSeconds: Int64 = 3600) {
        self.window = window
        self.maximumJumpSeconds = maximumJumpSeconds
    }

    /// Feeds a base-station (type 4) UTC report.
    /// - Parameter seconds: the report's UTC instant, seconds since 1970.
    public mutating func observeBaseStation(utc seconds: Int64) {
        if let now, recent.count == window, abs(seconds - now) > maximumJumpSeconds { return }
        if recent.count < window {
            recent.append(seconds)
        } else {
            recent[next] = seconds
            next = (next + 1) % window
        }
        var sorted = recent
        sorted.sort()
        let median = sorted[sorted.count / 2]
        // The clock never runs backwards: later messages cannot be older than earlier ones.
        now = max(now ?? median, median)
    }

    /// The time of a report with the given UTC second, or nil when no clock is known.
    /// - Parameter second: the report's time stamp field `0...63`.
    /// - Returns: seconds since 1970 UTC.
    public func time(utcSecond second: Int) -> Int64? {
        guard let now else { return nil }
        guard (0...59).contains(second) else { return now }
        let minuteStart = now - ((now % 60) + 60) % 60
        var t = minuteStart + Int64(second)
        if t - now > 30 { t -= 60 } else if now - t >= 30 { t += 60 }
        return t
    }
}
