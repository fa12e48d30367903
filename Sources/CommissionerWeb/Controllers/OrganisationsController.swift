import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

struct OrganisationsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .organisations, access: .signedIn, use: list)
        routes.on(.GET, .organisationsCSV, access: .signedIn, use: csv)
        routes.on(.GET, .newOrganisation, access: .administrator, use: new)
        routes.on(.POST, .organisations, access: .administrator, use: create)
        routes.on(.GET, .organisation(SiteRoute.any), access: .signedIn, use: show)
        routes.on(.POST, .organisationMemberships(SiteRoute.any), access: .administrator, use: grant)
    }

    private func filter(_ req: Request) -> OrganisationQueries.Filter {
        let fields = req.queryFields()
        let user = req.currentUser
        return OrganisationQueries.Filter(
            nameContains: fields["name"], kind: fields["kind"].flatMap(OrganisationKind.init(rawValue:)),
            limitedTo: user?.seesAllOrganisations == true ? nil : user?.organisationIDs ?? [])
    }

    @Sendable func list(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let paging = Paging(fields)
        let result = try await OrganisationQueries.page(filter(req), page: paging.page, per: paging.per, on: req.db)
        return OrganisationListPage(
            nameContains: fields["name"], kind: fields["kind"],
            rows: try result.items.map { .init(id: try $0.requireID(), name: $0.name, kind: $0.kind.title, parent: $0.parent?.name) },
            page: paging.page, per: paging.per, total: result.metadata.total,
            canCreate: try req.requireUser().isAdministrator
        ).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        var table = CSVTable(headers: ["id", "name", "kind", "parent_id", "parent_name"])
        var page = 1
        while true {
            let result = try await OrganisationQueries.page(filter(req), page: page, per: 500, on: req.db)
            table.rows += try result.items.map {
                [try $0.requireID().uuidString.lowercased(), $0.name, $0.kind.identifier,
                 $0.$parent.id?.uuidString.lowercased() ?? "", $0.parent?.name ?? ""]
            }
            if result.items.count < 500 { break }
            page += 1
        }
        return table.response(filename: "organisations.csv")
    }

    private func newPage(_ req: Request, fields: TextFields = TextFields([:]), errors: FieldErrors = FieldErrors()) async throws -> NewOrganisationPage {
        NewOrganisationPage(
            name: fields["name"], kind: fields["kind"], parentID: fields["parentID"],
            possibleParents: try await OrganisationQueries.possibleParents(on: req.db).map { (try $0.requireID().uuidString.lowercased(), $0.name) },
            errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try await newPage(req).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let organisation = try await Administration.createOrganisation(
                name: fields["name"], kind: fields["kind"], parentID: fields["parentID"], with: req.recordWriter)
            return req.redirect(to: SiteRoute.organisation(try organisation.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    /// Found, and visible to this user; otherwise not found (a person outside it does not learn it exists).
    private func organisation(_ req: Request) async throws -> Organisation {
        guard let id = req.parameters.get("organisationID", as: UUID.self),
              let organisation = try await Organisation.find(id, on: req.db),
              try req.requireUser().canSee(organisation: id)
        else { throw Abort(.notFound, reason: "There is no organisation at this address that you can see.") }
        return organisation
    }

    private func page(_ req: Request, for organisation: Organisation, fields: TextFields = TextFields([:]),
                      errors: FieldErrors = FieldErrors()) async throws -> OrganisationPage {
        let id = try organisation.requireID()
        let user = try req.requireUser()
        let parent = try await organisation.$parent.get(on: req.db)
        let members = try await UserQueries.members(of: id, on: req.db)
        var grantable: [(id: UUID, name: String)]?
        if user.isAdministrator {
            grantable = try await UserQueries.all(on: req.db).filter(\.isActive).map { (try $0.requireID(), "\($0.displayName) (\($0.email))") }
        }
        return OrganisationPage(
            id: id, name: organisation.name, kind: organisation.kind,
            parent: try parent.map { (try $0.requireID(), $0.name) },
            departments: try await OrganisationQueries.departments(of: id, on: req.db).map { (try $0.requireID(), $0.name) },
            members: try members.map { .init(userID: try $0.user.requireID(), name: $0.user.displayName, email: $0.user.email, role: $0.role, isActive: $0.user.isActive) },
            grantableUsers: grantable, selectedUser: fields["userID"], selectedRole: fields["role"], errors: errors)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        try await page(req, for: try await organisation(req)).render(req.pageContext)
    }

    @Sendable func grant(req: Request) async throws -> Response {
        let organisation = try await organisation(req)
        let fields = try req.formFields()
        do {
            guard let userID = fields["userID"].flatMap(UUID.init(uuidString:)), let user = try await User.find(userID, on: req.db) else {
                throw ValidationFailure(field: "userID", "Choose a person")
            }
            _ = try await Administration.grant(role: fields["role"], organisationID: try organisation.requireID().uuidString,
                                               to: user, grantedBy: try req.requireUser(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.organisation(try organisation.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await page(req, for: organisation, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }
}
