import Foundation
import Testing
@testable import capwatch

/// `capwatch bench` times each child with a blocking `wait4`; a time limit is a watchdog that
/// kills the child's process group.
@Suite("Bench child processes")
struct BenchChildTests {
    @Test("a child over its time limit is killed and marked; one under it runs to its end")
    func timeout() throws {
        let slow = try BenchChild.run(["sleep", "30"], timeout: 0.3)
        #expect(slow.timedOut)
        #expect(slow.status == 128 + SIGKILL)
        #expect(slow.seconds < 25)  // killed, not waited for: sleep would take 30 s
        let quick = try BenchChild.run(["sh", "-c", "exit 3"], timeout: 60)
        #expect(!quick.timedOut)
        #expect(quick.status == 3)
    }
}
