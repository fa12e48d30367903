/// How a need can be met (Lincolnshire §4.2): the delivery options an analysis compares.
public enum DeliveryChannel: String, CaseIterable, Codable, Sendable {
    case `internal`
    case externalGrant = "external-grant"
    case externalContract = "external-contract"
    case partnership
    case coProduction = "co-production"
    case influence
    case decommission

    /// The short names the appraisal API uses: internal, grant, contract, partnership, co-production,
    /// influence, decommission.
    public var shortName: String {
        switch self {
        case .externalGrant: "grant"
        case .externalContract: "contract"
        default: rawValue
        }
    }

    public init?(shortName: String) {
        guard let channel = Self.allCases.first(where: { $0.shortName == shortName || $0.rawValue == shortName }) else { return nil }
        self = channel
    }

    public var title: String {
        switch self {
        case .internal: "Internal (in-house)"
        case .externalGrant: "External grant"
        case .externalContract: "External contract"
        case .partnership: "Partnership"
        case .coProduction: "Co-production"
        case .influence: "Influence"
        case .decommission: "Decommission"
        }
    }

    /// Delivery outside the body, or shared with partners, needs a commercial model.
    public var needsCommercialModel: Bool { [.externalGrant, .externalContract, .partnership].contains(self) }
}

/// The nine considerations a Needs Analysis must address (Lincolnshire minimum requirements).
public enum NeedsConsideration: String, CaseIterable, Codable, Sendable {
    case politicalPrioritiesAndRisks = "political-priorities-and-risks"
    case demographicsAndConsultation = "demographics-and-consultation"
    case legalFramework = "legal-framework"
    case nationalAndLocalPolicy = "national-and-local-policy"
    case currentPerformance = "current-performance"
    case stakeholderViews = "stakeholder-views"
    case partnersIntentions = "partners-intentions"
    case availableResources = "available-resources"
    case marketOffers = "market-offers"

    public var title: String {
        switch self {
        case .politicalPrioritiesAndRisks: "Political priorities and risks"
        case .demographicsAndConsultation: "Demographics and consultation feedback"
        case .legalFramework: "Legal framework"
        case .nationalAndLocalPolicy: "National and local policy"
        case .currentPerformance: "Current performance"
        case .stakeholderViews: "Stakeholder views"
        case .partnersIntentions: "Partners' commissioning activities and intentions"
        case .availableResources: "Available resources"
        case .marketOffers: "Market offers (internal and external)"
        }
    }
}
