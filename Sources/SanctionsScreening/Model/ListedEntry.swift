import CapwatchCore

/// One designated party on one list — a person, an entity, a vessel or an aircraft — in a model
/// shared by the UN and OFAC readers.
///
/// A ship's IMO number (``vesselIMO``) and a company's IMO number (``companyIMO``, the seven-digit
/// owner/company identifier the UN DPRK list carries for shipping companies) are different
/// identifiers and are kept apart: a ship IMO query never matches a company number.
public struct ListedEntry: Sendable, Hashable, Codable, Identifiable {
    /// What kind of party is designated.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A ship (OFAC `vessel`).
        case vessel
        /// A company, bank, organisation or other non-person.
        case entity
        /// An individual.
        case person
        /// An aircraft (OFAC `aircraft`).
        case aircraft
    }

    /// How a name is attached to the entry.
    public enum NameQuality: String, Sendable, Hashable, Codable {
        /// The name the list files the entry under.
        case primary
        /// "also known as" (OFAC `aka`; UN `a.k.a.` and quality `Good`).
        case aka
        /// A low-quality alias (UN quality `Low`): weaker evidence, scored lower.
        case lowQuality
        /// "formerly known as" (OFAC `fka`, UN `f.k.a.`, or a vessel's former name in remarks).
        case formerly
        /// "now known as" (OFAC `nka`).
        case now
    }

    /// A name or alias as printed on the list.
    public struct Name: Sendable, Hashable, Codable {
        /// The text as printed (OFAC persons: `SURNAME, Given names`).
        public let text: String
        /// How the name is attached.
        public let quality: NameQuality

        /// - Parameters:
        ///   - text: the name as printed.
        ///   - quality: how it is attached.
        public init(_ text: String, quality: NameQuality) {
            self.text = text
            self.quality = quality
        }
    }

    /// The list.
    public let list: SanctionsList
    /// `UN:<REFERENCE_NUMBER>` (e.g. `UN:KPe.061`) or `OFAC:<ent_num>` (e.g. `OFAC:23166`).
    public let listID: String
    /// What is designated.
    public let kind: Kind
    /// Primary name first, then aliases in list order.
    public let names: [Name]
    /// Sanctions programmes (OFAC `DPRK3`, `NPWMD`…; UN `DPRK`…).
    public let programmes: [String]
    /// A ship's IMO number (OFAC `Vessel Registration Identification IMO`). Vessels only.
    public let vesselIMO: IMONumber?
    /// A company's IMO number (UN `IMO number:` of a shipping company). Never a ship.
    public let companyIMO: IMONumber?
    /// A ship's MMSI (OFAC remarks `MMSI`).
    public let mmsi: MMSI?
    /// Radio call sign (OFAC column or remarks), upper case.
    public let callSign: String?
    /// Flag state.
    public let flag: String?
    /// Vessel type as listed (`Crude/Oil Products Tanker`…).
    public let vesselType: String?
    /// Parties the list links this one to (OFAC `Linked To:`).
    public let linkedTo: [String]
    /// Dates of birth as printed (`1940-02-26`, `1940`, `DOB 07 Aug 1968`…).
    public let datesOfBirth: [String]
    /// Nationalities as printed.
    public let nationalities: [String]
    /// Addresses, one line each.
    public let addresses: [String]
    /// Listing date (UN `LISTED_ON`), when the list gives it.
    public let listedOn: String?
    /// Narrative remarks (UN `COMMENTS1`, OFAC remarks with `sdn_comments.csv` continuation).
    public let remarks: String?

    public var id: String { listID }

    /// The primary name.
    public var primaryName: String { names.first?.text ?? "" }

    /// Builds an entry; readers call this, tests may too.
    public init(
        list: SanctionsList, listID: String, kind: Kind, names: [Name], programmes: [String] = [],
        vesselIMO: IMONumber? = nil, companyIMO: IMONumber? = nil, mmsi: MMSI? = nil, callSign: String? = nil,
        flag: String? = nil, vesselType: String? = nil, linkedTo: [String] = [], datesOfBirth: [String] = [],
        nationalities: [String] = [], addresses: [String] = [], listedOn: String? = nil, remarks: String? = nil
    ) {
        self.list = list
        self.listID = listID
        self.kind = kind
        self.names = names
        self.programmes = programmes
        self.vesselIMO = vesselIMO
        self.companyIMO = companyIMO
        self.mmsi = mmsi
        self.callSign = callSign
        self.flag = flag
        self.vesselType = vesselType
        self.linkedTo = linkedTo
        self.datesOfBirth = datesOfBirth
        self.nationalities = nationalities
        self.addresses = addresses
        self.listedOn = listedOn
        self.remarks = remarks
    }
}
