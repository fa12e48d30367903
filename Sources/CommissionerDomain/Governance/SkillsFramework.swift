import Foundation

/// One area of the commissioning skills framework, in the phase of the cycle it serves.
public struct SkillArea: Sendable, Equatable {
    public enum Phase: String, CaseIterable, Sendable {
        case overarching, analyse, plan, `do`, review

        public var title: String {
            switch self {
            case .overarching: "Overarching"
            case .analyse: "Analyse"
            case .plan: "Plan"
            case .do: "Do"
            case .review: "Review"
            }
        }
    }

    /// The identifier forms and the API use.
    public var key: String
    public var phase: Phase
    public var title: String
    public var skills: [String]
}

extension SkillArea {
    /// Sutton's commissioning skills framework (adapted there from the NHS World Class Commissioning
    /// Programme and LB Harrow's commissioners' skills audit): each area with the skills it lists.
    public static let sutton: [SkillArea] = [
        SkillArea(key: "locally-lead", phase: .overarching, title: "Locally lead", skills: [
            "Listens to partner organisations and other providers", "Signals future priorities for the borough",
            "Presentation and influencing skills e.g. reputation management", "Organisational development skills"]),
        SkillArea(key: "joint-commissioning", phase: .overarching, title: "Joint commissioning", skills: [
            "Development of partnership agreements", "Database management",
            "Partner relations skills, enquiry response, feedback evaluation, data quality assurance, accountancy spreadsheets", "Presentation and influencing skills"]),
        SkillArea(key: "engage-public", phase: .analyse, title: "Engage with public and patients", skills: [
            "Communication skills to address the needs of all relevant stakeholders",
            "Relationships skills e.g. Being able to use the third sector and community partners to seek and engage the voice of those who are seldom heard",
            "Knowledge of engagement methods", "Event management", "Feedback evaluation and analysis", "Website management", "Survey management",
            "Presentation and influencing skills"]),
        SkillArea(key: "knowledge-and-needs", phase: .analyse, title: "Manage knowledge and assess needs", skills: [
            "Partnership liaison skills, to ensure a meaningful exchange of key data and analysis",
            "Information gathering (of both quantitative and qualitative information) and research skills, including data quality assurance",
            "Database management and monitoring skills",
            "Information analysis skills, predictive modelling; process mapping; ratio analysis; risk assessment; social modelling; scenario planning; needs analysis; statistical analysis; variance analysis",
            "Presentation, negotiation, brokering and influencing skills"]),
        SkillArea(key: "involve-frontline", phase: .plan, title: "Involve frontline specialists in strategic planning and service design", skills: [
            "Resident/stakeholder relations skills", "Knowledge of engagement methods", "Relationship building", "Feedback and evaluation skills",
            "Website and intranet skills", "Survey management", "Effective presentation and influencing skills",
            "Operational and project management skills to implement new ways of working"]),
        SkillArea(key: "prioritise-investment", phase: .plan, title: "Prioritise investment", skills: [
            "Database and knowledge management skills",
            "Prioritisation and decision making skills; key input summary; predictive modelling; process mapping; ratio analysis; risk assessment; market segmentation; 'what if?' scenarios; simulation tools; spreadsheets; statistical analysis; variance analysis",
            "Programme budgeting and marginal analysis capability linked to transparent investment decision making processes", "Presentation and influencing skills"]),
        SkillArea(key: "improvement-and-innovation", phase: .plan, title: "Promote improvement and innovation", skills: [
            "Relationship management skills",
            "Information management skills: seeks and shares knowledge and intelligence with local service providers, including current and potential providers",
            "Project management skills that assist provider organisations in delivering innovative practice", "Negotiation and specification skills",
            "Presentation and influencing skills"]),
        SkillArea(key: "procurement", phase: .plan, title: "Procurement and contract process", skills: [
            "Stakeholder liaison and information sharing", "Legal and regulatory skills relevant to tendering and contracting", "Negotiation skills",
            "Skills in understanding and writing legal, enforceable and fair contracts and specifications", "Contract and performance management"]),
        SkillArea(key: "financial-management", phase: .do, title: "Financial management", skills: [
            "Professional financial management skills, including financial planning and forecasting, investment analysis, management accountancy and financial governance skills",
            "Business-case modelling skills", "Impact and risk assessment skills", "Programme budgeting skills"]),
        SkillArea(key: "stimulate-market", phase: .do, title: "Stimulate the market", skills: [
            "Establishing and develop formal and informal relationships with existing and potential providers",
            "Residents, communities, stakeholders, staff engagement skills",
            "Signalling to current and potential providers their future priorities, needs and aspirations",
            "Provision analysis and monitoring skills (including gap analysis); risk assessment and management; market segmentation; simulation tools",
            "Project management skills, including change management support for provider organisations where required", "Negotiation skills",
            "Presentation and influencing skills"]),
        SkillArea(key: "evaluation", phase: .review, title: "Evaluation and continuous improvement", skills: [
            "Stakeholder liaison skills", "Contract management", "Performance Management", "Database management", "Quality assurance",
            "Accountancy; and spreadsheets", "Presentation and influencing skills"]),
    ]
}

/// How a commissioner rates themselves in a skill area.
public enum SkillLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case new = 1
    case developing = 2
    case competent = 3
    case expert = 4

    public var title: String {
        switch self {
        case .new: "New to this"
        case .developing: "Developing"
        case .competent: "Competent"
        case .expert: "Expert"
        }
    }

    /// New to it or still developing: a gap to plan training for.
    public var isGap: Bool { self <= .developing }

    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
