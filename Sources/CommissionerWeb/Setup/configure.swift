import CommissionerPersistence
import Fluent
import Vapor

/// Sets up the server: database, password hashing, middleware and every route. Tests call it with
/// their own settings and clock.
public func configure(_ app: Application, settings: AppSettings, clock: Clock = .system) async throws {
    app.settings = settings
    app.spendImportJobs = SpendImportJobs()
    app.renewalTimelines = RenewalTimelineCache()
    app.clock = clock
    app.databases.use(try settings.database.configurationFactory(connectionsPerThread: settings.connectionsPerThread, connectionWaitSeconds: settings.connectionWaitSeconds), as: DatabaseID(string: "commissioner"), isDefault: true)
    app.migrations.add(Migrations.all)
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.http.server.configuration.serverName = nil

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(CommissionerErrorMiddleware())
    try routes(app)
}

func routes(_ app: Application) throws {
    Stylesheet.register(on: app)
    HealthController().register(on: app)

    let api = app.grouped(APITokenAuthenticator())
    API.Controller().register(on: api)
    API.ActivitiesController().register(on: api)
    API.ActivityRecordsController().register(on: api)
    API.StrategiesController().register(on: api)
    API.AppraisalController().register(on: api)
    API.ProvidersController().register(on: api)
    API.AgreementsController().register(on: api)
    API.KPIsController().register(on: api)
    API.ReviewsController().register(on: api)
    API.RenewalsController().register(on: api)
    API.RisksController().register(on: api)
    API.RecommendationsController().register(on: api)
    API.AuditReportsController().register(on: api)
    API.IntentionsController().register(on: api)
    API.AccountabilityController().register(on: api)
    API.CommercialTriageController().register(on: api)
    API.EngagementController().register(on: api)
    API.StandardsController().register(on: api)
    API.BoardReportsController().register(on: api)
    API.SkillsController().register(on: api)
    API.RationalisationController().register(on: api)
    API.ContractsRegisterController().register(on: api)
    API.SpendController().register(on: api)

    let site = app.grouped(SessionAuthenticator(), CSRFProtection())
    SignInController().register(on: site)
    HomeController().register(on: site)
    OrganisationsController().register(on: site)
    UsersController().register(on: site)
    APITokensController().register(on: site)
    ActivitiesController().register(on: site)
    DocumentsController().register(on: site)
    DecisionsController().register(on: site)
    EvidenceController().register(on: site)
    StrategiesController().register(on: site)
    AppraisalController().register(on: site)
    AppraisalOptionController().register(on: site)
    BusinessCaseController().register(on: site)
    ProvidersController().register(on: site)
    AgreementsController().register(on: site)
    KPIsController().register(on: site)
    ReviewsController().register(on: site)
    RenewalsController().register(on: site)
    RisksController().register(on: site)
    RecommendationsController().register(on: site)
    AuditReportsController().register(on: site)
    IntentionsController().register(on: site)
    AccountabilityController().register(on: site)
    CommercialTriageController().register(on: site)
    EngagementController().register(on: site)
    StandardsController().register(on: site)
    BoardReportsController().register(on: site)
    OpenDataController().register(on: site)
    ProcurementActController().register(on: site)
    SkillsController().register(on: site)
    RationalisationController().register(on: site)
    CalendarController().register(on: site)
    ContractsRegisterController().register(on: site)
    RegisterImportsController().register(on: site)
    SpendController().register(on: site)
    AuditController().register(on: site)
}
