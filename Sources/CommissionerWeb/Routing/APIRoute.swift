import Vapor

/// The JSON API's routes, under `/api/v1`. The OpenAPI document is checked against this list and
/// against what is registered.
public enum APIRoute: String, CaseIterable, Sendable {
    case me = "/api/v1/me"
    case organisations = "/api/v1/organisations"
    case activities = "/api/v1/activities"
    case activityGate = "/api/v1/activities/:activityID/gate"
    case activityPeople = "/api/v1/activities/:activityID/people"
    case activityMove = "/api/v1/activities/:activityID/move"
    case activityRecords = "/api/v1/activities/:activityID/records"
    case activityDocuments = "/api/v1/activities/:activityID/documents"
    case documentVersions = "/api/v1/activities/:activityID/documents/:documentID/versions"
    case documentSubmission = "/api/v1/activities/:activityID/documents/:documentID/submit"
    case needsAnalysis = "/api/v1/activities/:activityID/documents/:documentID/needs-analysis"
    case documentFiles = "/api/v1/activities/:activityID/documents/:documentID/files"
    case activityDecisions = "/api/v1/activities/:activityID/decisions"
    case activityApprovals = "/api/v1/activities/:activityID/approvals"
    case activityEvidence = "/api/v1/activities/:activityID/evidence"
    case evidenceItem = "/api/v1/activities/:activityID/evidence/:evidenceID"
    case activityOutcomes = "/api/v1/activities/:activityID/outcomes"
    case outcome = "/api/v1/activities/:activityID/outcomes/:outcomeID"
    case activityMilestones = "/api/v1/activities/:activityID/milestones"
    case appraisal = "/api/v1/activities/:activityID/appraisal"
    case appraisalCriteria = "/api/v1/activities/:activityID/appraisal/criteria"
    case appraisalWeights = "/api/v1/activities/:activityID/appraisal/weights"
    case appraisalOptions = "/api/v1/activities/:activityID/appraisal/options"
    case appraisalScores = "/api/v1/activities/:activityID/appraisal/scores"
    case appraisalCashFlows = "/api/v1/activities/:activityID/appraisal/options/:optionID/cash-flows"
    case appraisalCriterion = "/api/v1/activities/:activityID/appraisal/criteria/:criterionID"
    case appraisalOption = "/api/v1/activities/:activityID/appraisal/options/:optionID"
    case commercialModel = "/api/v1/activities/:activityID/appraisal/options/:optionID/commercial-model"
    case appraisalCashFlow = "/api/v1/activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID"
    case providers = "/api/v1/providers"
    case provider = "/api/v1/providers/:providerID"
    case agreements = "/api/v1/agreements"
    case agreement = "/api/v1/agreements/:agreementID"
    case agreementFundingLines = "/api/v1/agreements/:agreementID/funding-lines"
    case agreementYearValues = "/api/v1/agreements/:agreementID/year-values"
    case agreementVariations = "/api/v1/agreements/:agreementID/variations"
    case agreementExtensions = "/api/v1/agreements/:agreementID/extensions"
    case agreementApprovals = "/api/v1/agreements/:agreementID/approvals"
    case agreementKPIs = "/api/v1/agreements/:agreementID/kpis"
    case agreementKPI = "/api/v1/agreements/:agreementID/kpis/:kpiID"
    case agreementReturns = "/api/v1/agreements/:agreementID/returns"
    case agreementPerformance = "/api/v1/agreements/:agreementID/performance"
    case measurementVerification = "/api/v1/agreements/:agreementID/measurements/:measurementID/verification"
    case measurementCorrection = "/api/v1/agreements/:agreementID/measurements/:measurementID/correction"
    case agreementReviews = "/api/v1/agreements/:agreementID/reviews"
    case agreementReview = "/api/v1/agreements/:agreementID/reviews/:reviewID"
    case reviewSharing = "/api/v1/agreements/:agreementID/reviews/:reviewID/share"
    case reviewComment = "/api/v1/agreements/:agreementID/reviews/:reviewID/comment"
    case reviewFinalising = "/api/v1/agreements/:agreementID/reviews/:reviewID/finalise"
    case reviewActionDone = "/api/v1/agreements/:agreementID/reviews/:reviewID/actions/:actionID/done"
    case agreementRecommissioning = "/api/v1/agreements/:agreementID/recommissioning"
    case renewals = "/api/v1/renewals"
    case renewalLeadTimes = "/api/v1/renewals/lead-times"
    case rationalisation = "/api/v1/rationalisation"
    case contractsRegister = "/api/v1/contracts-register"
    case registerImports = "/api/v1/contracts-register/imports"
    case registerImport = "/api/v1/contracts-register/imports/:registerImportID"
    case spendImports = "/api/v1/spend-imports"
    case spendImport = "/api/v1/spend-imports/:importID"
    case payments = "/api/v1/payments"
    case spend = "/api/v1/spend"
    case unmatchedSpend = "/api/v1/spend/unmatched"
    case agreementSpend = "/api/v1/agreements/:agreementID/spend"
    case risks = "/api/v1/risks"
    case risk = "/api/v1/risks/:riskID"
    case riskReviews = "/api/v1/risks/:riskID/reviews"
    case riskMitigations = "/api/v1/risks/:riskID/mitigations"
    case riskMitigationDone = "/api/v1/risks/:riskID/mitigations/:mitigationID/done"
    case recommendations = "/api/v1/recommendations"
    case recommendation = "/api/v1/recommendations/:recommendationID"
    case recommendationStatus = "/api/v1/recommendations/:recommendationID/status"
    case recommendationEvidence = "/api/v1/recommendations/:recommendationID/evidence"
    case recommendationEvidenceDecision = "/api/v1/recommendations/:recommendationID/evidence/:recommendationEvidenceID/decision"
    case recommendationComments = "/api/v1/recommendations/:recommendationID/comments"
    case recommendationRequests = "/api/v1/recommendations/:recommendationID/requests"
    case recommendationRequestAnswer = "/api/v1/recommendations/:recommendationID/requests/:scrutinyRequestID/answer"
    case auditReports = "/api/v1/audit-reports"
    case auditReport = "/api/v1/audit-reports/:auditReportID"
    case auditReportThemes = "/api/v1/audit-reports/:auditReportID/themes"
    case auditReportRecommendations = "/api/v1/audit-reports/:auditReportID/recommendations"
    case auditReportActions = "/api/v1/audit-reports/:auditReportID/actions"
    case auditReportActionProgress = "/api/v1/audit-reports/:auditReportID/actions/:recommendationActionID/progress"
    case intentions = "/api/v1/intentions"
    case intentionsRecord = "/api/v1/intentions/:intentionsID"
    case intentionsItems = "/api/v1/intentions/:intentionsID/items"
    case intentionsAgreement = "/api/v1/intentions/:intentionsID/agreement"
    case intentionsPublication = "/api/v1/intentions/:intentionsID/publication"
    case planningCalendar = "/api/v1/planning-calendar"
    case planningCalendarStages = "/api/v1/planning-calendar/:organisationID"
    case accountability = "/api/v1/accountability"
    case commissioningArea = "/api/v1/accountability/:areaID"
    case areaAssignments = "/api/v1/accountability/:areaID/assignments"
    case areaLinks = "/api/v1/accountability/:areaID/links"
    case commercialTriage = "/api/v1/commercial-triage"
    case commercialTriageRules = "/api/v1/commercial-triage/rules"
    case activityTriage = "/api/v1/activities/:activityID/triage"
    case engagement = "/api/v1/engagement"
    case engagementCoverage = "/api/v1/engagement/coverage"
    case engagementEvent = "/api/v1/engagement/:engagementID"
    case engagementParticipants = "/api/v1/engagement/:engagementID/participants"
    case engagementLinks = "/api/v1/engagement/:engagementID/links"
    case standards = "/api/v1/standards"
    case boardReports = "/api/v1/board-reports"
    case boardReportDraft = "/api/v1/board-reports/draft"
    case boardReport = "/api/v1/board-reports/:reportID"
    case standardsAssessment = "/api/v1/standards/:assessmentID"
    case standardsRatings = "/api/v1/standards/:assessmentID/ratings"
    case mySkills = "/api/v1/skills/mine"
    case skillsSummary = "/api/v1/skills/summary"
    case strategies = "/api/v1/strategies"
    case strategy = "/api/v1/strategies/:strategyID"
    case strategyEntries = "/api/v1/strategies/:strategyID/entries"
    case strategyOutcomes = "/api/v1/strategies/:strategyID/outcomes"
    case strategySubmission = "/api/v1/strategies/:strategyID/submit"
    case strategyApprovals = "/api/v1/strategies/:strategyID/approvals"
    case openAPI = "/api/v1/openapi.json"

    public var path: String { rawValue }
    public var pathComponents: [PathComponent] { rawValue.pathComponents }

    /// The path as OpenAPI writes it: `{name}` for each parameter.
    public var openAPIPath: String {
        "/" + pathComponents.map { component in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
    }
}

extension RoutesBuilder {
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, api route: APIRoute, access: RouteAccess,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        grouped(AccessCheck(access: access, isAPI: true)).on(method, route.pathComponents, use: handler)
    }

    /// A route whose body is a file: gathered up to `maxSize` before the route runs.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, api route: APIRoute, access: RouteAccess, body maxSize: ByteCount,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        grouped(AccessCheck(access: access, isAPI: true)).on(method, route.pathComponents, body: .collect(maxSize: maxSize), use: handler)
    }
}
