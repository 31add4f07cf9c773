/// Committee membership by year, as data: the years a deployment knows about.
///
/// ``shipped`` holds 2018 and 2019. Add a year by adding a ``CommitteeMembership`` value (the
/// fifteen Council members of that year and the Committee's Chair), with its source.
public struct CommitteeRoster: Sendable {
    /// Membership by year.
    public var years: [Int: CommitteeMembership]

    /// - Parameter memberships: one value per year (a later duplicate replaces an earlier one).
    public init(_ memberships: [CommitteeMembership]) {
        var years: [Int: CommitteeMembership] = [:]
        for m in memberships { years[m.year] = m }
        self.years = years
    }

    /// The membership of `year`, or nil when the roster does not know it.
    public func membership(year: Int) -> CommitteeMembership? { years[year] }

    /// The five permanent members of the Security Council (UN Charter, Article 23(1); the Russian
    /// Federation holds the USSR's seat).
    public static let permanentMembers: Set<StateCode> = [
        StateCode("CHN"), StateCode("FRA"), StateCode("RUS"), StateCode("GBR"), StateCode("USA"),
    ]

    /// 2018: the permanent five and the ten elected members.
    ///
    /// Elected members [R, from memory of the UN Security Council's list of members and the General
    /// Assembly's election press releases of 2 June 2017 and 28 June 2016 — not re-read for this note]:
    /// Bolivia, Ethiopia, Kazakhstan, Sweden (2017–2018); the Netherlands (2018, the second half of
    /// the term split with Italy); Côte d'Ivoire, Equatorial Guinea, Kuwait, Peru, Poland (2018–2019).
    /// Chair [C]: the Netherlands (Ambassador Karel van Oosterom), "Chairman of the 1718 Sanctions
    /// Committee" in 2018 — his statement to the Council of 17 December 2018 (permanentrepresentations.nl).
    public static let membership2018 = CommitteeMembership(
        year: 2018,
        members: permanentMembers.union([
            StateCode("BOL"), StateCode("ETH"), StateCode("KAZ"), StateCode("SWE"), StateCode("NLD"),
            StateCode("CIV"), StateCode("GNQ"), StateCode("KWT"), StateCode("PER"), StateCode("POL"),
        ]),
        chair: StateCode("NLD"),
        chairConfirmed: true,
        source: "Members: UN Security Council membership 2018 [R, not re-read]. "
            + "Chair: Netherlands (K. van Oosterom), statement to the Council, 17 Dec 2018 [C]."
    )

    /// 2019: the permanent five and the ten elected members.
    ///
    /// Elected members [R, from memory of the UN Security Council's list of members and the General
    /// Assembly's election press releases of 2 June 2017 and 8 June 2018 — not re-read]: Côte d'Ivoire,
    /// Equatorial Guinea, Kuwait, Peru, Poland (2018–2019); Belgium, Dominican Republic, Germany,
    /// Indonesia, South Africa (2019–2020).
    /// Chair [C, indirect]: Germany — the 2018 Chair said on 17 December 2018 that he was passing the
    /// 1718 chair to his German colleague (Ambassador Christoph Heusgen); the 2019 bureaux were
    /// announced in S/2019/2 (not read here).
    public static let membership2019 = CommitteeMembership(
        year: 2019,
        members: permanentMembers.union([
            StateCode("CIV"), StateCode("GNQ"), StateCode("KWT"), StateCode("PER"), StateCode("POL"),
            StateCode("BEL"), StateCode("DOM"), StateCode("DEU"), StateCode("IDN"), StateCode("ZAF"),
        ]),
        chair: StateCode("DEU"),
        chairConfirmed: true,
        source: "Members: UN Security Council membership 2019 [R, not re-read]. "
            + "Chair: Germany, per the 2018 Chair's handover statement of 17 Dec 2018 [C]; S/2019/2 not read."
    )

    /// The shipped roster: 2018 and 2019.
    public static let shipped = CommitteeRoster([membership2018, membership2019])
}
