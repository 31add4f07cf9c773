import Foundation

/// A progress bar on standard error, shown only when standard error is a terminal and the input is
/// large (over 20 MB), so pipes and logs stay clean.
struct Progress {
    let totalBytes: Int
    private var done = 0
    private var lastPercent = -1
    private let enabled: Bool

    init(totalBytes: Int) {
        self.totalBytes = totalBytes
        enabled = totalBytes > 20_000_000 && ByteOutput.standardError.isTerminal
    }

    mutating func advance(by bytes: Int) {
        guard enabled else { return }
        done += bytes
        let percent = min(100, done * 100 / max(totalBytes, 1))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 40
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        try? ByteOutput.standardError.write("\r[\(bar)] \(percent)% of \(totalBytes / 1_000_000) MB")
    }

    func finish() {
        guard enabled else { return }
        try? ByteOutput.standardError.write("\n")
    }
}
