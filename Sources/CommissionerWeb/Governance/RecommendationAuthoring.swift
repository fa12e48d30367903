import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place a recommendation's status, evidence, evidence decisions and comments are checked and
/// written, for the pages and the API alike. Each names the field at fault, writes nothing when
/// anything is wrong, and lands in the audit trail.
enum RecommendationAuthoring {
    static let trimmed = ActivityAuthoring.trimmed
    static let maximumText = 5_000

    struct EvidenceInput: Sendable {
        var description: String?
        var link: String?
    }

    /// Runs `change` on the stored recommendation under the write lock when it is still at `expected`, then moves its version on.
    static func changing<T: Sendable>(_ recommendation: Recommendation, expected text: String?, with writer: RecordWriter,
                                      _ change: @escaping @Sendable (Recommendation, RecordWriter) async throws -> T) async throws -> T {
        let expected = try KPIAuthoring.expectedVersion(text)
        let id = try recommendation.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Recommendation.find(id, on: writer.database) else { throw Abort(.notFound) }
            if let expected, stored.version != expected {
                throw ValidationFailure(field: "version", "Someone else changed this recommendation after you opened it (it is now at version \(stored.version)). Nothing was saved: open it again to see their change.", status: .conflict)
            }
            let result = try await change(stored, writer)
            stored.version += 1
            try await writer.update(stored)
            try await RecommendationStandingSummary.refresh([id], on: writer.database)
            return result
        }
    }

    /// Sets where the work stands. "Implemented" is refused (409) until a scrutiny user has accepted evidence.
    static func setStatus(_ recommendation: Recommendation, status text: String?, version: String?, access: RecommendationAccess,
                          with writer: RecordWriter) async throws -> Recommendation {
        try access.requireKeeper()
        guard let status = RecommendationStatus(rawValue: trimmed(text)) else {
            throw ValidationFailure(field: "status", "Choose the status: " + RecommendationStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return try await changing(recommendation, expected: version, with: writer) { stored, writer in
            if status == .implemented {
                let decisions = try await RecommendationQueries.evidenceDecisions(of: [try stored.requireID()], on: writer.database).values.flatMap { $0 }
                if let refusal = RecommendationRules.refusalToImplement(evidence: decisions) {
                    throw ValidationFailure(field: "status", refusal, status: .conflict)
                }
            }
            stored.status = status
            return stored
        }
    }

    static func attachEvidence(_ recommendation: Recommendation, _ input: EvidenceInput, user: CurrentUser, access: RecommendationAccess,
                               with writer: RecordWriter) async throws -> RecommendationEvidence {
        try access.requireKeeper()
        var errors = FieldErrors()
        let description = trimmed(input.description)
        if description.isEmpty { errors.add("description", "Say what the evidence shows") } else if description.count > maximumText {
            errors.add("description", "Keep it to \(maximumText) characters or fewer")
        }
        let link = trimmed(input.link)
        if link.isEmpty {
            errors.add("link", "Give the address of the document, or of the record in Commissioner (such as /activities/…), that is the evidence")
        } else if !(link.hasPrefix("/") || link.lowercased().hasPrefix("https://") || link.lowercased().hasPrefix("http://")) || link.contains(" ") || link.count > 2_000 {
            errors.add("link", "Give a web address starting https:// or a path in Commissioner starting /")
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let id = try recommendation.requireID()
        return try await writer.transaction { writer in
            let evidence = RecommendationEvidence(recommendationID: id, description: description, link: link, attachedBy: user.id)
            try await writer.create(evidence)
            try await RecommendationStandingSummary.refresh([id], on: writer.database)
            return evidence
        }
    }

    /// A scrutiny user accepts or does not accept a piece of evidence, saying why; it is decided once.
    static func decide(_ recommendation: Recommendation, evidenceID: UUID?, decision text: String?, note: String?, user: CurrentUser,
                       access: RecommendationAccess, now: Date, with writer: RecordWriter) async throws -> RecommendationEvidence {
        try access.requireScrutiny()
        var errors = FieldErrors()
        let decision = EvidenceDecision(rawValue: trimmed(text)).flatMap { $0 == .awaiting ? nil : $0 }
        if decision == nil { errors.add("decision", "Choose accepted or rejected") }
        let reason = trimmed(note)
        if decision == .rejected && reason.isEmpty { errors.add("note", "Say why the evidence is not accepted, so the responding body knows what is missing") }
        if reason.count > maximumText { errors.add("note", "Keep it to \(maximumText) characters or fewer") }
        guard errors.isEmpty, let decision else { throw ValidationFailure(errors) }
        let recommendationID = try recommendation.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let evidenceID, let evidence = try await RecommendationEvidence.find(evidenceID, on: writer.database),
                  evidence.$recommendation.id == recommendationID else {
                throw Abort(.notFound, reason: "This recommendation has no such evidence.")
            }
            guard evidence.decision == .awaiting else {
                throw ValidationFailure(field: "decision", "This evidence was already \(evidence.decision.title.lowercased()); attach new evidence to look again.", status: .conflict)
            }
            evidence.decision = decision
            evidence.decisionNote = reason
            evidence.$decidedBy.id = user.id
            evidence.decidedAt = now
            try await writer.update(evidence)
            try await RecommendationStandingSummary.refresh([recommendationID], on: writer.database)
            return evidence
        }
    }

    static func comment(_ recommendation: Recommendation, body text: String?, user: CurrentUser, access: RecommendationAccess,
                        with writer: RecordWriter) async throws -> RecommendationComment {
        try access.requireCommenter()
        let body = trimmed(text)
        if body.isEmpty { throw ValidationFailure(field: "body", "Write the comment") }
        if body.count > maximumText { throw ValidationFailure(field: "body", "Keep it to \(maximumText) characters or fewer") }
        let id = try recommendation.requireID()
        return try await writer.transaction { writer in
            let comment = RecommendationComment(recommendationID: id, authorID: user.id, body: body)
            try await writer.create(comment)
            return comment
        }
    }

    /// Scrutiny asks the responding body for a briefing or an example, openly or in confidence.
    static func ask(_ recommendation: Recommendation, kind text: String?, inConfidence: Bool, request requestText: String?, user: CurrentUser,
                    access: RecommendationAccess, with writer: RecordWriter) async throws -> ScrutinyRequest {
        try access.requireScrutiny("asks for briefings and examples")
        var errors = FieldErrors()
        let kind = ScrutinyRequestKind(rawValue: trimmed(text))
        if kind == nil { errors.add("kind", "Choose what you are asking for: a briefing or an example") }
        let request = trimmed(requestText)
        if request.isEmpty { errors.add("request", "Say what you would like to be told or shown") } else if request.count > maximumText {
            errors.add("request", "Keep it to \(maximumText) characters or fewer")
        }
        guard errors.isEmpty, let kind else { throw ValidationFailure(errors) }
        let id = try recommendation.requireID()
        return try await writer.transaction { writer in
            let asked = ScrutinyRequest(recommendationID: id, kind: kind, inConfidence: inConfidence, request: request, requestedBy: user.id)
            try await writer.create(asked)
            return asked
        }
    }

    /// The people who keep the response answer a request, once.
    static func answer(_ recommendation: Recommendation, requestID: UUID?, answer text: String?, user: CurrentUser, access: RecommendationAccess,
                       now: Date, with writer: RecordWriter) async throws -> ScrutinyRequest {
        try access.requireKeeper()
        let answer = trimmed(text)
        if answer.isEmpty { throw ValidationFailure(field: "answer", "Write the answer, or link to where the briefing or example is") }
        if answer.count > maximumText { throw ValidationFailure(field: "answer", "Keep it to \(maximumText) characters or fewer") }
        let recommendationID = try recommendation.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let requestID, let request = try await ScrutinyRequest.find(requestID, on: writer.database),
                  request.$recommendation.id == recommendationID else {
                throw Abort(.notFound, reason: "This recommendation has no such request.")
            }
            guard request.answer == nil else {
                throw ValidationFailure(field: "answer", "This request was already answered; add a comment to say more.", status: .conflict)
            }
            request.answer = answer
            request.$answeredBy.id = user.id
            request.answeredAt = now
            try await writer.update(request)
            return request
        }
    }
}
