import CommissionerDomain
import FluentKit
import Foundation

/// The Comptroller and Auditor General's "Commissioning of Services" (R.124/2024), with the executive
/// response and improvement plan exactly as the seed gives them
/// (`jersey-cag-commissioning-executive-response-2024.txt`), and the Public Accounts Committee's
/// comments on it. Eight of the nine are "agreed – already addressed" and, as the committee found,
/// have no evidence yet. The one piece of evidence attached is illustrative.
enum DemoRecommendations {
    struct People {
        var administrator: UUID
        var lead: UUID
        var scrutiny: UUID
    }

    static let reference = "R.124/2024"

    static let summary = """
        The Chief Executive and Treasurer of the States welcome the report from the Comptroller and Auditor General. The recommendations have been used to develop an improvement plan, based upon the risk profiles of the recommendations, and a consideration of the root cause themes leading to the recommendations.

        Progress against the improvement plan will be tracked internally, and Chief Officers will have oversight of implementation through the periodic reporting cycle. Implementation of agreed actions is monitored through the Chief Officers' objectives and so forms part of performance discussions with the Chief Executive Officer.
        """

    static let themes: [(title: String, description: String)] = [
        ("Cross-Government Commissioning and Partnerships Strategy", """
            Most of the recommendations can be addressed through the development of a Cross-Government Commissioning and Partnerships Strategy. This will ensure more consistency in defining and undertaking outcomes-based commissioning and enable providers to understand the government commissioning process. The strategy will help ensure that the good practice identified in the report is rolled out across government departments, ensuring the needs of Islanders can be met through commissioned services delivering the right outcomes at the right cost.
            """),
        ("HCS Financial Recovery Programme", """
            Work on recommendation 5 has already started and continues to be delivered through the Health and Community Services (HCS) Financial Recovery Programme (FRP) in close co-operation with Commercial Services.
            """),
    ]

    struct Item {
        var code: String
        var text: String
        var risk: String
        var profile: RiskProfile
        var response: String
        var agreed: AgreedStatus
        var theme: Int
        var themeNote: String
    }

    static let guidance = "The Cross-Government Commissioning and Partnerships Strategy will ensure clarity of guidance for commissioners."

    static let items: [Item] = [
        Item(code: "R1", text: """
            Develop a cross-Government Commissioning and Partnerships Strategy, building on the Health and Care Commissioning and Partnerships Strategy. The cross-Government Commissioning and Partnerships Strategy should include:
            • a finalised Jersey Commissioning Framework containing the commissioning vision, process and monitoring arrangements for all departments
            • an aligned commercial and procurement plan
            • future commissioning requirements; and
            • plans to address the challenges associated with the provision of long-term and social care.
            In developing the cross-Government Commissioning and Partnerships Strategy, engage actively with external stakeholders and service providers.
            """, risk: """
            If a cross-government overarching commissioning and partnerships strategy is not developed, adopted and consistently implemented, then there may be:
            • reduced clarity of what is meant by commissioning
            • inconsistency in approaches to commissioning
            • no improvement in models of service provision
            • increasing risk of insufficiency of supply to meet current and future need
            • pressures on supply base (internal and external)
            • PFM non-compliance.
            The impact may be:
            • services not sufficiently joined up with the potential for inefficiencies and duplication
            • increased cost pressures linked to volume, complexity and failure to manage suppliers and cost
            • lower quality services.
            """, profile: .medium, response: """
            The cross-government commissioning group will work on the refresh of the existing Health and Care Commissioning and Partnerships Strategy during 2025, which supports the recommendation.
            The continuation of the Commissioning Academy will support the development and delivery of the strategy.
            Close working with Commercial Services will also ensure that information on procurement and sourcing will be referenced and aligned with the strategy.
            """, agreed: .agreed, theme: 0, themeNote: "The Cross-Government Commissioning and Partnerships Strategy will deliver the recommendation"),
        Item(code: "R2", text: "When commissioning a new service, or recommissioning an existing service, departments should formally document and capture the rationale behind why a particular delivery option is chosen.",
             risk: "If decisions are not clearly documented, then it may be harder to demonstrate value for money and procuring best service in commissioning activity, which could result in higher costs and governance challenges. The current procurement strategy addresses the risk and sets out the documentation that is required. This information is available to all staff via the commercial services intranet pages.",
             profile: .medium, response: """
            This is already being implemented through the commercial approvals process e.g. procurement strategy.
            The current procurement process requires the documentation of delivery options and the rationale for the selected option.
            """, agreed: .alreadyAddressed, theme: 0, themeNote: guidance),
        Item(code: "R3", text: "Establish clear responsibility and accountability for the planning and commissioning associated with long term care, and with children's care, using the principles set out within the draft Jersey Commissioning Framework.",
             risk: "If clear responsibilities are not established, then accountability for delivery may be less clear, resulting in slower progress and reduced likelihood of addressing any key issues that may be identified. However, this risk and recommendation are already addressed and clear responsibilities and accountabilities are established.",
             profile: .medium, response: """
            This is already implemented. Commissioning activity responsibilities and accountabilities are:
            • Chief Officer for CLS is responsible and accountable for Long Term Care Fund (LTCF)
            • Chief Officer for HCS is responsible and accountable for Long Term Care Top up over the exceeded limit for LTCF.
            • Chief Officer for CYPES is responsible and accountable for children's care with the Chief Officer for HCS responsible and accountable for children's healthcare.
            """, agreed: .alreadyAddressed, theme: 0, themeNote: guidance),
        Item(code: "R4", text: """
            Ensure that:
            • a mechanism is developed to identify commissioning activities that would benefit most from specialist commercial services expertise; and;
            • appropriate procurement training and support is available to departments, to ensure they feel confident to competently take forward low and medium risk commissioning and procurement work.
            """, risk: "If there is not a focus on identifying those commissioning activities that most require the specialist commercial expertise, then the opportunities to get best value for money out of highest value commissioning activities will be missed. Similarly, if training is not available to departments, then value for money opportunities may be missed with smaller value partnerships. However, this risk and recommendation are already addressed. Mechanisms and training are in place.",
             profile: .medium, response: """
            The following arrangements are already in place:
            • Commercial services work with commissioners to review and advise on commissioning activities and identify activities where specialist commercial services are required.
            • Commercial services specify requirements for and source specialist commercial expertise to support commissioners. For example, current commissioning of community nursing services supported by commercial services and specialist external expertise.
            • Training and support are available to departments through the Commercial services hub and spoke arrangements.
            """, agreed: .alreadyAddressed, theme: 0, themeNote: guidance),
        Item(code: "R5", text: "Review and rationalise the commissioning, and number of, off-Island tertiary contracts managed by HCS and ensure appropriate responsibility and accountability arrangements are formalised.",
             risk: "If the number of off-Island tertiary contracts is not reviewed, then there may be substantial repeat activity in terms of contract management that could be reduced, and accountability arrangements may be less clear.",
             profile: .medium, response: """
            The following arrangements are already in place: The HCS Financial Recovery Programme (FRP) has a dedicated workstream that reviews and rationalises off-Island contracts.
            The Chief Operating Officer – Acute Services has overall responsibility and accountability for off-Island physical tertiary care contracts, the Director of Mental Health, Adult Social Care and Community Services has overall responsibility and accountability for mental health and adult social care off-Island care contracts and services.
            """, agreed: .alreadyAddressed, theme: 1, themeNote: "The off-Island tertiary contracts FRP workstream will continue to deliver the recommendation."),
        Item(code: "R6", text: "Implement a systematic approach to documenting the contract review process for monitoring and evaluating the delivery of commissioned services against the key performance criteria included in contracts.",
             risk: "If a standard approach is not taken to evaluating performance of commissioned services against agreed criteria, then it will be more challenging to demonstrate outcomes of commissioning activity, value for money and lessons may not be learned for future activity.",
             profile: .medium, response: "HCS has developed a systematic approach to contract reviews. This will be reviewed and included in the Commissioning Strategy/Framework to ensure visibility and consistency across the organisation.",
             agreed: .alreadyAddressed, theme: 0, themeNote: guidance),
        Item(code: "R7", text: "Design and implement effective mechanisms to engage with all providers of commissioned services across Government to inform future needs and opportunities as well as to monitor and evaluate delivery.",
             risk: "If engagement with providers is not comprehensive, then GoJ may not fully appreciate market opportunities and risks, potentially impacting service quality and value for money.",
             profile: .medium, response: "There are currently good mechanisms to engage with providers, including (but not exhaustive of): Quarterly contract meetings, Health and Care Partnership, Community Forums, Mental Health Strategic Partnership Group, End-of-Life Partnership, Cluster Groups. Including commercial input as required.",
             agreed: .alreadyAddressed, theme: 0, themeNote: guidance),
        Item(code: "R8", text: "Ensure key performance criteria include outcome-based and, where appropriate, service user informed, measures.",
             risk: "If outcome-based criteria are not included in agreements, then it will be more challenging to demonstrate positive outcomes of any commissioning activity.",
             profile: .medium, response: "Key performance criteria including outcome-based and service user informed measures are being built into new contracts.",
             agreed: .alreadyAddressed, theme: 0, themeNote: "The Cross-Government Commissioning and Partnerships Strategy (and associated toolkit) will deliver the recommendation."),
        Item(code: "R9", text: "Implement a standard agenda for use by all departments commissioning services which includes regular evaluation (at least annually) of opportunities to improve or adapt the service provided.",
             risk: "If departments do not use a standard methodology, then opportunities to improve service may be missed. Whilst this may be the case, the exercise in regular evaluation is deemed to be more important than the standardisation – hence the low risk assessment.",
             profile: .low, response: "These have been designed in the Commissioning Academy and will be included in the overarching strategy.",
             agreed: .alreadyAddressed, theme: 0, themeNote: "The Cross-Government Commissioning and Partnerships Strategy will deliver the recommendation."),
    ]

    /// The prioritised improvement plan; the off-island workstream's two target dates are two actions.
    static let actions: [(theme: Int, description: String, target: String, officer: String)] = [
        (0, """
            Develop and publish the Cross-Government Commissioning and Partnerships Strategy utilising the Cross-Government Commissioning Group and the Commissioning Academy.
            Strategy development key actions:
            • Identify all stakeholders and establish steering group
            • Stakeholder engagement
            • Clarify the outcomes & definitions
            • Identify working groups to focus on specific aspects
            • Develop strategy and action plan
            • Finalise Commissioning Framework based on existing pilot
            • Develop toolkits to include: Outline Business Cases; Option Appraisal Templates; Commercial Proposal; Commissioning Proposal; Standardised documentation.
            """, "Q4 2025", "Associate Managing Director, HCS"),
        (1, """
            Off-Island tertiary contracts FRP workstream: establish an Off-Island Tertiary Governance Committee.
            The Committee will focus on:
            • Review of off-island tertiary contracts
            • Review and introduce standard procedures
            • Review future requirements
            • Identify opportunities for rationalising contracts.
            """, "Q4 2024", "HCS Finance Director and FRP Change Lead"),
        (1, "Off-Island tertiary contracts FRP workstream: report provided on the review and new arrangements.", "Q2 2025", "HCS Finance Director and FRP Change Lead"),
    ]

    /// The Public Accounts Committee's comments, as presented with the response on 5 November 2024.
    static let comments: [(code: String, body: String)] = [
        ("R2", "The response to this recommendation states that the recommendation is already being implemented through the Commercial Approvals process via the Procurement Strategy. Whilst this is noted by the PAC, it would raise that this recommendation is suggesting that Government documents the rationale to commission against whether the service could be delivered by Government itself. The procurement strategy and process is only undertaken once the decision has been made to commission. Therefore, the PAC believes that the key point raised by the recommendations of the C&AG has been missed in this response. The Government should look to put in place a documented process that shows when a decision to commission has been made, prior to any procurement process being undertaken."),
        ("R3", "Whilst this is noted, the PAC would argue that this response is simply a restatement of the status quo rather than an improvement to address the recommendation. It would be argued by the PAC that the C&AG has made a recommendation about requiring clear responsibilities in these areas and had the existing process been effective there would be no need for the recommendation. The PAC would expect to see further evidence of how these responsibilities are being actioned in practice and who has overarching responsibility."),
        ("R8", "The PAC notes that it is intended to build in key performance criteria including outcome based and service user informed measures into new contracts. This is welcomed by the PAC and it will be requesting, on a confidential basis, examples of these criteria and measures in due course."),
    ]

    static func load(organisations ids: [String: UUID], people: People, with writer: RecordWriter) async throws {
        let report = AuditReport(title: "Commissioning of Services", authorBody: "Comptroller and Auditor General", reference: reference,
                                 publishedOn: CalendarDay("2024-07-22")!, respondingOrganisationID: ids["Government of Jersey"]!,
                                 scrutinyOrganisationID: ids["Public Accounts Committee"], responseOn: CalendarDay("2024-11-05")!,
                                 summary: summary, createdBy: people.administrator)
        try await writer.create(report)
        let reportID = try report.requireID()
        var themeIDs: [UUID] = []
        for (position, theme) in themes.enumerated() {
            let created = ImprovementTheme(reportID: reportID, position: position + 1, title: theme.title, description: theme.description)
            try await writer.create(created)
            themeIDs.append(try created.requireID())
        }
        var byCode: [String: UUID] = [:]
        for (position, item) in items.enumerated() {
            let recommendation = Recommendation(reportID: reportID, code: item.code, position: position + 1, text: item.text,
                                                riskOfNonImplementation: item.risk, riskProfile: item.profile, response: item.response,
                                                agreedStatus: item.agreed, themeID: themeIDs[item.theme], themeNote: item.themeNote)
            if item.code == "R1" { recommendation.status = .inProgress }
            try await writer.create(recommendation)
            byCode[item.code] = recommendation.id
        }
        for (position, action) in actions.enumerated() {
            let created = RecommendationAction(reportID: reportID, themeID: themeIDs[action.theme], position: position + 1, description: action.description,
                                               target: action.target, due: TargetDate.due(action.target)!, responsibleOfficer: action.officer)
            if position == 0 { created.progress = .inProgress }
            try await writer.create(created)
        }
        for comment in comments {
            try await writer.create(RecommendationComment(recommendationID: byCode[comment.code]!, authorID: people.scrutiny, body: comment.body))
        }
        // The committee's two requests as its comments announce them: briefings through 2025, and examples in confidence.
        try await writer.create(ScrutinyRequest(
            recommendationID: byCode["R1"]!, kind: .briefing, inConfidence: false,
            request: "The PAC will be maintaining a watching brief over the development of this strategy and will request briefings throughout 2025 in order to check its status and the implementation of the recommendations within the report.",
            requestedBy: people.scrutiny))
        try await writer.create(ScrutinyRequest(
            recommendationID: byCode["R8"]!, kind: .example, inConfidence: true,
            request: "The PAC will be requesting, in confidence, examples of criteria and outcomes that will be included in new contracts for commissioned services.",
            requestedBy: people.scrutiny))
        try await writer.create(RecommendationEvidence(
            recommendationID: byCode["R6"]!,
            description: "The contract reviews of the off-island and community agreements in Commissioner follow the standard agenda: performance against KPIs, outcomes, service-user feedback, finance, risks, improvement opportunities and market (illustrative).",
            link: "/agreements?status=live", attachedBy: people.lead))
        try await RecommendationStandingSummary.refresh(Array(byCode.values), on: writer.database)
    }

    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for item in try await ScrutinyRequest.query(on: db).all() { try await writer.delete(item) }
        for item in try await RecommendationComment.query(on: db).all() { try await writer.delete(item) }
        for item in try await RecommendationEvidence.query(on: db).all() { try await writer.delete(item) }
        for item in try await RecommendationAction.query(on: db).all() { try await writer.delete(item) }
        for item in try await Recommendation.query(on: db).all() { try await writer.delete(item) }
        for item in try await ImprovementTheme.query(on: db).all() { try await writer.delete(item) }
        for item in try await AuditReport.query(on: db).all() { try await writer.delete(item) }
    }
}
