/// The kinds of organisation a user can act within.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    case commissioningBody = "commissioning-body"
    case department
    case provider
    case partnershipVenture = "partnership-venture"
    case scrutinyBody = "scrutiny-body"

    public var identifier: String { rawValue }

    public var title: String {
        switch self {
        case .commissioningBody: "Commissioning body"
        case .department: "Department"
        case .provider: "Provider"
        case .partnershipVenture: "Partnership venture"
        case .scrutinyBody: "Scrutiny body"
        }
    }

    public var summary: String {
        switch self {
        case .commissioningBody: "A council, government or health body that commissions services."
        case .department: "A part of a commissioning body, such as a government department."
        case .provider: "An organisation that delivers services under agreements."
        case .partnershipVenture: "A venture through which several bodies share services."
        case .scrutinyBody: "A committee or audit body that scrutinises commissioning."
        }
    }

    /// The kinds that commission services: where commissioning roles are held and activities belong.
    public static let commissioning: Set<OrganisationKind> = [.commissioningBody, .department, .partnershipVenture]

    public var commissions: Bool { Self.commissioning.contains(self) }

    /// Only a department sits under another organisation, and only under a commissioning body.
    public var allowedParentKinds: Set<OrganisationKind> {
        self == .department ? [.commissioningBody] : []
    }
}
