#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CapwatchCore

extension PositionCSVRowReader {
    /// Per MMSI, the identity cells of the vessel's last row that had any, as bytes, and the
    /// static report they gave (nil when they gave none, as DMA's `Unknown` cells do).
    ///
    /// A CSV export repeats a vessel's name, call sign, IMO number … on every row. Reading them
    /// costs more than the rest of the row (two strings, five numbers), and the report is the same
    /// each time but for its time. The memo replaces that with one comparison of bytes: cells that
    /// are byte for byte the ones remembered give the remembered report, with the new row's time.
    /// It is a pure cache: the report is exactly what reading the cells would give, whatever came
    /// in between (another vessel, a change of name and back), so records do not depend on it.
    ///
    /// Only reports that were read without error are remembered; a row is compared with the
    /// vessel's last remembered cells only, so a vessel alternating between two names reads each
    /// change afresh.
    struct IdentityMemo: Sendable {
        /// Slot of each MMSI seen with identity cells.
        private var slots = MMSISlotTable()
        /// Per slot: each identity cell as a two-byte little-endian length and its bytes (the
        /// key; empty while nothing is remembered, as a real key has at least one length),
        /// followed by the tail remembered with it, if any (see ``tailMatches(_:_:_:)``).
        private var cells: [[UInt8]] = []
        /// Per slot: the byte count of the tail at the end of ``cells``, -1 when none is remembered.
        private var tailCounts: [Int32] = []
        /// Per slot: the report the cells gave.
        private var reports: [StaticReport?] = []
        /// Per slot: whether the cells gave a report (read without touching the report).
        private var hasReports: [Bool] = []

        /// The slot of `mmsi`, made (with nothing remembered) when the vessel is new.
        mutating func slot(for mmsi: MMSI) -> Int {
            let (s, inserted) = slots.slot(inserting: mmsi.rawValue)
            guard inserted else { return s }
            cells.append([])
            tailCounts.append(-1)
            reports.append(nil)
            hasReports.append(false)
            return s
        }

        /// True when the row's identity cells are the ones remembered in `slot` (false when
        /// nothing is remembered there).
        /// - Parameters:
        ///   - slot: from ``slot(for:)``.
        ///   - fields: the row.
        ///   - identityFields: the field indices of the identity cells, the same for every call.
        @inline(__always)
        func matches(_ slot: Int, _ fields: CSVFields, _ identityFields: [Int]) -> Bool {
            let keyCount = cells[slot].count - max(0, Int(tailCounts[slot]))
            return cells[slot].withUnsafeBufferPointer { key -> Bool in
                guard let k = key.baseAddress else { return false }
                var p = 0
                for i in identityFields {
                    let c = fields[i]
                    guard p + 2 + c.count <= keyCount, Int(k[p]) | Int(k[p + 1]) << 8 == c.count else { return false }
                    if let b = c.baseAddress, memcmp(k + p + 2, b, c.count) != 0 { return false }
                    p += 2 + c.count
                }
                return p == keyCount
            }
        }

        /// The slot of `mmsi`, nil when the vessel has none (nothing remembered).
        @inline(__always)
        func existingSlot(for mmsi: MMSI) -> Int? { slots.slot(of: mmsi.rawValue) }

        /// True when `count` bytes at `bytes` are the tail remembered in `slot`.
        ///
        /// A tail is the end of a line, from the first of the fields after the last one
        /// ``PositionCSVRowReader/readFast(_:into:)`` reads a value from, when every identity cell
        /// is among those fields: the bytes of a row whose identity cells matched the remembered
        /// ones (``rememberTail(_:_:_:)``). A line whose end is the same bytes has the same cells
        /// in those fields, so its cells match too, without finding them one by one. Remembering
        /// new cells (``remember(_:at:cellsOf:at:)``) forgets the tail.
        @inline(__always)
        func tailMatches(_ slot: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
            let tailCount = Int(tailCounts[slot])
            guard tailCount == count else { return false }
            return cells[slot].withUnsafeBufferPointer { c in memcmp(c.baseAddress! + (c.count - count), bytes, count) == 0 }
        }

        /// Remembers `count` bytes at `bytes` as the tail of `slot`, whose cells the row's identity
        /// cells were just found to match (see ``tailMatches(_:_:_:)``).
        mutating func rememberTail(_ slot: Int, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
            if tailCounts[slot] > 0 { cells[slot].removeLast(Int(tailCounts[slot])) }
            cells[slot].append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            tailCounts[slot] = Int32(count)
        }

        /// True when the cells remembered in `slot` gave a report.
        func hasReport(at slot: Int) -> Bool { hasReports[slot] }

        /// The report the cells remembered in `slot` gave (time of the row they came from).
        func report(at slot: Int) -> StaticReport? { reports[slot] }

        /// Remembers `report` as what the row's identity cells give, in place of what `slot` held.
        /// Nothing is remembered when a cell is longer than 65,535 bytes (no two-byte length).
        mutating func remember(_ report: StaticReport?, at slot: Int, cellsOf fields: CSVFields, at identityFields: [Int]) {
            cells[slot].removeAll(keepingCapacity: true)
            tailCounts[slot] = -1
            for i in identityFields {
                let c = fields[i]
                guard c.count <= 0xFFFF else {
                    cells[slot].removeAll()
                    return
                }
                cells[slot].append(UInt8(c.count & 0xFF))
                cells[slot].append(UInt8(c.count >> 8))
                cells[slot].append(contentsOf: c)
            }
            reports[slot] = report
            hasReports[slot] = report != nil
        }
    }
}
