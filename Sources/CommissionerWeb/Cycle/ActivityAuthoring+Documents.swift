import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension ActivityAuthoring {
    // MARK: - Documents

    struct DocumentInput: Sendable {
        var kind: String?
        var title: String?
        var format: String?
        var body: String?
        var summaryOfChange: String?
    }

    static func createDocument(_ input: DocumentInput, activityID: UUID, access: ActivityAccess, with writer: RecordWriter) async throws -> Document {
        try access.requireAuthor()
        var errors = FieldErrors()
        let kind = input.kind.flatMap(DocumentKind.init(rawValue:))
        if kind == nil { errors.add("kind", "Choose what kind of document this is") }
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter the document's title") } else if title.count > 200 { errors.add("title", "Title must be 200 characters or fewer") }
        let (format, body) = checkText(input, &errors)
        guard errors.isEmpty, let kind else { throw ValidationFailure(errors) }
        let document = Document(activityID: activityID, kind: kind, title: title, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(document)
            try await writer.create(DocumentVersion(documentID: try document.requireID(), number: 1,
                                                    summaryOfChange: blank(input.summaryOfChange) ? "First version" : trimmed(input.summaryOfChange),
                                                    format: format, body: body, owner: access.user.id, at: writer.now()))
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return document
    }

    private static func checkText(_ input: DocumentInput, _ errors: inout FieldErrors) -> (TextFormat, String) {
        let format = input.format.flatMap(TextFormat.init(rawValue:)) ?? .markdown
        if let text = input.format, TextFormat(rawValue: text) == nil { errors.add("format", "format must be plain or markdown") }
        let body = (input.body ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if blank(body) { errors.add("body", "Write the document's text") } else if body.count > maximumTextLength {
            errors.add("body", "The text must be \(maximumTextLength) characters or fewer; attach longer material as a file")
        }
        return (format, body)
    }

    /// A new version of the text. An approved or submitted document goes back to draft: what was
    /// approved was the earlier version, and stays in the history.
    static func addVersion(_ input: DocumentInput, to document: Document, access: ActivityAccess, with writer: RecordWriter) async throws -> DocumentVersion {
        try access.requireAuthor()
        var errors = FieldErrors()
        let (format, body) = checkText(input, &errors)
        if blank(input.summaryOfChange) { errors.add("summaryOfChange", "Say what changed in this version") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        if document.status == .superseded {
            throw ValidationFailure(field: "body", "This document has been superseded by a newer one; write in that one instead", status: .conflict)
        }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Document.find(document.id, on: writer.database) else { throw Abort(.notFound) }
            let version = DocumentVersion(documentID: try stored.requireID(), number: stored.currentVersion + 1, summaryOfChange: trimmed(input.summaryOfChange),
                                          format: format, body: body, owner: access.user.id, at: writer.now())
            try await writer.create(version)
            stored.currentVersion = version.number
            stored.status = .draft
            try await writer.update(stored)
            document.currentVersion = stored.currentVersion
            document.status = stored.status
            if let activityID = stored.$activity.id { try await ActivityGateSummary.refresh([activityID], on: writer.database) }
            return version
        }
    }

    static func submitForApproval(_ document: Document, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        guard document.status == .draft else {
            throw ValidationFailure(field: "status", "Only a draft can be sent for approval; this document is \(document.status.title.lowercased())", status: .conflict)
        }
        document.status = .inApproval
        try await writer.transaction { writer in
            try await writer.update(document)
            if let activityID = document.$activity.id { try await ActivityGateSummary.refresh([activityID], on: writer.database) }
        }
    }

    /// Attaches a file to the document's current version, stored in the database beside it (so a
    /// backup holds it); its fingerprint, not its content, goes into the audit trail.
    static func attachFile(named filename: String, content: [UInt8], to document: Document, access: ActivityAccess,
                           with writer: RecordWriter) async throws -> DocumentFile {
        try access.requireAuthor()
        switch AttachmentRules.check(filename: filename, bytes: content) {
        case .failure(let refusal):
            throw ValidationFailure(field: "file", refusal.message, status: refusal == .tooLarge(bytes: content.count) ? .payloadTooLarge : .unprocessableEntity)
        case .success(let contentType):
            let file = DocumentFile(documentID: try document.requireID(), versionNumber: document.currentVersion, filename: AttachmentRules.safeName(filename),
                                    contentType: contentType, content: Data(content), uploadedBy: access.user.id, at: writer.now())
            try await writer.create(file)
            return file
        }
    }
}

extension ActivityAuthoring {
    /// Issues the business case assembled from the records as the next version of the activity's business
    /// case document (started if there is none); from there it goes for approval like any document.
    static func issueBusinessCase(_ document: BusinessCaseDocument, summaryOfChange: String?, records: ActivityRecords, access: ActivityAccess,
                                  with writer: RecordWriter) async throws -> Document {
        try access.requireAuthor()
        if blank(summaryOfChange) { throw ValidationFailure(field: "summaryOfChange", "Say what changed in this version, for example First draft for the board") }
        let input = DocumentInput(kind: DocumentKind.businessCase.rawValue, title: document.title, format: TextFormat.markdown.rawValue,
                                  body: document.markdown, summaryOfChange: summaryOfChange)
        if let existing = records.document(.businessCase) {
            _ = try await addVersion(input, to: existing, access: access, with: writer)
            return existing
        }
        return try await createDocument(input, activityID: try records.activity.requireID(), access: access, with: writer)
    }
}
