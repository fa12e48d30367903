import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct RationalisationView: Content {
        struct ProviderLoad: Content {
            var providerId: UUID
            var name: String
            var agreements: Int
            var annualValue: MoneyText
            var serviceCategories: [String]
        }

        struct AgreementSide: Content {
            var id: UUID
            var reference: String
            var start: String
            var end: String
        }

        struct Overlap: Content {
            var providerId: UUID
            var serviceCategory: String
            var agreements: [AgreementSide]
            var overlapStart: String
            var overlapEnd: String
        }

        struct Area: Content {
            var serviceCategory: String
            var agreements: Int
            var providers: Int
            var annualValue: MoneyText
            var totalValue: MoneyText
        }

        var providers: [ProviderLoad]
        var overlaps: [Overlap]
        var areas: [Area]
    }

    /// The rationalisation evidence: providers with many agreements, overlapping agreements, and areas.
    struct RationalisationController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .rationalisation, access: .commissioningReader, use: show)
        }

        @Sendable func show(req: Request) async throws -> RationalisationView {
            let evidence = try await CommissionerWeb.RationalisationController.evidence(req, try CommissionerWeb.RationalisationController.filter(req.queryFields()))
            return RationalisationView(
                providers: evidence.providers.map { .init(providerId: $0.providerID, name: $0.name, agreements: $0.agreements,
                                                          annualValue: MoneyText(pence: $0.annualValuePence), serviceCategories: $0.serviceCategories) },
                overlaps: evidence.overlaps.map { o in
                    .init(providerId: o.providerID, serviceCategory: o.serviceCategory,
                          agreements: [o.first, o.second].map { .init(id: $0.id, reference: $0.reference, start: $0.start.description, end: $0.end.description) },
                          overlapStart: o.overlapStart.description, overlapEnd: o.overlapEnd.description)
                },
                areas: evidence.areas.map { .init(serviceCategory: $0.serviceCategory, agreements: $0.agreements, providers: $0.providers,
                                                  annualValue: MoneyText(pence: $0.annualValuePence), totalValue: MoneyText(pence: $0.totalValuePence)) })
        }
    }
}
