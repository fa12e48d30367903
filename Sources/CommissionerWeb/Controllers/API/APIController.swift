import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct Controller {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .me, access: .signedIn, use: me)
            routes.on(.GET, api: .organisations, access: .signedIn, use: organisations)
            routes.on(.GET, api: .openAPI, access: .anyone, use: openAPI)
        }

        @Sendable func me(req: Request) async throws -> Me {
            let user = try req.requireUser()
            return Me(id: user.id, email: user.email, displayName: user.displayName, memberships: user.memberships.map {
                Membership(organisationId: $0.organisationID, organisationName: $0.organisationName,
                           organisationKind: $0.organisationKind.identifier, role: $0.role.identifier)
            })
        }

        @Sendable func organisations(req: Request) async throws -> List<Organisation> {
            let user = try req.requireUser()
            let fields = req.queryFields()
            var kind: OrganisationKind?
            if let text = fields["kind"] {
                guard let parsed = OrganisationKind(rawValue: text) else {
                    throw ValidationFailure(field: "kind", "kind must be one of: " + OrganisationKind.allCases.map(\.identifier).joined(separator: ", "), status: .badRequest)
                }
                kind = parsed
            }
            let paging = Paging(fields)
            let result = try await OrganisationQueries.page(
                .init(nameContains: fields["name"], kind: kind, limitedTo: user.seesAllOrganisations ? nil : user.organisationIDs),
                page: paging.page, per: paging.per, on: req.db)
            return List(items: try result.items.map {
                Organisation(id: try $0.requireID(), name: $0.name, kind: $0.kind.identifier, parentId: $0.$parent.id)
            }, total: result.metadata.total, page: paging.page, per: paging.per)
        }

        @Sendable func openAPI(req: Request) async throws -> Response {
            let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
            response.headers.contentType = .json
            return response
        }
    }
}
