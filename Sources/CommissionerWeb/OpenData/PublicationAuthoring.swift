import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// A publisher approves what an agreement's open data shows (the redaction checklist) or withdraws it;
/// an administrator sets who publishes and under what licence.
enum PublicationAuthoring {
    /// Why an agreement cannot be published at all, if it cannot.
    static func barrier(_ agreement: Agreement) -> String? {
        agreement.confidential ? "It is confidential: confidential agreements are never published." : nil
    }

    static func approve(withhold: [String], reasons: [String: String], version: String?, records: AgreementRecords, access: AgreementAccess,
                        with writer: RecordWriter) async throws -> PublicationApproval {
        try access.requirePublisher()
        let agreement = records.agreement
        var errors = FieldErrors()
        if let barrier = barrier(agreement) { errors.add("withhold", barrier) }
        if version != String(agreement.version) {
            errors.add("version", "The agreement changed while you were reading the checklist (it is now at version \(agreement.version)): read it again before approving")
        }
        let (checklist, problems) = PublicationChecklist.read(withhold: withhold, reasons: reasons)
        for problem in problems { errors.add(problem.field, problem.message) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let agreementID = try agreement.requireID()
        let userID = access.user.id
        let agreementVersion = agreement.version
        return try await writer.transaction { writer in
            let now = writer.now()
            if let existing = try await PublicationApproval.query(on: writer.database).filter(\.$agreement.$id == agreementID).first() {
                existing.checklist = checklist
                existing.$approvedBy.id = userID
                existing.approvedAt = now
                existing.agreementVersion = agreementVersion
                existing.withdrawnAt = nil
                existing.withdrawnReason = ""
                try await writer.update(existing)
                return existing
            }
            let approval = PublicationApproval(agreementID: agreementID, checklist: checklist, approvedBy: userID, at: now, agreementVersion: agreementVersion)
            try await writer.create(approval)
            return approval
        }
    }

    static func withdraw(reason: String?, records: AgreementRecords, access: AgreementAccess, with writer: RecordWriter) async throws {
        try access.requirePublisher()
        let agreementID = try records.agreement.requireID()
        var errors = FieldErrors()
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count < 10 { errors.add("withdrawnReason", "Say why it is withdrawn from the open data (at least 10 characters)") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await writer.transaction { writer in
            guard let approval = try await PublicationApproval.query(on: writer.database).filter(\.$agreement.$id == agreementID).first(),
                  approval.isPublished else {
                throw ValidationFailure(field: "withdrawnReason", "It is not published, so there is nothing to withdraw")
            }
            approval.withdrawnAt = writer.now()
            approval.withdrawnReason = reason
            try await writer.update(approval)
        }
    }

    static func setPublisher(prefix: String?, grantPrefix: String?, name: String?, licenceURL: String?, licenceName: String?, user: CurrentUser,
                             with writer: RecordWriter) async throws -> OCDSPublisher {
        guard user.isAdministrator else { throw Abort(.forbidden, reason: "Only an administrator can set who publishes the open data.") }
        var errors = FieldErrors()
        let prefix = (prefix ?? "").trimmingCharacters(in: .whitespaces)
        if let problem = OCDSPublisher.prefixProblem(prefix) { errors.add("ocidPrefix", problem) }
        let grantPrefix = (grantPrefix ?? "").trimmingCharacters(in: .whitespaces)
        if let problem = ThreeSixtyGiving.prefixProblem(grantPrefix) { errors.add("grantPrefix", problem) }
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("publisherName", "Enter the publisher's name as the public should read it (up to 200 characters), such as Government of Jersey") }
        let url = (licenceURL ?? "").trimmingCharacters(in: .whitespaces)
        if URL(string: url).map({ ["http", "https"].contains($0.scheme ?? "") && $0.host != nil }) != true {
            errors.add("licenceURL", "Enter the licence's web address, starting https://, such as \(OCDSPublisher.openGovernmentLicence)")
        }
        let licence = (licenceName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if licence.isEmpty || licence.count > 200 { errors.add("licenceName", "Enter the licence's name (up to 200 characters), such as \(OCDSPublisher.openGovernmentLicenceName)") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let publisher = OCDSPublisher(ocidPrefix: prefix, grantPrefix: grantPrefix, name: name, licenceURL: url, licenceName: licence)
        try await OpenDataSettings.save(publisher, with: writer)
        return publisher
    }
}

extension AgreementAccess {
    /// Approves and withdraws its open data: an administrator, or a commissioning lead or approver of
    /// the organisation that holds it or the body above.
    var canPublish: Bool {
        user.isAdministrator || user.memberships.contains { [.commissioningLead, .approver].contains($0.role) && holderIDs.contains($0.organisationID) }
    }

    func requirePublisher() throws {
        guard canPublish else {
            throw Abort(.forbidden, reason: "Only an administrator, or a commissioning lead or approver of the organisation that holds it, approves what its open data shows.")
        }
    }
}
