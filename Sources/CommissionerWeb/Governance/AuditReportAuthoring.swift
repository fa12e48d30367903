import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Recording an audit or scrutiny report with its improvement themes, recommendations and actions, and
/// the progress of each action: checked and written here for the pages and the API alike. A report
/// sent whole (by the API) is written in one transaction, or not at all.
enum AuditReportAuthoring {
    static let trimmed = ActivityAuthoring.trimmed
    static let maximumText = 20_000

    struct ReportInput: Sendable {
        var title: String?
        var authorBody: String?
        var reference: String?
        var publishedOn: String?
        var respondingOrganisationID: String?
        var scrutinyOrganisationID: String?
        var responseOn: String?
        var summary: String?
    }

    struct ThemeInput: Sendable {
        var title: String?
        var description: String?
    }

    struct RecommendationInput: Sendable {
        var code: String?
        var text: String?
        var riskOfNonImplementation: String?
        var riskProfile: String?
        var response: String?
        var agreedStatus: String?
        /// The theme's identifier (pages), or its title when the themes come in the same report (API).
        var theme: String?
        var themeNote: String?
    }

    struct ActionInput: Sendable {
        var description: String?
        var target: String?
        var responsibleOfficer: String?
        var theme: String?
    }

    /// The organisations this person may record a report for: where they lead, and the bodies those sit under.
    static func respondingChoices(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await LeadOrganisationChoices.of(user, bodiesAbove: true, departmentsBelow: false, on: database)
    }

    static func scrutinyChoices(on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await Organisation.query(on: database).filter(\.$kind == .scrutinyBody).sort(\.$name).all().map { (try $0.requireID(), $0.name) }
    }

    private static func text(_ value: String?, _ field: String, required message: String, limit: Int = maximumText, _ errors: inout FieldErrors) -> String {
        let text = trimmed(value)
        if text.isEmpty { errors.add(field, message) } else if text.count > limit { errors.add(field, "Keep it to \(limit) characters or fewer") }
        return text
    }

    private static func day(_ value: String?, _ field: String, required: String?, _ errors: inout FieldErrors) -> CalendarDay? {
        let text = trimmed(value)
        if text.isEmpty {
            if let required { errors.add(field, required) }
            return nil
        }
        guard let day = CalendarDay(text) else {
            errors.add(field, "Enter the date as YYYY-MM-DD, for example 2024-07-22")
            return nil
        }
        return day
    }

    static func mayRecord(_ user: CurrentUser) -> Bool { user.keepsRegisters }

    static func requireRecorder(_ user: CurrentUser) throws {
        guard mayRecord(user) else { throw Abort(.forbidden, reason: "Only an administrator or a commissioning lead records an audit or scrutiny report.") }
    }

    /// Records a report, with any themes, recommendations and actions sent with it, in one transaction.
    static func create(_ input: ReportInput, themes: [ThemeInput] = [], recommendations: [RecommendationInput] = [], actions: [ActionInput] = [],
                       user: CurrentUser, with writer: RecordWriter) async throws -> AuditReport {
        try requireRecorder(user)
        var errors = FieldErrors()
        let title = text(input.title, "title", required: "Enter the report's title, for example Commissioning of Services", limit: 300, &errors)
        let author = text(input.authorBody, "authorBody", required: "Say who wrote the report, for example Comptroller and Auditor General", limit: 300, &errors)
        let reference = text(input.reference, "reference", required: "Enter the report's reference, for example R.124/2024", limit: 100, &errors)
        let published = day(input.publishedOn, "publishedOn", required: "Enter the date the report was published, as YYYY-MM-DD", &errors)
        let responseOn = day(input.responseOn, "responseOn", required: nil, &errors)
        let summary = trimmed(input.summary)
        if summary.count > maximumText { errors.add("summary", "Keep it to \(maximumText) characters or fewer") }
        let db = writer.database
        let responding = UUID(uuidString: trimmed(input.respondingOrganisationID))
        if responding == nil {
            errors.add("respondingOrganisationId", "Choose the organisation the report is put to")
        } else if let responding, !(try await respondingChoices(user, on: db)).contains(where: { $0.id == responding }) {
            errors.add("respondingOrganisationId", "Choose an organisation where you are a commissioning lead, or the body above it")
        }
        let scrutiny = UUID(uuidString: trimmed(input.scrutinyOrganisationID))
        if !trimmed(input.scrutinyOrganisationID).isEmpty {
            let bodies = try await scrutinyChoices(on: db)
            if !bodies.contains(where: { $0.id == scrutiny }) { errors.add("scrutinyOrganisationId", "Choose a scrutiny body from the list, or none") }
        }
        if !reference.isEmpty, try await AuditReportQueries.referenceIsTaken(reference, on: db) {
            errors.add("reference", "A report with the reference \(reference) is already recorded")
        }
        let themeTitles = themes.map { trimmed($0.title) }
        // Each part is checked once; what was checked is what is written.
        let checkedThemes = themes.enumerated().map { index, theme in self.theme(theme, prefix: "themes[\(index)].", &errors) }
        for index in themeTitles.indices where themeTitles[..<index].contains(themeTitles[index]) {
            errors.add("themes[\(index)].title", "Two themes are called \(themeTitles[index])")
        }
        let checkedRecommendations = recommendations.enumerated().map { index, item in
            recommendation(item, prefix: "recommendations[\(index)].", themes: themeTitles, &errors)
        }
        for (index, checked) in checkedRecommendations.enumerated() where checkedRecommendations[..<index].contains(where: { $0.code == checked.code }) {
            errors.add("recommendations[\(index)].code", "Two recommendations have the code \(checked.code)")
        }
        let checkedActions = actions.enumerated().map { index, item in action(item, prefix: "actions[\(index)].", themes: themeTitles, &errors) }
        guard errors.isEmpty, let published, let responding else { throw ValidationFailure(errors) }
        return try await writer.transaction { writer in
            let report = AuditReport(title: title, authorBody: author, reference: reference, publishedOn: published, respondingOrganisationID: responding,
                                     scrutinyOrganisationID: scrutiny, responseOn: responseOn, summary: summary, createdBy: user.id)
            try await writer.create(report)
            let reportID = try report.requireID()
            var themeIDs: [String: UUID] = [:]
            for (index, checked) in checkedThemes.enumerated() {
                let created = ImprovementTheme(reportID: reportID, position: index + 1, title: checked.title, description: checked.description)
                try await writer.create(created)
                themeIDs[checked.title] = try created.requireID()
            }
            for (index, checked) in checkedRecommendations.enumerated() {
                try await writer.create(checked.model(reportID: reportID, position: index + 1, themeID: checked.theme.flatMap { themeIDs[$0] }))
            }
            for (index, checked) in checkedActions.enumerated() {
                try await writer.create(RecommendationAction(reportID: reportID, themeID: checked.theme.flatMap { themeIDs[$0] }, position: index + 1,
                                                             description: checked.description, target: checked.target, due: checked.due!,
                                                             responsibleOfficer: checked.officer))
            }
            return report
        }
    }

    private static func theme(_ input: ThemeInput, prefix: String, _ errors: inout FieldErrors) -> (title: String, description: String) {
        (text(input.title, prefix + "title", required: "Enter the theme's title", limit: 300, &errors), trimmed(input.description))
    }

    private struct CheckedRecommendation {
        var code: String, text: String, risk: String, profile: RiskProfile, response: String, agreed: AgreedStatus, theme: String?, themeNote: String

        func model(reportID: UUID, position: Int, themeID: UUID?) -> Recommendation {
            Recommendation(reportID: reportID, code: code, position: position, text: text, riskOfNonImplementation: risk, riskProfile: profile,
                           response: response, agreedStatus: agreed, themeID: themeID, themeNote: themeNote)
        }
    }

    /// `themes` are the names (API) or identifiers (pages) a recommendation's theme may take.
    private static func recommendation(_ input: RecommendationInput, prefix: String, themes: [String], _ errors: inout FieldErrors) -> CheckedRecommendation {
        let code = text(input.code, prefix + "code", required: "Enter the recommendation's code, for example R1", limit: 20, &errors)
        let body = text(input.text, prefix + "text", required: "Enter what the report recommends", &errors)
        let risk = trimmed(input.riskOfNonImplementation)
        let profile = RiskProfile(rawValue: trimmed(input.riskProfile).uppercased())
        if profile == nil { errors.add(prefix + "riskProfile", "Choose the risk profile: E (extreme), H (high), M (medium) or L (low)") }
        let response = trimmed(input.response)
        let agreed = AgreedStatus(rawValue: trimmed(input.agreedStatus))
        if agreed == nil { errors.add(prefix + "agreedStatus", "Choose the response: " + AgreedStatus.allCases.map(\.rawValue).joined(separator: ", ")) }
        let theme = themeName(input.theme)
        if let theme, !themes.contains(theme) { errors.add(prefix + "theme", "Choose one of the report's improvement themes, or none") }
        if risk.count > maximumText { errors.add(prefix + "riskOfNonImplementation", "Keep it to \(maximumText) characters or fewer") }
        if response.count > maximumText { errors.add(prefix + "response", "Keep it to \(maximumText) characters or fewer") }
        return CheckedRecommendation(code: code, text: body, risk: risk, profile: profile ?? .medium, response: response, agreed: agreed ?? .agreed,
                                     theme: theme, themeNote: trimmed(input.themeNote))
    }

    private static func action(_ input: ActionInput, prefix: String, themes: [String],
                               _ errors: inout FieldErrors) -> (description: String, target: String, due: CalendarDay?, officer: String, theme: String?) {
        let description = text(input.description, prefix + "description", required: "Say what will be done", &errors)
        let target = trimmed(input.target)
        let due = TargetDate.due(target)
        if due == nil { errors.add(prefix + "target", "Enter the target as a quarter, for example Q4 2025, or a date as YYYY-MM-DD") }
        let officer = text(input.responsibleOfficer, prefix + "responsibleOfficer", required: "Say who is responsible, by role or name", limit: 300, &errors)
        let theme = themeName(input.theme)
        if let theme, !themes.contains(theme) { errors.add(prefix + "theme", "Choose one of the report's improvement themes, or none") }
        return (description, target, due, officer, theme)
    }

    /// A theme as sent: a title, or an identifier in any case (kept in lower case, as `themeIDs` gives them).
    private static func themeName(_ text: String?) -> String? {
        let text = trimmed(text)
        if text.isEmpty { return nil }
        return UUID(uuidString: text).map { $0.uuidString.lowercased() } ?? text
    }

    /// The report's themes as a recommendation or action on a page names them: by identifier.
    private static func themeIDs(of report: AuditReport, on database: any Database) async throws -> [String] {
        try await ImprovementTheme.query(on: database).filter(\.$report.$id == report.requireID()).all().map { try $0.requireID().uuidString.lowercased() }
    }

    /// Runs `change` on the report under the write lock, then moves the report's version on, so that each addition is ordered.
    private static func adding<T: Sendable>(to report: AuditReport, access: RecommendationAccess, with writer: RecordWriter,
                                            _ change: @escaping @Sendable (RecordWriter, UUID) async throws -> T) async throws -> T {
        try access.requireKeeper()
        let id = try report.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await AuditReport.find(id, on: writer.database) else { throw Abort(.notFound) }
            let result = try await change(writer, id)
            stored.version += 1
            try await writer.update(stored)
            return result
        }
    }

    static func addTheme(_ input: ThemeInput, to report: AuditReport, access: RecommendationAccess, with writer: RecordWriter) async throws -> ImprovementTheme {
        try access.requireKeeper()
        var errors = FieldErrors()
        let checked = theme(input, prefix: "", &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await adding(to: report, access: access, with: writer) { writer, reportID in
            let existing = try await ImprovementTheme.query(on: writer.database).filter(\.$report.$id == reportID).all()
            if existing.contains(where: { $0.title == checked.title }) { throw ValidationFailure(field: "title", "The report already has a theme called \(checked.title)") }
            let created = ImprovementTheme(reportID: reportID, position: (existing.map(\.position).max() ?? 0) + 1, title: checked.title, description: checked.description)
            try await writer.create(created)
            return created
        }
    }

    static func addRecommendation(_ input: RecommendationInput, to report: AuditReport, access: RecommendationAccess,
                                  with writer: RecordWriter) async throws -> Recommendation {
        try access.requireKeeper()
        var errors = FieldErrors()
        let checked = recommendation(input, prefix: "", themes: try await themeIDs(of: report, on: writer.database), &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await adding(to: report, access: access, with: writer) { writer, reportID in
            let existing = try await Recommendation.query(on: writer.database).filter(\.$report.$id == reportID).all()
            if existing.contains(where: { $0.code == checked.code }) {
                throw ValidationFailure(field: "code", "The report already has a recommendation \(checked.code)")
            }
            let created = checked.model(reportID: reportID, position: (existing.map(\.position).max() ?? 0) + 1, themeID: checked.theme.flatMap(UUID.init(uuidString:)))
            try await writer.create(created)
            return created
        }
    }

    static func addAction(_ input: ActionInput, to report: AuditReport, access: RecommendationAccess, with writer: RecordWriter) async throws -> RecommendationAction {
        try access.requireKeeper()
        var errors = FieldErrors()
        let checked = action(input, prefix: "", themes: try await themeIDs(of: report, on: writer.database), &errors)
        guard errors.isEmpty, let due = checked.due else { throw ValidationFailure(errors) }
        return try await adding(to: report, access: access, with: writer) { writer, reportID in
            let last = try await RecommendationAction.query(on: writer.database).filter(\.$report.$id == reportID).max(\.$position) ?? 0
            let created = RecommendationAction(reportID: reportID, themeID: checked.theme.flatMap(UUID.init(uuidString:)), position: last + 1,
                                               description: checked.description, target: checked.target, due: due, responsibleOfficer: checked.officer)
            try await writer.create(created)
            return created
        }
    }

    /// Records how far an action has got, with a note; refused when someone else changed it first.
    static func recordProgress(of actionID: UUID?, in report: AuditReport, progress text: String?, note: String?, version: String?,
                               access: RecommendationAccess, with writer: RecordWriter) async throws -> RecommendationAction {
        try access.requireKeeper()
        var errors = FieldErrors()
        let progress = ActionProgress(rawValue: trimmed(text))
        if progress == nil { errors.add("progress", "Choose how far the action has got: " + ActionProgress.allCases.map(\.rawValue).joined(separator: ", ")) }
        let note = trimmed(note)
        if note.count > 5_000 { errors.add("progressNote", "Keep it to 5000 characters or fewer") }
        let expected = try KPIAuthoring.expectedVersion(version)
        guard errors.isEmpty, let progress else { throw ValidationFailure(errors) }
        let reportID = try report.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let actionID, let action = try await RecommendationAction.find(actionID, on: writer.database), action.$report.id == reportID else {
                throw Abort(.notFound, reason: "This report has no such action.")
            }
            if let expected, action.version != expected {
                throw ValidationFailure(field: "version", "Someone else changed this action after you opened it (it is now at version \(action.version)). Nothing was saved: open it again to see their change.", status: .conflict)
            }
            action.progress = progress
            action.progressNote = note
            action.version += 1
            try await writer.update(action)
            return action
        }
    }
}
