import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The rationalisation view in the browser, and its three tables as CSV.
struct RationalisationController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .rationalisation, access: .commissioningReader, use: show)
        routes.on(.GET, .rationalisationCSV, access: .commissioningReader, use: csv)
    }

    static func filter(_ fields: TextFields) throws -> RationalisationQueries.Filter {
        var errors = FieldErrors()
        var filter = RationalisationQueries.Filter(serviceCategory: fields["serviceCategory"])
        if let text = fields["organisationId"] {
            if let id = UUID(uuidString: text) { filter.organisationID = id } else { errors.add("organisationId", "organisationId must be an organisation's identifier") }
        }
        if let text = fields["minimumAgreements"] {
            if let number = Int(text), (1...1_000).contains(number) { filter.minimumAgreements = number }
            else { errors.add("minimumAgreements", "minimumAgreements must be a whole number from 1 to 1000") }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    struct Evidence {
        var providers: [RationalisationQueries.ProviderLoad]
        var overlaps: [RationalisationQueries.Overlap]
        var areas: [RationalisationQueries.Area]
    }

    static func evidence(_ req: Request, _ filter: RationalisationQueries.Filter) async throws -> Evidence {
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        return Evidence(providers: try await RationalisationQueries.providers(filter, viewer: viewer, on: req.db),
                        overlaps: try await RationalisationQueries.overlaps(filter, viewer: viewer, on: req.db),
                        areas: try await RationalisationQueries.areas(filter, viewer: viewer, on: req.db))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let fields = req.queryFields()
        var errors = FieldErrors()
        var filter = RationalisationQueries.Filter()
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let evidence = try await Self.evidence(req, filter)
        let organisations = try await req.commissioningOrganisationChoices()
        return RationalisationPage(fields: fields, filter: filter, providers: evidence.providers, overlaps: evidence.overlaps, areas: evidence.areas,
                                   organisations: organisations, errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let filter = try Self.filter(fields)
        let evidence = try await Self.evidence(req, filter)
        switch fields["table"] ?? "overlaps" {
        case "overlaps":
            var table = CSVTable(headers: ["provider_id", "provider", "service_category", "first_id", "first_reference", "first_title", "first_start", "first_end",
                                           "second_id", "second_reference", "second_title", "second_start", "second_end", "overlap_start", "overlap_end"])
            table.rows = evidence.overlaps.map { o in
                [o.providerID.uuidString.lowercased(), o.providerName, o.serviceCategory, o.first.id.uuidString.lowercased(), o.first.reference, o.first.title,
                 o.first.start.description, o.first.end.description, o.second.id.uuidString.lowercased(), o.second.reference, o.second.title,
                 o.second.start.description, o.second.end.description, o.overlapStart.description, o.overlapEnd.description]
            }
            return table.response(filename: "overlapping-agreements.csv")
        case "providers":
            var table = CSVTable(headers: ["provider_id", "provider", "agreements", "annual_value", "service_categories"])
            table.rows = evidence.providers.map { [$0.providerID.uuidString.lowercased(), $0.name, String($0.agreements), Money.decimal(pence: $0.annualValuePence),
                                                   $0.serviceCategories.joined(separator: "; ")] }
            return table.response(filename: "providers-with-many-agreements.csv")
        case "areas":
            var table = CSVTable(headers: ["service_category", "agreements", "providers", "annual_value", "total_value"])
            table.rows = evidence.areas.map { [$0.serviceCategory, String($0.agreements), String($0.providers), Money.decimal(pence: $0.annualValuePence),
                                               Money.decimal(pence: $0.totalValuePence)] }
            return table.response(filename: "agreements-by-area.csv")
        default:
            throw ValidationFailure(field: "table", "table must be one of overlaps, providers, areas")
        }
    }
}
