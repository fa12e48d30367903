import CommissionerPersistence
import Fluent
import Vapor

struct AuditController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .audit, access: .auditReader, use: list)
        routes.on(.GET, .auditCSV, access: .auditReader, use: csv)
    }

    /// The filter from the query, or the problems with it.
    private func filter(_ fields: TextFields) -> (AuditTrail.Filter, FieldErrors) {
        var errors = FieldErrors()
        var filter = AuditTrail.Filter(recordType: fields["recordType"], recordID: fields["recordID"]?.lowercased())
        if let text = fields["userID"] {
            if let id = UUID(uuidString: text) { filter.actorUserID = id } else { errors.add("userID", "Choose a person from the list") }
        }
        if let text = fields["from"] {
            if let day = Self.day(text) { filter.from = day } else { errors.add("from", "Enter the from date as a real date, like 2026-11-01") }
        }
        if let text = fields["to"] {
            if let day = Self.day(text) { filter.before = day.addingTimeInterval(24 * 3600) } else { errors.add("to", "Enter the to date as a real date, like 2026-11-30") }
        }
        if let from = filter.from, let before = filter.before, before <= from { errors.add("to", "The to date must be the same as or after the from date") }
        return (filter, errors)
    }

    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        return formatter.date(from: text)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields, defaultPer: 50)
        let (filter, errors) = filter(fields)
        let result = errors.isEmpty
            ? try await AuditTrail.events(matching: filter, page: paging.page, per: paging.per, on: req.db)
            : Page(items: [], metadata: PageMetadata(page: 1, per: paging.per, total: 0))
        let page = AuditPage(
            recordType: fields["recordType"], recordID: fields["recordID"], userID: fields["userID"], from: fields["from"], to: fields["to"],
            recordTypes: try await AuditTrail.recordTypes(on: req.db),
            users: try await UserQueries.all(on: req.db).map { (try $0.requireID(), "\($0.displayName) (\($0.email))") },
            rows: result.items.map {
                .init(sequence: $0.sequence, occurredAt: $0.occurredAt, actor: $0.actorLabel, action: $0.action, recordType: $0.recordType,
                      recordID: $0.recordID, before: $0.before, after: $0.after, requestID: $0.requestID)
            },
            page: paging.page, per: paging.per, total: result.metadata.total, errors: errors)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let (filter, errors) = filter(req.queryFields())
        if !errors.isEmpty { throw Abort(.unprocessableEntity, reason: errors.items.map(\.message).joined(separator: "; ")) }
        var table = CSVTable(headers: ["sequence", "occurred_at", "actor_user_id", "actor", "action", "record_type", "record_id", "before", "after", "request_id", "previous_hash", "hash"])
        var page = 1
        while true {
            let result = try await AuditTrail.events(matching: filter, page: page, per: 1000, on: req.db)
            table.rows += result.items.map {
                [String($0.sequence), $0.occurredAt, $0.actorUserID?.uuidString.lowercased() ?? "", $0.actorLabel, $0.action, $0.recordType,
                 $0.recordID, $0.before ?? "", $0.after ?? "", $0.requestID ?? "", $0.previousHash, $0.hash]
            }
            if result.items.count < 1000 { break }
            page += 1
        }
        return table.response(filename: "audit-trail.csv")
    }
}
