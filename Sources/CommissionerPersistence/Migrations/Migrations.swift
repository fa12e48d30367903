import FluentKit

/// Every migration, once, in the order it runs. Append only: a migration that has landed is never edited.
public enum Migrations {
    public static let all: [any AsyncMigration] = [
        CreateOrganisation(),
        CreateUser(),
        CreateMembership(),
        CreateUserSession(),
        CreateSignInAttempt(),
        CreateAPIToken(),
        CreateWorkspaceSetting(),
        CreateAuditTrail(),
        CreateCommissioningActivity(),
        CreateCycleRecords(),
        AddGateSummary(),
        CreateAppraisals(),
        AddDecisionAppraisal(),
        CreateAppraisalOptionOutcomes(),
        AddAppraisalRevision(),
        CreateCommercialModels(),
        CreateProviderProfiles(),
        CreateAgreements(),
        CreateKPIs(),
        CreateContractReviews(),
        AddRenewalActivity(),
        CreateRiskRegisters(),
        CreateCalendarFeeds(),
        AddContractsRegisterFields(),
        CreateSpendRecords(),
        CreateRegisterImports(),
        AddAgreementListIndexes(),
        AddAgreementTextSearch(),
        AddAgreementChangeCounter(),
        CreateAuditRecommendations(),
        CreateScrutinyRequests(),
        CreateCommissioningIntentions(),
    ]
}
