@testable import CapwatchCore

/// New York local time `yyyy-MM-ddTHH:mm` as an instant (test helper).
func ny(_ text: String) -> Timestamp {
    guard let t = NewYorkTime.parse(text) else { fatalError("bad New York time \(text)") }
    return t
}

func code(_ s: StaticString) -> StateCode { StateCode(s) }

/// The US-led request of June 2019 (REGIME.md §4): the US and 25 other states asked the Committee to
/// determine the cap breached and demand a halt; deadline Tuesday 18 June 2019 (AP).
/// Illustrative, not sourced: the circulation time, the deadline's hour (17:00 New York) and the
/// list of the 25 co-sponsors (the real list is not in REGIME.md; these are stand-ins, members and
/// non-members mixed to show that non-members may co-sponsor).
func june2019Proposal(id: String = "P2019-001") throws -> Proposal {
    let coSponsors = [
        "AUS", "AUT", "BEL", "CAN", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GBR", "IRL", "ISR", "ITA", "JPN",
        "KOR", "LVA", "LTU", "NLD", "NZL", "NOR", "POL", "ESP", "SWE", "UKR",
    ].map { StateCode(rawValue: $0)! }
    return try Proposal(
        id: id, kind: .breachDetermination,
        text: "Determine that the 2019 cap on refined petroleum products (res. 2397 para 5) has been breached and notify all States to cease supplies.",
        proposer: code("USA"), coSponsors: coSponsors,
        evidence: ProposalEvidence(ledgerReferences: ["ledger:2019:refined"]),
        circulatedAt: ny("2019-06-12T10:00"), deadlineRule: .explicit(ny("2019-06-18T17:00")))
}

/// The US request of July 2018: reported by AP on 12 July 2018, expected to take "five days" (AFP);
/// modelled as five working days from 12 July at 17:00 New York (the hour is illustrative), which
/// ends on Thursday 19 July, the day Russia placed its hold (Reuters, 21 Jul 2018).
func july2018Proposal(id: String = "P2018-001") throws -> Proposal {
    try Proposal(
        id: id, kind: .breachDetermination,
        text: "Determine that the 2018 cap has been exceeded (89 tanker port calls, 759,793 bbl at 50 % laden) and notify all States.",
        proposer: code("USA"), evidence: ProposalEvidence(eventIDs: ["us-2018-07-portcalls"]),
        circulatedAt: ny("2018-07-12T12:00"),
        deadlineRule: .workingDays(count: 5, time: DeadlineRule.defaultDeadlineTime, holidays: []))
}
