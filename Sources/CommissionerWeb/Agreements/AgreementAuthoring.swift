import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place agreements are checked and written, for the pages and the API alike. Every change
/// names the field at fault, writes nothing when anything is wrong, lands in the audit trail, and
/// checks the version the person read: when someone else changed the agreement meanwhile, the change
/// is refused (409) rather than overwriting theirs.
enum AgreementAuthoring {
    static let blank = ActivityAuthoring.blank
    static let trimmed = ActivityAuthoring.trimmed

    struct AgreementInput: Sendable {
        var reference: String?
        var title: String?
        var kind: String?
        var description: String?
        var serviceCategory: String?
        var organisationID: String?
        var providerIDs: [String] = []
        var activityID: String?
        var decisionID: String?
        var awardedOn: String?
        var start: String?
        var end: String?
        /// Months of each optional extension, in order; nil when `extensionCount` and `extensionMonths` say it.
        var extensionList: [Int]?
        var extensionCount: String?
        var extensionMonths: String?
        var annualValue: String?
        var totalValue: String?
        var fundingArrangement: String?
        var contractManagerID: String?
        var status: String?
        var confidential = false
        var newService = false
        var procurementRoute: String?
        var irrecoverableVAT: String?
        /// The version the person read, for a change.
        var version: String?
    }

    /// What the input says, checked, before anything is written.
    struct CheckedAgreement: Sendable {
        var reference: String
        var title: String
        var kind: AgreementKind
        var summary: String
        var serviceCategory: String
        var organisationID: UUID
        var providerIDs: [UUID]
        var activityID: UUID?
        var decisionID: UUID?
        var awardedOn: CalendarDay?
        var start: CalendarDay
        var initialEnd: CalendarDay
        var extensionMonths: [Int]
        var annualValuePence: Int
        var totalValuePence: Int
        var fundingArrangement: FundingArrangement
        var contractManagerID: UUID?
        var status: AgreementStatus
        var confidential: Bool
        var newService: Bool
        var procurementRoute: ProcurementRoute?
        var irrecoverableVATPence: Int
    }

    static func versionConflict(_ current: Int) -> ValidationFailure {
        ValidationFailure(field: "version", "Someone else changed this agreement after you opened it (it is now at version \(current)). Your changes were not saved: open it again to see theirs, then make yours.", status: .conflict)
    }

    /// Checks every field; `existing` is the agreement being changed (nil when recording a new one).
    static func check(_ input: AgreementInput, user: CurrentUser, existing: AgreementRecords?, on db: any Database) async throws -> CheckedAgreement {
        var errors = FieldErrors()
        let reference = trimmed(input.reference)
        if reference.isEmpty { errors.add("reference", "Enter the agreement's reference, for example HCS-2024-017") }
        else if reference.count > 60 { errors.add("reference", "The reference must be 60 characters or fewer") }
        else if try await Agreement.query(on: db).filter(\.$reference == reference).filter(\.$id != existing?.agreement.id ?? SiteRoute.any).count() > 0 {
            errors.add("reference", "Another agreement already has the reference \(reference)")
        }
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter the agreement's title") } else if title.count > 200 { errors.add("title", "The title must be 200 characters or fewer") }
        let kind = input.kind.flatMap(AgreementKind.init(rawValue:))
        if kind == nil { errors.add("kind", "Choose the kind: " + AgreementKind.allCases.map(\.rawValue).joined(separator: ", ")) }
        let summary = trimmed(input.description)
        if summary.count > 5_000 { errors.add("description", "The description must be 5,000 characters or fewer") }
        let category = trimmed(input.serviceCategory)
        if category.count > 100 { errors.add("serviceCategory", "The service category must be 100 characters or fewer") }

        // The holding organisation: one where the person keeps agreements.
        var organisationID: UUID?
        if let id = UUID(uuidString: trimmed(input.organisationID)), let organisation = try await Organisation.find(id, on: db), organisation.kind.commissions {
            if user.agreementOrganisations.contains(id) { organisationID = id }
            else { errors.add("organisationID", "You are not a contract manager, commissioning lead or procurement specialist of \(organisation.name)") }
        } else {
            errors.add("organisationID", "Choose the organisation that holds the agreement")
        }
        var providers: [UUID] = []
        for text in input.providerIDs {
            guard let id = UUID(uuidString: text), let provider = try await Organisation.find(id, on: db),
                  provider.kind == .provider || provider.kind == .partnershipVenture else {
                errors.add("providerIDs", "\(text) is not a provider or partnership venture"); continue
            }
            if !providers.contains(id) { providers.append(id) }
        }
        if providers.isEmpty, errors["providerIDs"] == nil { errors.add("providerIDs", "Choose at least one provider") }

        // The activity and decision behind it: an activity the holding organisation commissions, and one of its decisions.
        var activityID: UUID?, decisionID: UUID?
        if !blank(input.activityID) {
            if let id = UUID(uuidString: trimmed(input.activityID)), let found = try await ActivityQueries.find(id, on: db),
               organisationID == nil || found.organisations.contains(where: { $0.id == organisationID }) {
                activityID = id
                let decisions = try await DecisionRecord.query(on: db).filter(\.$activity.$id == id).sort(\.$recordedAt).all()
                if !blank(input.decisionID) {
                    decisionID = UUID(uuidString: trimmed(input.decisionID))
                    if decisionID == nil || !decisions.contains(where: { $0.id == decisionID }) {
                        errors.add("decisionID", "Choose one of the activity's decision records")
                    }
                } else {
                    // The standing decision: the latest one no other supersedes.
                    let superseded = Set(decisions.compactMap { $0.$supersedes.id })
                    decisionID = decisions.last { !superseded.contains($0.id!) }?.id
                }
            } else {
                errors.add("activityID", "Choose a commissioning activity of the organisation that holds the agreement")
            }
        } else if !blank(input.decisionID) {
            errors.add("decisionID", "Choose the activity first: a decision belongs to a commissioning activity")
        }

        func day(_ field: String, _ text: String?, _ name: String, required: Bool) -> CalendarDay? {
            if blank(text) {
                if required { errors.add(field, "Enter the \(name) as YYYY-MM-DD") }
                return nil
            }
            guard let day = CalendarDay(trimmed(text)) else { errors.add(field, "Enter the \(name) as YYYY-MM-DD, for example 2024-04-01"); return nil }
            return day
        }
        let awarded = day("awardedOn", input.awardedOn, "award date", required: false)
        let start = day("start", input.start, "start date", required: true)
        let end = day("end", input.end, "end date of the initial term", required: true)

        var extensions: [Int] = []
        if let list = input.extensionList {
            extensions = list
        } else {
            let count = blank(input.extensionCount) ? 0 : Int(trimmed(input.extensionCount))
            let months = blank(input.extensionMonths) ? 12 : Int(trimmed(input.extensionMonths))
            if count == nil || count! < 0 { errors.add("extensionCount", "Enter how many optional extensions, a whole number such as 2") }
            if months == nil { errors.add("extensionMonths", "Enter the length of each extension in whole months, such as 12") }
            if let count, let months, count > 0 { extensions = Array(repeating: months, count: min(count, 11)) }
        }
        if let start, let end {
            for problem in AgreementChecks.termProblems(start: start, initialEnd: end, extensionMonths: extensions) { errors.add(problem.field, problem.message) }
        }
        if let existing, existing.extensions.contains(where: { $0.decision != .open }), existing.extensions.map(\.months) != extensions {
            errors.add("extensionCount", "The extension options cannot change once one has been decided")
        }

        let annual = Money.pence(from: trimmed(input.annualValue))
        if annual == nil { errors.add("annualValue", "Enter the annual value in pounds, for example 250000 or £250,000.00") }
        let total = Money.pence(from: trimmed(input.totalValue))
        if total == nil { errors.add("totalValue", "Enter the total value over the term in pounds, for example 750000") }
        if let annual, let total { for problem in AgreementChecks.valueProblems(annualPence: annual, totalPence: total) { errors.add(problem.field, problem.message) } }

        var route: ProcurementRoute?
        if !blank(input.procurementRoute) {
            route = ProcurementRoute(rawValue: trimmed(input.procurementRoute))
            if route == nil { errors.add("procurementRoute", "Choose how it was procured: " + ProcurementRoute.allCases.map(\.rawValue).joined(separator: ", ")) }
        }
        let vat = blank(input.irrecoverableVAT) ? 0 : Money.pence(from: trimmed(input.irrecoverableVAT))
        if vat == nil || vat! < 0 { errors.add("irrecoverableVAT", "Enter the VAT that cannot be recovered in pounds, for example 12000, or leave it empty for none") }

        let arrangement = blank(input.fundingArrangement) ? FundingArrangement.single : input.fundingArrangement.flatMap(FundingArrangement.init(rawValue:))
        if arrangement == nil { errors.add("fundingArrangement", "Choose single, pooled or aligned funding") }

        var manager: UUID?
        if !blank(input.contractManagerID) {
            manager = UUID(uuidString: trimmed(input.contractManagerID))
            let managers = try await UserQueries.activeMembers(of: organisationID.map { [$0] } ?? [], on: db).filter { $0.role == .contractManager }
            if manager == nil || !managers.contains(where: { $0.$user.id == manager }) {
                errors.add("contractManagerID", "Choose a contract manager of the organisation that holds the agreement")
            }
        }

        let status = input.status.flatMap(AgreementStatus.init(rawValue:))
        if status == nil {
            errors.add("status", "Choose the status: " + AgreementStatus.allCases.map(\.rawValue).joined(separator: ", "))
        } else if let status, let existing {
            let current = existing.agreement.status
            if status != current, !current.nextByHand.contains(status) {
                errors.add("status", status == .extended ? "An agreement becomes extended only when an extension is taken with its approval"
                    : current.nextByHand.isEmpty ? "A \(current.rawValue) agreement has ended and its status cannot change"
                    : "A \(current.rawValue) agreement can only become " + current.nextByHand.map(\.rawValue).joined(separator: " or "))
            }
        } else if status == .extended {
            errors.add("status", "An agreement becomes extended only when an extension is taken with its approval")
        }

        guard errors.isEmpty, let kind, let organisationID, let start, let end, let annual, let total, let arrangement, let status, let vat else {
            throw ValidationFailure(errors)
        }
        return CheckedAgreement(reference: reference, title: title, kind: kind, summary: summary, serviceCategory: category, organisationID: organisationID,
                                providerIDs: providers, activityID: activityID, decisionID: decisionID, awardedOn: awarded, start: start, initialEnd: end,
                                extensionMonths: extensions, annualValuePence: annual, totalValuePence: total, fundingArrangement: arrangement,
                                contractManagerID: manager, status: status, confidential: input.confidential,
                                newService: input.newService, procurementRoute: route, irrecoverableVATPence: vat)
    }

    static func apply(_ checked: CheckedAgreement, to agreement: Agreement, extensionsTaken: Int) {
        agreement.reference = checked.reference
        agreement.title = checked.title
        agreement.kind = checked.kind
        agreement.summary = checked.summary
        agreement.serviceCategory = checked.serviceCategory
        agreement.$organisation.id = checked.organisationID
        agreement.$activity.id = checked.activityID
        agreement.$decision.id = checked.decisionID
        agreement.awardedOn = checked.awardedOn?.description
        agreement.startOn = checked.start.description
        agreement.initialEndOn = checked.initialEnd.description
        agreement.endOn = AgreementTerm(start: checked.start, initialEnd: checked.initialEnd, extensionMonths: checked.extensionMonths,
                                        taken: extensionsTaken).currentEnd.description
        agreement.annualValuePence = checked.annualValuePence
        agreement.totalValuePence = checked.totalValuePence
        agreement.fundingArrangement = checked.fundingArrangement
        agreement.$contractManager.id = checked.contractManagerID
        agreement.status = checked.status
        agreement.confidential = checked.confidential
        agreement.newService = checked.newService
        agreement.procurementRoute = checked.procurementRoute
        agreement.irrecoverableVATPence = checked.irrecoverableVATPence
    }

    /// Records a new agreement, with its providers and extension options, in one transaction.
    static func create(_ input: AgreementInput, user: CurrentUser, with writer: RecordWriter) async throws -> Agreement {
        guard !user.agreementOrganisations.isEmpty else {
            throw Abort(.forbidden, reason: "Only a contract manager, commissioning lead or procurement specialist can record an agreement.")
        }
        let checked = try await check(input, user: user, existing: nil, on: writer.database)
        let agreement = Agreement(reference: checked.reference, title: checked.title, kind: checked.kind, organisationID: checked.organisationID,
                                  start: checked.start, initialEnd: checked.initialEnd, annualValuePence: checked.annualValuePence,
                                  totalValuePence: checked.totalValuePence, status: checked.status, createdBy: user.id)
        apply(checked, to: agreement, extensionsTaken: 0)
        try await writer.transaction { writer in
            try await writer.create(agreement)
            let id = try agreement.requireID()
            for provider in checked.providerIDs { try await writer.create(AgreementProvider(agreementID: id, organisationID: provider)) }
            for (index, months) in checked.extensionMonths.enumerated() {
                try await writer.create(AgreementExtension(agreementID: id, position: index + 1, months: months))
            }
            if let activity = checked.activityID { try await ActivityGateSummary.refresh([activity], on: writer.database) }
        }
        return agreement
    }

    /// Changes an agreement's details, providers and (while none is decided) its extension options.
    static func update(_ input: AgreementInput, records: AgreementRecords, access: AgreementAccess, with writer: RecordWriter) async throws -> Agreement {
        try access.requireKeeper()
        let expected = Int(trimmed(input.version))
        guard let expected else { throw ValidationFailure(field: "version", "Send the version of the agreement you are changing (its `version`)") }
        let checked = try await check(input, user: access.user, existing: records, on: writer.database)
        let id = try records.agreement.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Agreement.find(id, on: writer.database) else { throw Abort(.notFound) }
            guard stored.version == expected else { throw versionConflict(stored.version) }
            let previousActivity = stored.$activity.id
            apply(checked, to: stored, extensionsTaken: stored.extensionsTaken)
            stored.version += 1
            try await writer.update(stored)
            let current = try await AgreementProvider.query(on: writer.database).filter(\.$agreement.$id == id).all()
            for link in current where !checked.providerIDs.contains(link.$organisation.id) { try await writer.delete(link) }
            for provider in checked.providerIDs where !current.contains(where: { $0.$organisation.id == provider }) {
                try await writer.create(AgreementProvider(agreementID: id, organisationID: provider))
            }
            let options = try await AgreementExtension.query(on: writer.database).filter(\.$agreement.$id == id).sort(\.$position).all()
            if options.map(\.months) != checked.extensionMonths {
                for option in options { try await writer.delete(option) }
                for (index, months) in checked.extensionMonths.enumerated() {
                    try await writer.create(AgreementExtension(agreementID: id, position: index + 1, months: months))
                }
            }
            try await ActivityGateSummary.refresh(Array(Set([previousActivity, checked.activityID].compactMap { $0 })), on: writer.database)
            return stored
        }
    }

    /// Runs `change` on the stored agreement under the write lock when it is still at `expected`,
    /// then moves its version on.
    static func changing<T: Sendable>(_ agreementID: UUID, expected: Int?, with writer: RecordWriter,
                                      _ change: @escaping @Sendable (Agreement, RecordWriter) async throws -> T) async throws -> T {
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Agreement.find(agreementID, on: writer.database) else { throw Abort(.notFound) }
            if let expected, stored.version != expected { throw versionConflict(stored.version) }
            let result = try await change(stored, writer)
            stored.version += 1
            try await writer.update(stored)
            return result
        }
    }
}
