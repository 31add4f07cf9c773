import Foundation
import Testing

@Suite("capwatch decode on the real binary")
struct DecodeCommandTests {
    /// Runs `script` with /bin/sh in the package root and waits for it.
    private func shell(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CommandRunner.packageRoot
        try process.run()
        process.waitUntilExit()
    }

    @Test("jsonl from standard input, with counts on standard error")
    func standardInput() throws {
        // From pyais's tests/ais_test_messages: one type 1 and one sentence with a bad checksum.
        let input = """
            !AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C
            !AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5D
            # a comment

            """
        let r = try CommandRunner.run(["decode", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["type"] as? Int == 1)
        #expect(object?["mmsi"] as? Int == 366053209)
        #expect(r.stderr.contains("bad_checksum 1"))
    }

    @Test("the AISHub capture gives pyais's message count", .enabled(if: true))
    func aishub() throws {
        let r = try CommandRunner.run(["decode", "Samples/ais-nmea-sample.log", "--quiet"])
        #expect(r.status == 0)
        // SOURCES.md §5: pyais assembles 82,744 messages from this capture.
        #expect(r.stdout.split(separator: "\n").count == 82_744)
    }

    @Test("gzip input is read directly and gives the same messages; a truncated .gz is an error naming the file")
    func gzipInput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let gz = dir.appendingPathComponent("sample.log.gz")
        try shell("gzip -c Samples/ais-nmea-sample.log > '\(gz.path)'")
        let plain = try CommandRunner.run(["decode", "Samples/ais-nmea-sample.log", "--quiet"])
        let inflated = try CommandRunner.run(["decode", gz.path, "--quiet"])
        #expect(inflated.status == 0)
        #expect(inflated.stdout == plain.stdout)
        let data = try Data(contentsOf: gz)
        let truncated = dir.appendingPathComponent("cut.gz")
        try data.prefix(data.count / 2).write(to: truncated)
        let r = try CommandRunner.run(["decode", truncated.path, "--quiet"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("cut.gz: gzip data ends early"))
    }

    // The 4.2 MB sample is three blocks (2, 2 and 0.2 MB) of three slices each: eight cuts, with
    // multi-sentence type 5 and type-24 merges across them (ParallelDecodingTests has a part A
    // beyond the warm-up window).
    @Test("decoding on several threads writes exactly what one thread writes", arguments: ["jsonl", "gpsd"])
    func parallelEqualsSerial(format: String) throws {
        let one = try CommandRunner.run(["decode", "Samples/ais-nmea-sample.log", "--format", format, "--threads", "1"])
        let three = try CommandRunner.run(["decode", "Samples/ais-nmea-sample.log", "--format", format, "--threads", "3"])
        #expect(one.status == 0 && three.status == 0)
        #expect(three.stdout == one.stdout)
        #expect(three.stderr == one.stderr)
        #expect(!one.stdout.isEmpty)
    }

    @Test("over-long lines and input without newlines: several threads write what one writes, in bounded memory")
    func overlongLines() throws {
        // The sample's lines with a 3 MB line of no newline across the first 2 MB block end, a
        // 5,600-byte line, and a last 5,000-byte line with no newline: each is one
        // line_too_long (lines over 4,096 bytes are rejected whole), so 3 of them here.
        let sample = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Samples/ais-nmea-sample.log"), encoding: .utf8)
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        var text = lines[0..<20_000].joined(separator: "\n") + "\n" + String(repeating: "x", count: 3 << 20) + "\n"
        text += lines[20_000..<40_000].joined(separator: "\n") + "\n" + String(repeating: "!AIVDM,", count: 800) + "\n"
        text += lines[40_000..<41_000].joined(separator: "\n") + "\n" + String(repeating: "y", count: 5000)
        let dir = try CommandRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("overlong.nmea")
        try Data(text.utf8).write(to: file)
        for format in ["jsonl", "gpsd"] {
            let one = try CommandRunner.run(["decode", file.path, "--format", format, "--threads", "1"])
            let two = try CommandRunner.run(["decode", file.path, "--format", format, "--threads", "2"])
            #expect(one.status == 0 && two.status == 0)
            #expect(two.stdout == one.stdout)
            #expect(two.stderr == one.stderr)
            #expect(one.stderr.contains("line_too_long 3"))
        }
    }

    @Test("when a later file cannot be read, several threads write what one writes before the error")
    func outputBeforeAnError() throws {
        for format in ["jsonl", "gpsd"] {
            let args = ["decode", "Samples/ais-nmea-sample.log", "/nonexistent/file.nmea", "--format", format]
            let one = try CommandRunner.run(args + ["--threads", "1"])
            let two = try CommandRunner.run(args + ["--threads", "2"])
            #expect(one.status != 0 && two.status == one.status)
            #expect(two.stderr == one.stderr)
            #expect(one.stderr.contains("/nonexistent/file.nmea"))
            // Every message of the readable file is written before the error.
            #expect(format == "gpsd" || one.stdout.split(separator: "\n").count == 82_744)
            #expect(two.stdout == one.stdout)
        }
    }

    @Test("a file's last line ends with the file: it is not joined to the next file's first line")
    func lastLineOfEachFile() throws {
        // Two type 1 reports from pyais's tests, one per file, the first file without a final
        // newline: two messages (they used to be one line, whose second sentence went unseen).
        let dir = try CommandRunner.temporaryDirectory()
        let a = dir.appendingPathComponent("a.nmea")
        let b = dir.appendingPathComponent("b.nmea")
        try Data("!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C".utf8).write(to: a)
        try Data("!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5F\n".utf8).write(to: b)
        for threads in ["1", "2"] {
            let r = try CommandRunner.run(["decode", a.path, b.path, "--threads", threads])
            #expect(r.status == 0)
            #expect(r.stdout.split(separator: "\n").count == 2)
            #expect(r.stderr.contains("lines 2:"))
        }
    }

    @Test("gzip from a pipe whose first read returns one byte is still recognised")
    func gzipFirstByteAlone() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let gz = dir.appendingPathComponent("one.nmea.gz")
        // The sample's first 1,000 lines, gzipped; then the first byte, a pause, and the rest.
        try shell(
            "head -n 1000 Samples/ais-nmea-sample.log | gzip -c > '\(gz.path)' && "
                + "(head -c 1 '\(gz.path)'; sleep 0.3; tail -c +2 '\(gz.path)') | '\(CommandRunner.executable.path)' decode --threads 1 - > '\(gz.path).out' 2>&1")
        let viaPipe = try String(contentsOf: URL(fileURLWithPath: gz.path + ".out"), encoding: .utf8)
        let plain = try CommandRunner.run(["decode", gz.path, "--threads", "1"])
        #expect(plain.status == 0)
        #expect(viaPipe == plain.stdout + plain.stderr)
        #expect(viaPipe.contains("lines 1000:"))
    }

    @Test("random bytes are not taken for NMEA, and an empty screening name is refused")
    func garbageInput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let bin = dir.appendingPathComponent("noise.bin")
        // Deterministic noise: a linear congruential sequence (Numerical Recipes constants), with
        // '$' and '!' at line starts so only a checksum check can tell it from NMEA.
        var x: UInt32 = 12345
        var bytes = [UInt8]()
        for i in 0..<50_000 {
            x = x &* 1_664_525 &+ 1_013_904_223
            bytes.append(i % 97 == 0 ? 10 : (i % 97 == 1 ? UInt8(ascii: "$") : UInt8(truncatingIfNeeded: x >> 24)))
        }
        try Data(bytes).write(to: bin)
        let r = try CommandRunner.run(["analyze", bin.path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("noise.bin: unrecognised input"))
        let s = try CommandRunner.run(["screen", "  "])
        #expect(s.status != 0)
        #expect(s.stderr.contains("empty"))
    }

    @Test("read-only ledger and committee commands refuse a database that does not exist, and create none")
    func missingDatabase() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let db = dir.appendingPathComponent("typo.db").path
        let verify = try CommandRunner.run(["committee", "verify", "--db", db])
        #expect(verify.status != 0)
        #expect(verify.stderr.contains("typo.db: no such database"))
        let status = try CommandRunner.run(["ledger", "status", "--db", db])
        #expect(status.status != 0)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
