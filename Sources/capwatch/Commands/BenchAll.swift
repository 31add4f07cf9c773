import ArgumentParser
import Foundation

/// `capwatch bench all`: every measurement of issue #3 in one run, printed as one table
/// (``BenchTable``). Peers are measured in the same run on the same bytes; a peer that cannot run
/// says why in its row. `scripts/bench.sh` installs the peers and prepares `--work`.
struct BenchAll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Decode and analyze benchmarks against pyais, libais and gpsdecode, as one table (see scripts/bench.sh).",
        discussion: """
            Expects in --work: aishub-x12.nmea (the AISHub capture ×12 = 1,022,184 sentences), \
            aishub-x12.nmea.gz, big.nmea (~1 GB, for memory) and tracks-N.csv for each --sizes N \
            (from `capwatch bench make-tracks`), and tracks-same-N.csv (`make-tracks --same-vessels`) \
            for the memory rows. A missing file makes its rows say so. \
            peer-status.txt (name<TAB>reason lines, written by bench.sh) explains peers that failed to install.
            """
    )

    @Option(help: "Directory with the prepared inputs (see the discussion).")
    var work: String

    @Option(help: "Directory with pyais_decode.py and libais_decode.py.")
    var peersDir = "scripts/peers"

    @Option(help: "Python interpreter for the Python peers.")
    var python = "python3"

    @Option(help: "In-memory passes for Capwatch (best is reported; a pass takes about 0.1 s, so 30 span a few seconds and a neighbour's burst on a shared host spoils only some).")
    var passes = 30

    @Option(help: "Passes for the Python peers (each pyais pass takes ~20 s on 10⁶ sentences).")
    var peerPasses = 2

    @Option(help: "Passes for the end-to-end process runs (capwatch decode, gpsdecode, capwatch analyze).")
    var processPasses = 3

    @Option(help: "Seconds after which an analyze run is stopped and reported as not finished.")
    var analyzeTimeout = 300.0

    @Option(help: "Also time analyze with the sanctions lists it finds by itself, up to this many positions.")
    var screenedUpTo = 1_000_000

    @Option(parsing: .upToNextOption, help: "Position counts for the analyze curve (tracks-N.csv in --work).")
    var sizes: [Int] = [100_000, 1_000_000, 10_000_000]

    func run() throws {
        let self_ = try Self.executablePath()
        let scratch = work + "/scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let status = Self.peerStatus(work + "/peer-status.txt")
        let loadBefore = Self.loadAverage()
        var table = BenchTable()
        let input = work + "/aishub-x12.nmea"
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        FileHandle.standardError.write(Data("bench: load average at start \(loadBefore)\n".utf8))

        // 1. In-memory decoding, one thread and two.
        let bytes = try DecodeThroughput.load(input)
        progress("capwatch in-memory decode, \(passes) passes")
        let one = DecodeThroughput.singleThread(bytes, passes: passes)
        let two = DecodeThroughput.twoThreads(bytes, passes: passes)
        let inputNote = table.note(
            "Input: the AISHub capture ×12, \(one.sentences.grouped) AIS sentences, \(bytes.count.grouped) bytes, held in memory; "
                + "each figure is messages that tool yields ÷ the best pass's seconds (Capwatch: \(one.messages.grouped) messages).")
        for peer in ["pyais", "libais"] {
            progress("\(peer), \(peerPasses) passes")
            let label = peer == "pyais" ? "pyais IterMessages+decode" : "libais ais.decode (Python framing)"
            var row = BenchTable.Row(
                measure: "decode, in memory, 1 thread (msg/s) \(inputNote)", capwatch: one.rate.rate, peer: label,
                target: "≥ 10,000,000", met: one.rate >= 10_000_000 ? "yes" : "NO")
            switch pythonPeer(peer, input: input, scratch: scratch, status: status) {
            case .success(let rate, let version, let detail):
                row.peer = "\(label) \(version) (\(detail))"
                row.peerFigure = rate.rate
                row.ratio = (one.rate / rate).times
            case .failure(let reason):
                row.peerFigure = "not installed (\(reason))"
            }
            table.add(row)
        }
        if table.rows.count >= 2 {
            let n = table.note(
                "libais is driven from Python: field splitting and fragment joining in Python, then one C++ ais.decode call per "
                    + "message that builds a Python dict. It is not the C++ core with C++ framing (the issue's ≈262,000 msg/s).")
            table.rows[1].peer += " " + n
        }
        let splitNote = table.note(
            "The buffer is split after the newline nearest its middle; each half has its own decoder and thread. "
                + "A multi-sentence message straddling the split is lost (\(one.messages - two.messages) here, negligible).")
        table.add(
            BenchTable.Row(
                measure: "decode, in memory, 2 threads (msg/s) " + splitNote,
                capwatch: two.rate.rate, peer: "Capwatch 1 thread", peerFigure: one.rate.rate, ratio: (two.rate / one.rate).times,
                target: "speed-up reported"))

        // 2. End to end: capwatch decode --format gpsd FILE > /dev/null vs gpsdecode -u -j < FILE > /dev/null.
        progress("end to end: capwatch decode --format gpsd (--threads 2 and 1) and gpsdecode -u -j, \(processPasses) passes each")
        let ourCount = try lineCount("'\(self_)' decode --format gpsd --quiet --threads 1 '\(input)'", scratch: scratch)
        let e2eNote = table.note(
            "Whole processes, stdout to /dev/null, best of \(processPasses); messages counted in a separate untimed run "
                + "(Capwatch --threads 1: \(ourCount.grouped) JSON lines; each mode's own count is used for its rate; gpsd merges type 24 parts A and B into one record). "
                + "capwatch decode uses one thread per core by default (here --threads 2: 2 MB blocks cut into slices decoded on both cores, output identical to --threads 1); gpsdecode uses one.")
        var gpsd: (rate: Double?, label: String, figure: String) = (nil, "gpsdecode -u -j < file > /dev/null", "")
        var gpsdRSS: Int?
        if let gpsdecode = BenchChild.which("gpsdecode") {
            // gpsdecode -V prints "gpsdecode revision 3.22" on standard error.
            let version = (try? BenchChild.output([gpsdecode, "-V"], scratch: scratch).0.firstErrorLine) ?? ""
            let theirs = try bestProcess([gpsdecode, "-u", "-j"], stdin: input, scratch: scratch)
            let theirCount = try lineCount("'\(gpsdecode)' -u -j < '\(input)'", scratch: scratch)
            gpsdRSS = theirs.peakRSS
            gpsd.label = "gpsdecode -u -j (\(version.replacingOccurrences(of: "gpsdecode ", with: "")))"
            if theirs.status == 0 {
                gpsd.rate = Double(theirCount) / theirs.seconds
                gpsd.figure = gpsd.rate!.rate
            } else {
                gpsd.figure = "failed (exit \(theirs.status): \(theirs.firstErrorLine))"
            }
        } else {
            gpsd.figure = "not installed (\(status["gpsdecode"] ?? "gpsdecode not on PATH; apt-get install gpsd-clients"))"
        }
        for threads: String? in ["2", "1"] {
            let extra = threads.map { ["--threads", $0] } ?? []
            let ours = try bestProcess([self_, "decode", "--format", "gpsd", "--quiet"] + extra + [input], scratch: scratch)
            let count = threads == "2" ? try lineCount("'\(self_)' decode --format gpsd --quiet --threads 2 '\(input)'", scratch: scratch) : ourCount
            let oursRate = Double(count) / ours.seconds
            let differs = count == ourCount ? "" : "; \(count.grouped) lines, not \(ourCount.grouped) as with --threads 1"
            var row = BenchTable.Row(
                measure: "capwatch decode --format gpsd\(threads.map { " --threads \($0)" } ?? "") > /dev/null (msg/s)"
                    + (threads == "2" ? " " + e2eNote : ""),
                capwatch: ours.status == 0 ? "\(oursRate.rate) (CPU \(String(format: "%.2f", ours.cpuSeconds / ours.seconds)) cores\(differs))" : "failed: \(ours.firstErrorLine)",
                peer: gpsd.label, peerFigure: gpsd.figure, target: "≥ 5× gpsdecode")
            if let theirs = gpsd.rate, ours.status == 0 {
                row.ratio = (oursRate / theirs).times
                row.met = oursRate / theirs >= 5 ? "yes" : "NO"
            }
            table.add(row)
        }

        // 3. Memory of capwatch decode on ~1 GB, and gzip input.
        let big = work + "/big.nmea"
        if exists(big) {
            progress("capwatch decode --format gpsd on big.nmea (memory), --threads 2 and 1")
            let size = BenchChild.fileSize(big) ?? 0
            for threads: String? in ["2", "1"] {
            let extra = threads.map { ["--threads", $0] } ?? []
            let r = try BenchChild.run([self_, "decode", "--format", "gpsd", "--quiet"] + extra + [big], stderrPath: scratch + "/big.err")
            table.add(
                BenchTable.Row(
                    measure: "capwatch decode --format gpsd\(threads.map { " --threads \($0)" } ?? ""), \(String(format: "%.2f", Double(size) / 1e9)) GB file: peak RSS",
                    capwatch: r.status == 0 ? "\(r.peakRSS.megabytes) (\(String(format: "%.1f", r.seconds)) s)" : "failed: \(r.firstErrorLine)",
                    peer: "gpsdecode, 1M-sentence file", peerFigure: gpsdRSS.map { $0.megabytes } ?? "—",
                    target: "< 50 MB", met: r.status == 0 ? (r.peakRSS < 50_000_000 ? "yes" : "NO") : "NO"))
            }
        } else {
            table.add(BenchTable.Row(measure: "capwatch decode, ~1 GB file: peak RSS", capwatch: "input missing (\(big))", target: "< 50 MB"))
        }
        let gz = input + ".gz"
        if exists(gz) {
            progress("capwatch decode on gzip input")
            let r = try bestProcess([self_, "decode", "--format", "gpsd", "--quiet", "--threads", "1", gz], scratch: scratch, passes: 1)
            let count = r.status == 0 ? try lineCount("'\(self_)' decode --format gpsd --quiet --threads 1 '\(gz)'", scratch: scratch) : 0
            let works = r.status == 0 && count == ourCount
            table.add(
                BenchTable.Row(
                    measure: "capwatch decode --format gpsd --threads 1 FILE.gz (msg/s)",
                    capwatch: works ? (Double(count) / r.seconds).rate
                        : r.status != 0 ? "not supported: \(r.firstErrorLine.prefix(70))"
                        : "read, but \(count.grouped) messages where the plain file gives \(ourCount.grouped)",
                    target: "gzip read directly", met: works ? "yes" : "NO"))
        }

        // 4. analyze scaling (BenchAll+Analyze.swift).
        try analyzeRows(into: &table, executable: self_, scratch: scratch)
        screeningRows(into: &table, executable: self_, scratch: scratch)
        let loadAfter = Self.loadAverage()
        print("capwatch bench all — \(ProcessInfo.processInfo.activeProcessorCount) cores; load average (1/5/15 min) at start \(loadBefore), at end \(loadAfter)")
        print(table.text, terminator: "")
    }

    func progress(_ text: String) { FileHandle.standardError.write(Data("bench: \(text)…\n".utf8)) }

    private enum PeerResult {
        case success(rate: Double, version: String, detail: String)
        case failure(String)
    }

    /// Runs `scripts/peers/<peer>_decode.py` and reads its JSON.
    private func pythonPeer(_ peer: String, input: String, scratch: String, status: [String: String]) -> PeerResult {
        let script = peersDir + "/\(peer)_decode.py"
        guard FileManager.default.fileExists(atPath: script) else { return .failure("\(script) missing") }
        guard let result = try? BenchChild.output([python, script, input, "--passes", String(peerPasses)], scratch: scratch) else {
            return .failure("\(python) cannot be started")
        }
        let (outcome, text) = result
        guard outcome.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return .failure(status[peer] ?? "script exit \(outcome.status): \(outcome.firstErrorLine.prefix(60))")
        }
        if let error = json["error"] as? String { return .failure(status[peer] ?? error) }
        guard let rate = json["msg_per_s"] as? Double else { return .failure("no msg_per_s in its output") }
        let detail = "\((json["messages"] as? Int ?? 0).grouped) msgs, \((json["errors"] as? Int ?? 0).grouped) raised"
        return .success(rate: rate, version: (json["version"] as? String) ?? "", detail: detail)
    }

    /// The fastest of `passes` runs (all must succeed; the first failure is returned).
    /// - Parameter beforeEach: untimed work before each run (e.g. removing the previous run's output).
    func bestProcess(
        _ arguments: [String], stdin: String = "/dev/null", scratch: String, passes: Int? = nil, timeout: Double? = nil,
        beforeEach: () throws -> Void = {}
    ) throws -> BenchChild.Outcome {
        var best: BenchChild.Outcome?
        for _ in 0..<max(passes ?? processPasses, 1) {
            try beforeEach()
            let r = try BenchChild.run(arguments, stdin: stdin, stderrPath: scratch + "/stderr.txt", timeout: timeout)
            if r.status != 0 || r.timedOut { return r }
            if best == nil || r.seconds < best!.seconds { best = r }
        }
        return best!
    }

    /// Lines written by a shell pipeline (untimed).
    private func lineCount(_ command: String, scratch: String) throws -> Int {
        let (_, text) = try BenchChild.output(["/bin/sh", "-c", command + " | wc -l"], scratch: scratch)
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    private static func executablePath() throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    private static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// `name<TAB>reason` lines written by scripts/bench.sh for peers it could not install.
    private static func peerStatus(_ path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        return result
    }
}

extension Double {
    /// A rate with thousands separators, e.g. "12,345,678".
    var rate: String { Int(self.rounded()).grouped }
    /// A ratio, e.g. "12.3×".
    var times: String { String(format: self >= 10 ? "%.0f×" : "%.2f×", self) }
}

extension Int {
    var grouped: String {
        let digits = String(abs(self))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
    var megabytes: String { String(format: "%.1f MB", Double(self) / 1e6) }
}
