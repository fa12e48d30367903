import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The provider directory in the browser: the list (filtered, paged, CSV), each provider's entry, and changing it.
struct ProvidersController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .providers, access: .commissioningReader, use: list)
        routes.on(.GET, .providersCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .provider(SiteRoute.any), access: .signedIn, use: show)
        routes.on(.GET, .editProvider(SiteRoute.any), access: .commissioningReader, use: edit)
        routes.on(.POST, .editProvider(SiteRoute.any), access: .commissioningReader, use: change)
    }

    static func filter(_ fields: TextFields) -> ProviderQueries.Filter {
        ProviderQueries.Filter(nameContains: fields["name"], sector: fields["sector"].flatMap(ProviderSector.init(rawValue:)),
                               size: fields["size"].flatMap(ProviderSize.init(rawValue:)),
                               approvedList: fields["approvedList"].flatMap(ApprovedListStatus.init(rawValue:)))
    }

    @Sendable func list(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let paging = Paging(fields)
        let result = try await ProviderQueries.page(Self.filter(fields), page: paging.page, per: paging.per, on: req.db)
        return ProviderListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let fields = req.queryFields()
        var table = CSVTable(headers: ["id", "name", "sector", "size", "sme", "company_number", "charity_number", "address", "approved_list"])
        let rows = try await Paging.everyRow { page, per in try await ProviderQueries.page(Self.filter(fields), page: page, per: per, on: req.db).rows }
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.name, row.sector?.rawValue ?? "", row.size?.rawValue ?? "",
             row.size.map { $0.isSME ? "yes" : "no" } ?? "", row.companyNumber, row.charityNumber, row.address, row.approvedList.rawValue]
        }
        return table.response(filename: "providers.csv")
    }

    /// The provider in the path, for someone who may see its entry.
    static func visibleProvider(_ req: Request) async throws -> (Organisation, ProviderProfile?) {
        let user = try req.requireUser()
        guard let id = req.parameters.get("providerID", as: UUID.self), ProviderAuthoring.maySee(user, provider: id),
              let found = try await ProviderQueries.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "There is no provider with this identifier that you can see.")
        }
        return found
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (organisation, profile) = try await Self.visibleProvider(req)
        let partnerships = try await ProviderQueries.partnerships(on: req.db)
        let names = (profile?.partnershipIDs ?? []).compactMap { id in partnerships.first { $0.id == id }?.name }
        return ProviderPage(organisation: organisation, profile: profile, partnershipNames: names, canEdit: ProviderAuthoring.mayEdit(try req.requireUser()))
            .render(req.pageContext)
    }

    @Sendable func edit(req: Request) async throws -> HTML {
        let (organisation, profile) = try await Self.visibleProvider(req)
        guard ProviderAuthoring.mayEdit(try req.requireUser()) else { throw Abort(.forbidden, reason: "You may read the provider directory but not change it.") }
        return ProviderFormPage(organisation: organisation, partnerships: try await ProviderQueries.partnerships(on: req.db),
                                fields: ProviderFormPage.fields(of: profile), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let (organisation, profile) = try await Self.visibleProvider(req)
        guard ProviderAuthoring.mayEdit(try req.requireUser()) else { throw Abort(.forbidden, reason: "You may read the provider directory but not change it.") }
        let partnerships = try await ProviderQueries.partnerships(on: req.db)
        let fields = try req.formFields()
        do {
            _ = try await ProviderAuthoring.setProfile(.init(form: fields, partnerships: partnerships), provider: organisation, existing: profile,
                                                       partnerships: partnerships, user: try req.requireUser(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.provider(try organisation.requireID()).path)
        } catch let failure as ValidationFailure {
            return ProviderFormPage(organisation: organisation, partnerships: partnerships, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }
}

extension API {
    struct ProviderView: Content {
        var id: UUID
        var name: String
        /// public | private | vcse; null until recorded.
        var sector: String?
        /// micro | small | medium | large; null until recorded.
        var size: String?
        var companyNumber: String
        var charityNumber: String
        var address: String
        var approvedList: String
        var partnershipIds: [UUID]

        init(_ row: ProviderQueries.Row) {
            id = row.id
            name = row.name
            sector = row.sector?.rawValue
            size = row.size?.rawValue
            companyNumber = row.companyNumber
            charityNumber = row.charityNumber
            address = row.address
            approvedList = row.approvedList.rawValue
            partnershipIds = row.partnershipIDs
        }

        init(_ organisation: CommissionerPersistence.Organisation, _ profile: ProviderProfile?) {
            id = organisation.id!
            name = organisation.name
            sector = profile?.sector?.rawValue
            size = profile?.size?.rawValue
            companyNumber = profile?.companyNumber ?? ""
            charityNumber = profile?.charityNumber ?? ""
            address = profile?.address ?? ""
            approvedList = (profile?.approvedList ?? .notApplied).rawValue
            partnershipIds = profile?.partnershipIDs ?? []
        }
    }

    struct ProviderList: Content {
        var items: [ProviderView]
        var total: Int
        var page: Int
        var per: Int
    }

    struct ProviderChange: Content {
        var sector: String?
        var size: String?
        var companyNumber: String?
        var charityNumber: String?
        var address: String?
        var approvedList: String?
        var partnershipIds: [String]?
    }

    /// The provider directory: listed (filtered, paged), read and changed.
    struct ProvidersController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .providers, access: .commissioningReader, use: list)
            routes.on(.GET, api: .provider, access: .signedIn, use: show)
            routes.on(.PUT, api: .provider, access: .commissioningReader, use: change)
        }

        @Sendable func list(req: Request) async throws -> ProviderList {
            let fields = req.queryFields()
            for (name, valid) in [("sector", ProviderSector.allCases.map(\.rawValue)), ("size", ProviderSize.allCases.map(\.rawValue)),
                                  ("approvedList", ApprovedListStatus.allCases.map(\.rawValue))] {
                if let value = fields[name], !valid.contains(value) { throw ValidationFailure(field: name, "\(name) must be one of \(valid.joined(separator: ", "))") }
            }
            let paging = Paging(fields)
            let result = try await ProviderQueries.page(CommissionerWeb.ProvidersController.filter(fields), page: paging.page, per: paging.per, on: req.db)
            return ProviderList(items: result.rows.map(ProviderView.init), total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func show(req: Request) async throws -> ProviderView {
            let (organisation, profile) = try await CommissionerWeb.ProvidersController.visibleProvider(req)
            return ProviderView(organisation, profile)
        }

        @Sendable func change(req: Request) async throws -> ProviderView {
            let (organisation, profile) = try await CommissionerWeb.ProvidersController.visibleProvider(req)
            guard ProviderAuthoring.mayEdit(try req.requireUser()) else { throw Abort(.forbidden, reason: "You may read the provider directory but not change it.") }
            let body = try req.content.decode(ProviderChange.self)
            let saved = try await ProviderAuthoring.setProfile(
                .init(sector: body.sector, size: body.size, companyNumber: body.companyNumber, charityNumber: body.charityNumber, address: body.address,
                      approvedList: body.approvedList, partnershipIDs: body.partnershipIds ?? []),
                provider: organisation, existing: profile, partnerships: try await ProviderQueries.partnerships(on: req.db), user: try req.requireUser(),
                with: req.recordWriter)
            return ProviderView(organisation, saved)
        }
    }
}
