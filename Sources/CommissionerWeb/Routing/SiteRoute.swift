import Foundation
import Vapor

/// Every page and form of the site. The same value registers the route and builds every link to it,
/// so a changed path cannot leave a broken link behind.
public enum SiteRoute: Hashable, Sendable {
    case home
    case signIn
    case signOut
    case organisations
    case organisationsCSV
    case newOrganisation
    case organisation(UUID)
    case organisationMemberships(UUID)
    case users
    case usersCSV
    case newUser
    case user(UUID)
    case userMemberships(UUID)
    case revokeMembership(user: UUID, membership: UUID)
    case deactivateUser(UUID)
    case reactivateUser(UUID)
    case userPassword(UUID)
    case apiTokens
    case revokeAPIToken(UUID)
    case activities
    case activitiesCSV
    case activity(UUID)
    case newActivity
    case activityPeople(UUID)
    case activityMove(UUID)
    case newDocument(UUID)
    case activityDocuments(UUID)
    case document(activity: UUID, document: UUID)
    case newDocumentVersion(activity: UUID, document: UUID)
    case documentVersions(activity: UUID, document: UUID)
    case documentSubmission(activity: UUID, document: UUID)
    case documentNeedsAnalysis(activity: UUID, document: UUID)
    case documentFiles(activity: UUID, document: UUID)
    case documentFile(activity: UUID, document: UUID, file: UUID)
    case newDecision(UUID)
    case activityDecisions(UUID)
    case decision(activity: UUID, decision: UUID)
    case activityApprovals(UUID)
    case newEvidence(UUID)
    case activityEvidence(UUID)
    case evidenceItem(activity: UUID, evidence: UUID)
    case evidenceRemoval(activity: UUID, evidence: UUID)
    case newOutcome(UUID)
    case activityOutcomes(UUID)
    case outcome(activity: UUID, outcome: UUID)
    case outcomeRemoval(activity: UUID, outcome: UUID)
    case appraisal(UUID)
    case providers
    case providersCSV
    case provider(UUID)
    case editProvider(UUID)
    case agreements
    case agreementsCSV
    case newAgreement
    case procurementActChecks
    case procurementActChecksCSV
    case agreementKPIRationale(UUID)
    case agreement(UUID)
    case editAgreement(UUID)
    case agreementFunding(UUID)
    case agreementYearValues(UUID)
    case newAgreementVariation(UUID)
    case agreementVariations(UUID)
    case agreementExtensions(UUID)
    case agreementApprovals(UUID)
    case newKPI(UUID)
    case agreementKPIs(UUID)
    case kpi(agreement: UUID, kpi: UUID)
    case editKPI(agreement: UUID, kpi: UUID)
    case kpiRemoval(agreement: UUID, kpi: UUID)
    case agreementReturns(UUID)
    case measurementVerification(agreement: UUID, measurement: UUID)
    case measurementCorrection(agreement: UUID, measurement: UUID)
    case newReview(UUID)
    case agreementReviews(UUID)
    case review(agreement: UUID, review: UUID)
    case editReview(agreement: UUID, review: UUID)
    case reviewSharing(agreement: UUID, review: UUID)
    case reviewComment(agreement: UUID, review: UUID)
    case reviewFinalising(agreement: UUID, review: UUID)
    case reviewActionDone(agreement: UUID, review: UUID, action: UUID)
    case agreementRecommissioning(UUID)
    case renewals
    case renewalsCSV
    case renewalLeadTimes
    case rationalisation
    case rationalisationCSV
    case calendar
    case calendarFeed
    case contractsRegister
    case contractsRegisterCSV
    case newRegisterImport
    case registerUploads
    case registerUpload(UUID)
    case registerImports
    case registerImportsCSV
    case registerImport(UUID)
    case demoRegisterFile
    case spend
    case spendCSV
    case newSpendImport
    case spendUploads
    case spendUpload(UUID)
    case spendUploadProgress(UUID)
    case spendImport(UUID)
    case payments
    case paymentsCSV
    case unmatchedSpend
    case unmatchedSpendCSV
    case demoSpendFile
    case risks
    case risksCSV
    case recommendations
    case recommendationsCSV
    case watchingBrief
    case recommendation(UUID)
    case recommendationStatus(UUID)
    case recommendationEvidence(UUID)
    case recommendationEvidenceDecision(recommendation: UUID, evidence: UUID)
    case recommendationComments(UUID)
    case recommendationRequests(UUID)
    case recommendationRequestAnswer(recommendation: UUID, request: UUID)
    case auditReports
    case auditReportsCSV
    case newAuditReport
    case auditReport(UUID)
    case auditReportThemes(UUID)
    case auditReportRecommendations(UUID)
    case auditReportActions(UUID)
    case auditReportActionProgress(report: UUID, action: UUID)
    case intentions
    case intentionsAtom
    case intentionsCSV
    case newIntentions
    case intentionsRecord(UUID)
    case intentionsItems(UUID)
    case intentionsAgreement(UUID)
    case intentionsPublication(UUID)
    case planningCalendar
    case planningCalendarStages(UUID)
    case accountability
    case accountabilityCSV
    case newCommissioningArea
    case commissioningArea(UUID)
    case areaAssignments(UUID)
    case areaLinks(UUID)
    case commercialTriage
    case commercialTriageCSV
    case commercialTriageRules
    case activityTriage(UUID)
    case engagement
    case engagementCSV
    case newEngagement
    case engagementCoverage
    case engagementCoverageCSV
    case engagementEvent(UUID)
    case engagementParticipants(UUID)
    case engagementLinks(UUID)
    case standards
    case standardsCSV
    case newStandardsAssessment
    case standardsAssessment(UUID)
    case standardsRatings(UUID)
    case skills
    case skillsSummary
    case boardReports
    case boardReportsCSV
    case boardReportDraft
    case boardReportDraftWord
    case boardReport(UUID)
    case boardReportWord(UUID)
    case openData
    case openDataSettings
    case ocdsReleases
    case openDataGrants
    case ocdsImports
    case newOCDSImport
    case ocdsImport(UUID)
    case ocdsImportJob(UUID)
    case openDataGrantsCSV
    case openDataContractsCSV
    case ocdsReleasesAll
    /// `/ocds/records/{ocid}.json`: the `ocid` is text, so links are made with `OCDSLinks.record`.
    case ocdsRecord
    case agreementPublication(UUID)
    case agreementPublicationPreview(UUID)
    case agreementPublicationWithdrawal(UUID)
    case skillsSummaryCSV
    case newRisk
    case risk(UUID)
    case editRisk(UUID)
    case riskReviews(UUID)
    case riskMitigations(UUID)
    case riskMitigationDone(risk: UUID, mitigation: UUID)
    case businessCase(UUID)
    case businessCaseWord(UUID)
    case businessCaseVersions(UUID)
    case appraisalWeights(UUID)
    case appraisalCriteria(UUID)
    case newAppraisalOption(UUID)
    case appraisalOptions(UUID)
    case appraisalScores(UUID)
    case newAppraisalCashFlow(activity: UUID, option: UUID)
    case appraisalCashFlows(activity: UUID, option: UUID)
    case appraisalCriterion(activity: UUID, criterion: UUID)
    case appraisalCriterionRemoval(activity: UUID, criterion: UUID)
    case appraisalOption(activity: UUID, option: UUID)
    case editAppraisalOption(activity: UUID, option: UUID)
    case appraisalOptionRemoval(activity: UUID, option: UUID)
    case commercialModel(activity: UUID, option: UUID)
    case appraisalCashFlow(activity: UUID, option: UUID, cashFlow: UUID)
    case appraisalCashFlowRemoval(activity: UUID, option: UUID, cashFlow: UUID)
    case newMilestone(UUID)
    case activityMilestones(UUID)
    case milestoneDone(activity: UUID, milestone: UUID)
    case strategies
    case strategiesCSV
    case newStrategy
    case strategy(UUID)
    case newStrategyEntry(UUID)
    case strategyEntries(UUID)
    case newStrategyOutcome(UUID)
    case strategyOutcomes(UUID)
    case strategyReviewDate(UUID)
    case strategySubmission(UUID)
    case strategyApprovals(UUID)
    case audit
    case auditCSV
    case health
    case stylesheet
    case refreshScript

    /// The path with `:name` placeholders, as registered.
    public var template: String {
        switch self {
        case .home: "/"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .organisations: "/organisations"
        case .organisationsCSV: "/organisations.csv"
        case .newOrganisation: "/organisations/new"
        case .organisation: "/organisations/:organisationID"
        case .organisationMemberships: "/organisations/:organisationID/memberships"
        case .users: "/users"
        case .usersCSV: "/users.csv"
        case .newUser: "/users/new"
        case .user: "/users/:userID"
        case .userMemberships: "/users/:userID/memberships"
        case .revokeMembership: "/users/:userID/memberships/:membershipID/revoke"
        case .deactivateUser: "/users/:userID/deactivate"
        case .reactivateUser: "/users/:userID/reactivate"
        case .userPassword: "/users/:userID/password"
        case .apiTokens: "/account/api-tokens"
        case .revokeAPIToken: "/account/api-tokens/:tokenID/revoke"
        case .activities: "/activities"
        case .activitiesCSV: "/activities.csv"
        case .activity: "/activities/:activityID"
        case .newActivity: "/activities/new"
        case .activityPeople: "/activities/:activityID/people"
        case .activityMove: "/activities/:activityID/move"
        case .newDocument: "/activities/:activityID/documents/new"
        case .activityDocuments: "/activities/:activityID/documents"
        case .document: "/activities/:activityID/documents/:documentID"
        case .newDocumentVersion: "/activities/:activityID/documents/:documentID/versions/new"
        case .documentVersions: "/activities/:activityID/documents/:documentID/versions"
        case .documentSubmission: "/activities/:activityID/documents/:documentID/submit"
        case .documentNeedsAnalysis: "/activities/:activityID/documents/:documentID/needs-analysis"
        case .documentFiles: "/activities/:activityID/documents/:documentID/files"
        case .documentFile: "/activities/:activityID/documents/:documentID/files/:fileID"
        case .newDecision: "/activities/:activityID/decisions/new"
        case .activityDecisions: "/activities/:activityID/decisions"
        case .decision: "/activities/:activityID/decisions/:decisionID"
        case .activityApprovals: "/activities/:activityID/approvals"
        case .newEvidence: "/activities/:activityID/evidence/new"
        case .activityEvidence: "/activities/:activityID/evidence"
        case .evidenceItem: "/activities/:activityID/evidence/:evidenceID"
        case .evidenceRemoval: "/activities/:activityID/evidence/:evidenceID/remove"
        case .newOutcome: "/activities/:activityID/outcomes/new"
        case .activityOutcomes: "/activities/:activityID/outcomes"
        case .outcome: "/activities/:activityID/outcomes/:outcomeID"
        case .outcomeRemoval: "/activities/:activityID/outcomes/:outcomeID/remove"
        case .appraisal: "/activities/:activityID/appraisal"
        case .providers: "/providers"
        case .providersCSV: "/providers.csv"
        case .provider: "/providers/:providerID"
        case .editProvider: "/providers/:providerID/edit"
        case .agreements: "/agreements"
        case .agreementsCSV: "/agreements.csv"
        case .newAgreement: "/agreements/new"
        case .procurementActChecks: "/agreements/procurement-act"
        case .procurementActChecksCSV: "/agreements/procurement-act.csv"
        case .agreementKPIRationale: "/agreements/:agreementID/kpi-rationale"
        case .agreement: "/agreements/:agreementID"
        case .editAgreement: "/agreements/:agreementID/edit"
        case .agreementFunding: "/agreements/:agreementID/funding"
        case .agreementYearValues: "/agreements/:agreementID/values"
        case .newAgreementVariation: "/agreements/:agreementID/variations/new"
        case .agreementVariations: "/agreements/:agreementID/variations"
        case .agreementExtensions: "/agreements/:agreementID/extensions"
        case .agreementApprovals: "/agreements/:agreementID/approvals"
        case .newKPI: "/agreements/:agreementID/kpis/new"
        case .agreementKPIs: "/agreements/:agreementID/kpis"
        case .kpi: "/agreements/:agreementID/kpis/:kpiID"
        case .editKPI: "/agreements/:agreementID/kpis/:kpiID/edit"
        case .kpiRemoval: "/agreements/:agreementID/kpis/:kpiID/remove"
        case .agreementReturns: "/agreements/:agreementID/returns"
        case .measurementVerification: "/agreements/:agreementID/measurements/:measurementID/verification"
        case .measurementCorrection: "/agreements/:agreementID/measurements/:measurementID/correction"
        case .newReview: "/agreements/:agreementID/reviews/new"
        case .agreementReviews: "/agreements/:agreementID/reviews"
        case .review: "/agreements/:agreementID/reviews/:reviewID"
        case .editReview: "/agreements/:agreementID/reviews/:reviewID/edit"
        case .reviewSharing: "/agreements/:agreementID/reviews/:reviewID/share"
        case .reviewComment: "/agreements/:agreementID/reviews/:reviewID/comment"
        case .reviewFinalising: "/agreements/:agreementID/reviews/:reviewID/finalise"
        case .reviewActionDone: "/agreements/:agreementID/reviews/:reviewID/actions/:actionID/done"
        case .agreementRecommissioning: "/agreements/:agreementID/recommissioning"
        case .renewals: "/renewals"
        case .renewalsCSV: "/renewals.csv"
        case .renewalLeadTimes: "/renewals/lead-times"
        case .calendar: "/calendar"
        case .contractsRegister: "/contracts-register"
        case .contractsRegisterCSV: "/contracts-register.csv"
        case .newRegisterImport: "/contracts-register/imports/new"
        case .registerUploads: "/contracts-register/uploads"
        case .registerUpload: "/contracts-register/uploads/:registerUploadID"
        case .registerImports: "/contracts-register/imports"
        case .registerImportsCSV: "/contracts-register/imports.csv"
        case .registerImport: "/contracts-register/imports/:registerImportID"
        case .demoRegisterFile: "/contracts-register/demo-register.csv"
        case .spend: "/spend"
        case .spendCSV: "/spend.csv"
        case .newSpendImport: "/spend/imports/new"
        case .spendUploads: "/spend/uploads"
        case .spendUpload: "/spend/uploads/:uploadID"
        case .spendUploadProgress: "/spend/uploads/:uploadID/progress"
        case .spendImport: "/spend/imports/:importID"
        case .payments: "/spend/payments"
        case .paymentsCSV: "/spend/payments.csv"
        case .unmatchedSpend: "/spend/unmatched"
        case .unmatchedSpendCSV: "/spend/unmatched.csv"
        case .demoSpendFile: "/spend/demo-spend-file.csv"
        case .calendarFeed: "/calendar/:secret"
        case .rationalisation: "/rationalisation"
        case .rationalisationCSV: "/rationalisation.csv"
        case .risks: "/risks"
        case .recommendations: "/recommendations"
        case .recommendationsCSV: "/recommendations.csv"
        case .watchingBrief: "/watching-brief"
        case .recommendation: "/recommendations/:recommendationID"
        case .recommendationStatus: "/recommendations/:recommendationID/status"
        case .recommendationEvidence: "/recommendations/:recommendationID/evidence"
        case .recommendationEvidenceDecision: "/recommendations/:recommendationID/evidence/:recommendationEvidenceID/decision"
        case .recommendationComments: "/recommendations/:recommendationID/comments"
        case .recommendationRequests: "/recommendations/:recommendationID/requests"
        case .recommendationRequestAnswer: "/recommendations/:recommendationID/requests/:scrutinyRequestID/answer"
        case .auditReports: "/audit-reports"
        case .auditReportsCSV: "/audit-reports.csv"
        case .newAuditReport: "/audit-reports/new"
        case .auditReport: "/audit-reports/:auditReportID"
        case .auditReportThemes: "/audit-reports/:auditReportID/themes"
        case .auditReportRecommendations: "/audit-reports/:auditReportID/recommendations"
        case .auditReportActions: "/audit-reports/:auditReportID/actions"
        case .auditReportActionProgress: "/audit-reports/:auditReportID/actions/:recommendationActionID/progress"
        case .intentions: "/intentions"
        case .intentionsAtom: "/intentions.atom"
        case .intentionsCSV: "/intentions.csv"
        case .newIntentions: "/intentions/new"
        case .intentionsRecord: "/intentions/:intentionsID"
        case .intentionsItems: "/intentions/:intentionsID/items"
        case .intentionsAgreement: "/intentions/:intentionsID/agreement"
        case .intentionsPublication: "/intentions/:intentionsID/publication"
        case .planningCalendar: "/planning-calendar"
        case .planningCalendarStages: "/planning-calendar/:organisationID"
        case .accountability: "/accountability"
        case .accountabilityCSV: "/accountability.csv"
        case .newCommissioningArea: "/accountability/new"
        case .commissioningArea: "/accountability/:areaID"
        case .areaAssignments: "/accountability/:areaID/assignments"
        case .areaLinks: "/accountability/:areaID/links"
        case .commercialTriage: "/commercial-triage"
        case .commercialTriageCSV: "/commercial-triage.csv"
        case .commercialTriageRules: "/commercial-triage/rules"
        case .activityTriage: "/activities/:activityID/triage"
        case .engagement: "/engagement"
        case .engagementCSV: "/engagement.csv"
        case .newEngagement: "/engagement/new"
        case .engagementCoverage: "/engagement/coverage"
        case .engagementCoverageCSV: "/engagement/coverage.csv"
        case .engagementEvent: "/engagement/:engagementID"
        case .engagementParticipants: "/engagement/:engagementID/participants"
        case .engagementLinks: "/engagement/:engagementID/links"
        case .standards: "/standards"
        case .standardsCSV: "/standards.csv"
        case .newStandardsAssessment: "/standards/new"
        case .standardsAssessment: "/standards/:assessmentID"
        case .standardsRatings: "/standards/:assessmentID/ratings"
        case .skills: "/skills"
        case .boardReports: "/board-reports"
        case .boardReportsCSV: "/board-reports.csv"
        case .boardReportDraft: "/board-reports/draft"
        case .boardReportDraftWord: "/board-reports/draft.docx"
        case .boardReport: "/board-reports/:reportID"
        case .boardReportWord: "/board-reports/:reportID/report.docx"
        case .openData: "/open-data"
        case .openDataSettings: "/open-data/settings"
        case .ocdsReleases: "/ocds/releases.json"
        case .openDataGrants: "/open-data/grants.json"
        case .ocdsImports: "/open-data/imports"
        case .newOCDSImport: "/open-data/imports/new"
        case .ocdsImport: "/open-data/imports/:ocdsImportID"
        case .ocdsImportJob: "/open-data/imports/jobs/:jobID"
        case .openDataGrantsCSV: "/open-data/grants.csv"
        case .openDataContractsCSV: "/open-data/contracts.csv"
        case .ocdsReleasesAll: "/ocds/releases/all.json"
        case .ocdsRecord: "/ocds/records/:ocid"
        case .agreementPublication: "/agreements/:agreementID/publication"
        case .agreementPublicationPreview: "/agreements/:agreementID/publication/preview.json"
        case .agreementPublicationWithdrawal: "/agreements/:agreementID/publication/withdrawal"
        case .skillsSummary: "/skills/summary"
        case .skillsSummaryCSV: "/skills/summary.csv"
        case .risksCSV: "/risks.csv"
        case .newRisk: "/risks/new"
        case .risk: "/risks/:riskID"
        case .editRisk: "/risks/:riskID/edit"
        case .riskReviews: "/risks/:riskID/reviews"
        case .riskMitigations: "/risks/:riskID/mitigations"
        case .riskMitigationDone: "/risks/:riskID/mitigations/:mitigationID/done"
        case .businessCase: "/activities/:activityID/business-case"
        case .businessCaseWord: "/activities/:activityID/business-case.docx"
        case .businessCaseVersions: "/activities/:activityID/business-case/versions"
        case .appraisalWeights: "/activities/:activityID/appraisal/weights"
        case .appraisalCriteria: "/activities/:activityID/appraisal/criteria"
        case .newAppraisalOption: "/activities/:activityID/appraisal/options/new"
        case .appraisalOptions: "/activities/:activityID/appraisal/options"
        case .appraisalScores: "/activities/:activityID/appraisal/scores"
        case .newAppraisalCashFlow: "/activities/:activityID/appraisal/options/:optionID/cash-flows/new"
        case .appraisalCashFlows: "/activities/:activityID/appraisal/options/:optionID/cash-flows"
        case .appraisalCriterion: "/activities/:activityID/appraisal/criteria/:criterionID"
        case .appraisalCriterionRemoval: "/activities/:activityID/appraisal/criteria/:criterionID/remove"
        case .appraisalOption: "/activities/:activityID/appraisal/options/:optionID"
        case .editAppraisalOption: "/activities/:activityID/appraisal/options/:optionID/edit"
        case .appraisalOptionRemoval: "/activities/:activityID/appraisal/options/:optionID/remove"
        case .commercialModel: "/activities/:activityID/appraisal/options/:optionID/commercial-model"
        case .appraisalCashFlow: "/activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID"
        case .appraisalCashFlowRemoval: "/activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID/remove"
        case .newMilestone: "/activities/:activityID/milestones/new"
        case .activityMilestones: "/activities/:activityID/milestones"
        case .milestoneDone: "/activities/:activityID/milestones/:milestoneID/done"
        case .strategies: "/strategies"
        case .strategiesCSV: "/strategies.csv"
        case .newStrategy: "/strategies/new"
        case .strategy: "/strategies/:strategyID"
        case .newStrategyEntry: "/strategies/:strategyID/entries/new"
        case .strategyEntries: "/strategies/:strategyID/entries"
        case .newStrategyOutcome: "/strategies/:strategyID/outcomes/new"
        case .strategyOutcomes: "/strategies/:strategyID/outcomes"
        case .strategyReviewDate: "/strategies/:strategyID/review-date"
        case .strategySubmission: "/strategies/:strategyID/submit"
        case .strategyApprovals: "/strategies/:strategyID/approvals"
        case .audit: "/audit"
        case .auditCSV: "/audit.csv"
        case .health: "/healthz"
        case .stylesheet: "/assets/commissioner.css"
        case .refreshScript: "/assets/refresh.js"
        }
    }

    private var values: [UUID] {
        switch self {
        case .organisation(let id), .organisationMemberships(let id), .activity(let id), .user(let id), .userMemberships(let id),
             .deactivateUser(let id), .reactivateUser(let id), .userPassword(let id), .revokeAPIToken(let id),
             .activityPeople(let id), .activityMove(let id), .newDocument(let id), .activityDocuments(let id), .newDecision(let id),
             .activityDecisions(let id), .activityApprovals(let id), .newEvidence(let id), .activityEvidence(let id), .newOutcome(let id),
             .activityOutcomes(let id), .newMilestone(let id), .activityMilestones(let id), .strategy(let id), .newStrategyEntry(let id),
             .strategyEntries(let id), .newStrategyOutcome(let id), .strategyOutcomes(let id), .strategyReviewDate(let id),
             .strategySubmission(let id), .strategyApprovals(let id), .appraisal(let id), .appraisalWeights(let id), .appraisalCriteria(let id),
             .newAppraisalOption(let id), .appraisalOptions(let id), .appraisalScores(let id), .businessCase(let id), .businessCaseWord(let id),
             .businessCaseVersions(let id), .provider(let id), .editProvider(let id), .agreement(let id), .editAgreement(let id),
             .agreementFunding(let id), .agreementYearValues(let id), .newAgreementVariation(let id), .agreementVariations(let id),
             .agreementExtensions(let id), .agreementApprovals(let id), .newKPI(let id), .agreementKPIs(let id), .agreementReturns(let id), .newReview(let id), .agreementReviews(let id),
             .agreementRecommissioning(let id), .risk(let id), .editRisk(let id), .riskReviews(let id), .riskMitigations(let id),
             .recommendation(let id), .recommendationStatus(let id), .recommendationEvidence(let id), .recommendationComments(let id),
             .recommendationRequests(let id), .auditReport(let id), .auditReportThemes(let id), .auditReportRecommendations(let id),
             .auditReportActions(let id), .intentionsRecord(let id), .intentionsItems(let id), .intentionsAgreement(let id),
             .intentionsPublication(let id), .planningCalendarStages(let id), .commissioningArea(let id), .areaAssignments(let id), .areaLinks(let id), .activityTriage(let id), .engagementEvent(let id), .engagementParticipants(let id), .engagementLinks(let id), .standardsAssessment(let id), .standardsRatings(let id),
             .boardReport(let id), .boardReportWord(let id),
             .agreementPublication(let id), .agreementPublicationPreview(let id), .agreementPublicationWithdrawal(let id), .agreementKPIRationale(let id), .ocdsImport(let id), .ocdsImportJob(let id),
             .spendUpload(let id), .spendUploadProgress(let id), .spendImport(let id), .registerUpload(let id), .registerImport(let id):
            [id]
        case .riskMitigationDone(let risk, let mitigation): [risk, mitigation]
        case .recommendationEvidenceDecision(let recommendation, let evidence): [recommendation, evidence]
        case .recommendationRequestAnswer(let recommendation, let request): [recommendation, request]
        case .auditReportActionProgress(let report, let action): [report, action]
        case .reviewActionDone(let agreement, let review, let action): [agreement, review, action]
        case .kpi(let agreement, let kpi), .editKPI(let agreement, let kpi), .kpiRemoval(let agreement, let kpi): [agreement, kpi]
        case .measurementVerification(let agreement, let measurement), .measurementCorrection(let agreement, let measurement): [agreement, measurement]
        case .review(let agreement, let review), .editReview(let agreement, let review), .reviewSharing(let agreement, let review),
             .reviewComment(let agreement, let review), .reviewFinalising(let agreement, let review): [agreement, review]
        case .revokeMembership(let user, let membership): [user, membership]
        case .document(let activity, let document), .newDocumentVersion(let activity, let document), .documentVersions(let activity, let document),
             .documentSubmission(let activity, let document), .documentNeedsAnalysis(let activity, let document),
             .documentFiles(let activity, let document):
            [activity, document]
        case .documentFile(let activity, let document, let file): [activity, document, file]
        case .decision(let activity, let decision): [activity, decision]
        case .milestoneDone(let activity, let milestone): [activity, milestone]
        case .newAppraisalCashFlow(let activity, let option), .appraisalCashFlows(let activity, let option), .appraisalOption(let activity, let option),
             .editAppraisalOption(let activity, let option), .appraisalOptionRemoval(let activity, let option), .commercialModel(let activity, let option):
            [activity, option]
        case .appraisalCriterion(let activity, let criterion), .appraisalCriterionRemoval(let activity, let criterion): [activity, criterion]
        case .appraisalCashFlow(let activity, let option, let flow), .appraisalCashFlowRemoval(let activity, let option, let flow): [activity, option, flow]
        case .evidenceItem(let activity, let evidence), .evidenceRemoval(let activity, let evidence): [activity, evidence]
        case .outcome(let activity, let outcome), .outcomeRemoval(let activity, let outcome): [activity, outcome]
        default: []
        }
    }

    /// The path to link to.
    public var path: String {
        let values = values
        if values.isEmpty { return template }
        var remaining = values.makeIterator()
        return "/" + template.split(separator: "/").map { segment in
            segment.hasPrefix(":") ? (remaining.next()?.uuidString.lowercased() ?? String(segment)) : String(segment)
        }.joined(separator: "/")
    }

    /// The path with a query string; empty values are left out.
    public func path(query: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems = query.compactMap { name, value in
            guard let value, !value.isEmpty else { return nil }
            return URLQueryItem(name: name, value: value)
        }
        let queryString = components.percentEncodedQuery ?? ""
        return queryString.isEmpty ? path : path + "?" + queryString
    }

    public var pathComponents: [PathComponent] { template.pathComponents }

    /// An identifier that stands for any value when only the template matters.
    public static let any = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
}
