import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The OCDS publication as JSON: release packages of published agreements (a page, or all of them
/// streamed a batch at a time, so memory does not grow with their number) and record packages.
enum OCDSPublication {
    /// Agreements read at once while streaming.
    static let batchSize = 200

    struct Context: Sendable {
        var publisher: OCDSPublisher
        var base: String
        var today: CalendarDay
        var publishedDate: String

        var policy: String { base + SiteRoute.openData.path }
    }

    static func context(_ req: Request) async throws -> Context {
        Context(publisher: try await OpenDataSettings.publisher(on: req.db), base: req.publicBaseURL, today: req.today,
                publishedDate: AuditChain.timestamp(req.application.clock.now()))
    }

    static func releases(of ids: [UUID], context: Context, on database: any Database) async throws -> [JSONObject] {
        try await OCDSProcessAssembly.processes(ids, on: database).flatMap {
            OCDSReleases.releases($0, publisher: context.publisher, today: context.today)
        }
    }

    /// Everything of a package but the list, with the list's opening: `"…","releases":[`.
    static func opening(_ head: JSONObject, list: String) -> String {
        var text = JSONWriter.text(.object(head))
        text.removeLast()
        return text + ",\"\(list)\":["
    }

    static func releasePackage(releases: [JSONObject], uri: String, links: JSONObject?, context: Context) -> String {
        var head = context.publisher.packageHead(uri: uri, publishedDate: context.publishedDate, policy: context.policy)
        if let links { head["links"] = .object(links) }
        head["releases"] = .array(releases.map(JSONValue.object))
        return JSONWriter.text(.object(head))
    }

    /// The record package of one published agreement, or nil when it is not published.
    static func recordPackage(agreementID: UUID, versioned: Bool, uri: String, context: Context, on database: any Database) async throws -> String? {
        guard try await OCDSPublicationQueries.isPublished(agreementID, on: database) else { return nil }
        let releases = try await self.releases(of: [agreementID], context: context, on: database).map(JSONValue.object)
        let ocid = context.publisher.ocid(agreementID: agreementID.uuidString.lowercased())
        var merge = OCDSMerge(rules: try OCDSMergeRules.bundled())
        var record = JSONObject([("ocid", .string(ocid)), ("releases", .array(releases))])
        record["compiledRelease"] = try merge.compiledRelease(releases)
        if versioned { record["versionedRelease"] = try merge.versionedRelease(releases) }
        var head = context.publisher.packageHead(uri: uri, publishedDate: context.publishedDate, policy: context.policy)
        head["records"] = .array([.object(record)])
        return JSONWriter.text(.object(head))
    }

    /// Every published agreement's releases in one release package, written a batch at a time.
    static func streamAll(uri: String, context: Context, database: any Database, to write: (String) async throws -> Void) async throws {
        let head = context.publisher.packageHead(uri: uri, publishedDate: context.publishedDate, policy: context.policy)
        try await write(opening(head, list: "releases"))
        var after: UUID?
        var first = true
        while true {
            let ids = try await OCDSPublicationQueries.ids(after: after, limit: batchSize, on: database)
            guard let last = ids.last else { break }
            var chunk = ""
            for release in try await releases(of: ids, context: context, on: database) {
                if !first { chunk += "," }
                first = false
                JSONWriter.write(.object(release), to: &chunk)
            }
            try await write(chunk)
            after = last
        }
        try await write("]}\n")
    }

    /// The grants of these agreements in 360Giving's form.
    static func grants(of ids: [UUID], context: Context, on database: any Database) async throws -> [JSONObject] {
        try await OCDSProcessAssembly.processes(ids, on: database).map {
            ThreeSixtyGiving.grant($0, prefix: context.publisher.grantPrefix, dataSource: context.base + SiteRoute.openDataGrants.path)
        }
    }

    /// Every published grant in 360Giving's form, read a batch at a time.
    static func publishedGrants(context: Context, on database: any Database) async throws -> [JSONObject] {
        var grants: [JSONObject] = []
        var after: UUID?
        while let ids = Optional(try await OCDSPublicationQueries.ids(after: after, limit: batchSize, grants: true, on: database)), let last = ids.last {
            grants += try await self.grants(of: ids, context: context, on: database)
            after = last
        }
        return grants
    }

    /// The 360Giving package of every published grant.
    static func grantPackage(context: Context, on database: any Database) async throws -> String {
        let dataSource = context.base + SiteRoute.openDataGrants.path
        let package = JSONObject([
            ("grants", .array(try await publishedGrants(context: context, on: database).map(JSONValue.object))), ("version", .string(ThreeSixtyGiving.version)),
            ("title", .string("Grants" + (context.publisher.name.isEmpty ? "" : " from \(context.publisher.name)"))),
            ("modified", .string(context.publishedDate)), ("publisher", .object(JSONObject([("name", .string(context.publisher.name))]))),
            ("accessURL", .string(context.policy)), ("downloadURL", .string(dataSource)), ("license", .string(context.publisher.licenceURL)),
        ])
        return JSONWriter.text(.object(package))
    }

    /// The Transparency Code's contracts register of the published contracts over £5,000, read a batch at a time.
    static func contractsRegister(context: Context, on database: any Database) async throws -> CSVTable {
        var table = CSVTable(headers: ContractsRegisterController.csvHeaders)
        var after: UUID?
        func yesNo(_ values: [Bool?]) -> String { values.map { $0.map { $0 ? "Yes" : "No" } ?? "" }.joined(separator: "; ") }
        while let ids = Optional(try await OCDSPublicationQueries.ids(after: after, limit: batchSize, on: database)), let last = ids.last {
            for process in try await OCDSProcessAssembly.processes(ids, on: database)
            where process.currentTotalPence > ContractsRegisterQueries.publicationThresholdPence {
                let withheld = process.withheld
                let suppliers = withheld.contains(.suppliers) ? [] : process.suppliers
                func money(_ pence: Int) -> String { withheld.contains(.value) ? "" : Money.decimal(pence: pence) }
                let review = ReviewSchedule.reviews(start: process.start, end: process.end, newService: process.newService).first { $0.due >= context.today }?.due
                table.rows.append([
                    process.reference, process.title, process.buyer.name, withheld.contains(.description) ? "" : process.description,
                    suppliers.map(\.name).joined(separator: "; "), suppliers.map(\.companyNumber).joined(separator: "; "),
                    suppliers.map(\.charityNumber).joined(separator: "; "), money(process.currentTotalPence), money(process.annualValuePence),
                    money(process.irrecoverableVATPence), process.start.description, process.end.description, review?.description ?? "",
                    process.procurementRoute?.title ?? "", yesNo(suppliers.map { $0.size?.isSME }), yesNo(suppliers.map { $0.sector.map { $0 == .vcse } }),
                ])
            }
            after = last
        }
        return table
    }

    static func json(_ text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = .json
        return response
    }
}

/// Links to a record package (its `ocid` is text, not an identifier the site's routes carry).
enum OCDSLinks {
    static func record(_ ocid: String, versioned: Bool = false) -> String {
        "/ocds/records/\(ocid).json" + (versioned ? "?versioned=true" : "")
    }
}
