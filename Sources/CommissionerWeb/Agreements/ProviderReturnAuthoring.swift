import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Provider returns: the values of every KPI due for a period, sent together and written all or
/// nothing; the contract manager's verification or query of each; and the correction of a verified
/// value with its reason. Every value ever sent stays as a revision beside the one that stands.
enum ProviderReturnAuthoring {
    static let blank = ActivityAuthoring.blank
    static let trimmed = ActivityAuthoring.trimmed

    struct Entry: Sendable {
        var kpiID: String?
        var value: String?
        var comment: String?
        var evidence: String?
    }

    /// The KPIs with a period ending on `periodEnd`, each with that period.
    static func due(on periodEnd: CalendarDay, records: AgreementRecords) -> [(kpi: KPI, period: ReportingPeriod)] {
        records.kpis.compactMap { kpi in
            kpi.frequency.period(endingOn: periodEnd, from: records.agreement.start, to: records.agreement.end).map { (kpi, $0) }
        }
    }

    /// Every period end with at least one KPI up to `today`'s period, latest first.
    static func periodEnds(_ records: AgreementRecords, today: CalendarDay) -> [CalendarDay] {
        let ends = records.kpis.flatMap { kpi in
            kpi.frequency.periods(from: records.agreement.start, to: records.agreement.end).filter { $0.start <= today }.map(\.end)
        }
        return Set(ends).sorted(by: >)
    }

    /// Sends the values for one period: each KPI due then and still open for a value must have one.
    /// A KPI whose value is verified is left out (it changes only by a correction).
    static func submit(periodEnd text: String, entries: [Entry], records: AgreementRecords, access: AgreementAccess, now: Date,
                       with writer: RecordWriter) async throws -> [KPIMeasurement] {
        try access.requireReturner()
        guard records.agreement.status != .pipeline else {
            throw ValidationFailure(field: "periodEnd", "The agreement is still in the pipeline: returns start once it is live.", status: .conflict)
        }
        guard let periodEnd = CalendarDay(text) else { throw ValidationFailure(field: "periodEnd", "The period's end must be a date as YYYY-MM-DD") }
        let today = CalendarDay(now)
        let due = Self.due(on: periodEnd, records: records)
        guard !due.isEmpty else {
            throw ValidationFailure(field: "periodEnd", "No KPI of this agreement has a period ending on \(periodEnd.longForm)", status: .notFound)
        }
        guard today > periodEnd else {
            throw ValidationFailure(field: "periodEnd", "The period ends on \(periodEnd.longForm): its return can be sent from the day after", status: .conflict)
        }
        let current = Dictionary(records.measurements.filter { $0.endDay == periodEnd }.map { ($0.$kpi.id, $0) }, uniquingKeysWith: { a, _ in a })
        var errors = FieldErrors()
        for entry in entries where !due.contains(where: { $0.kpi.id?.uuidString.lowercased() == trimmed(entry.kpiID).lowercased() }) {
            errors.add("kpiId", "\(trimmed(entry.kpiID)) is not a KPI of this agreement due for the period ending \(periodEnd.longForm)")
        }
        var accepted: [(kpi: KPI, period: ReportingPeriod, value: String, comment: String, evidence: String)] = []
        for (kpi, period) in due {
            let id = kpi.id!.uuidString.lowercased()
            if current[kpi.id!]?.state == .verified { continue }
            let entry = entries.first { trimmed($0.kpiID).lowercased() == id }
            guard let entry, !blank(entry.value) else { errors.add("value-\(id)", "Enter the value for \(kpi.name)"); continue }
            guard let value = KPINumber.parse(trimmed(entry.value)) else {
                errors.add("value-\(id)", "Enter the value for \(kpi.name) as a number, such as 95 or 12.5 (at most 4 decimal places)"); continue
            }
            let comment = trimmed(entry.comment), evidence = trimmed(entry.evidence)
            if comment.count > MeasurementChecks.longestComment { errors.add("comment-\(id)", "The comment on \(kpi.name) must be 2,000 characters or fewer") }
            if evidence.count > MeasurementChecks.longestEvidence { errors.add("evidence-\(id)", "The evidence for \(kpi.name) must be 2,000 characters or fewer") }
            accepted.append((kpi, period, KPINumber.text(value), comment, evidence))
        }
        if accepted.isEmpty, errors.isEmpty {
            throw ValidationFailure(field: "periodEnd", "Every value for the period ending \(periodEnd.longForm) is verified: a verified value changes only by the contract manager's correction.", status: .conflict)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let agreementID = try records.agreement.requireID()
        let userID = access.user.id
        let checked = accepted
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            var written: [KPIMeasurement] = []
            for item in checked {
                let kpiID = try item.kpi.requireID()
                let stored = try await KPIMeasurement.query(on: writer.database).filter(\.$kpi.$id == kpiID).filter(\.$periodEnd == periodEnd.description).first()
                if let stored {
                    // Someone verified it since the form was read: it is no longer the provider's to replace.
                    guard stored.state != .verified else {
                        throw ValidationFailure(field: "value-\(kpiID.uuidString.lowercased())", "The value for \(item.kpi.name) was verified meanwhile: it changes only by a correction.", status: .conflict)
                    }
                    stored.valueText = item.value
                    stored.comment = item.comment
                    stored.evidence = item.evidence
                    stored.state = .submitted
                    stored.query = ""
                    stored.$submittedBy.id = userID
                    stored.submittedAt = now
                    try await writer.update(stored)
                    try await writer.create(KPIMeasurementRevision(measurementID: try stored.requireID(), change: .resubmitted, value: item.value, reason: "", by: userID, at: now))
                    written.append(stored)
                } else {
                    let measurement = KPIMeasurement(kpiID: kpiID, agreementID: agreementID, period: item.period, value: item.value, comment: item.comment,
                                                     evidence: item.evidence, submittedBy: userID, at: now)
                    try await writer.create(measurement)
                    try await writer.create(KPIMeasurementRevision(measurementID: try measurement.requireID(), change: .submitted, value: item.value, reason: "", by: userID, at: now))
                    written.append(measurement)
                }
            }
            return written
        }
    }

    enum Verdict: String { case verify, query }

    /// The contract manager verifies a value, or queries it with the question. Nobody verifies a value they sent themselves.
    static func verify(_ measurement: KPIMeasurement, verdict text: String?, reason: String?, records: AgreementRecords, access: AgreementAccess, now: Date,
                       with writer: RecordWriter) async throws -> KPIMeasurement {
        try access.requireVerifier()
        guard let verdict = text.flatMap(Verdict.init(rawValue:)) else { throw ValidationFailure(field: "verdict", "Choose verify or query") }
        if verdict == .query, let problem = MeasurementChecks.reasonProblem(trimmed(reason), doing: "querying this value") {
            throw ValidationFailure(field: "reason", problem)
        }
        guard measurement.state == .submitted else {
            throw ValidationFailure(field: "verdict", measurement.state == .verified ? "This value is already verified: correct it instead, with the reason."
                                                                                     : "This value is queried: the provider answers by sending it again.", status: .conflict)
        }
        guard measurement.$submittedBy.id != access.user.id else {
            throw ValidationFailure(field: "verdict", "You sent this value yourself: another contract manager verifies it.", status: .conflict)
        }
        let id = try measurement.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await KPIMeasurement.find(id, on: writer.database), stored.state == .submitted, stored.submittedAt == measurement.submittedAt else {
                throw ValidationFailure(field: "verdict", "The value changed after you opened it: open it again to see the value that stands.", status: .conflict)
            }
            switch verdict {
            case .verify:
                stored.state = .verified
                stored.$verifiedBy.id = access.user.id
                stored.verifiedAt = now
            case .query:
                stored.state = .queried
                stored.query = trimmed(reason)
            }
            try await writer.update(stored)
            return stored
        }
    }

    /// A verified value changes only this way: the new value with the reason, the old one kept in the history.
    static func correct(_ measurement: KPIMeasurement, value text: String?, reason: String?, access: AgreementAccess, now: Date,
                        with writer: RecordWriter) async throws -> KPIMeasurement {
        try access.requireVerifier()
        var errors = FieldErrors()
        let value = KPINumber.parse(trimmed(text))
        if value == nil { errors.add("value", "Enter the corrected value as a number, such as 95 or 12.5 (at most 4 decimal places)") }
        if let problem = MeasurementChecks.reasonProblem(trimmed(reason), doing: "correcting this value") { errors.add("reason", problem) }
        guard errors.isEmpty, let value else { throw ValidationFailure(errors) }
        guard measurement.state == .verified else {
            throw ValidationFailure(field: "value", "Only a verified value is corrected: verify or query this one instead.", status: .conflict)
        }
        let id = try measurement.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await KPIMeasurement.find(id, on: writer.database), stored.state == .verified else { throw Abort(.conflict) }
            let corrected = KPINumber.text(value)
            guard corrected != stored.valueText else { throw ValidationFailure(field: "value", "The corrected value is the same as the value that stands (\(corrected))") }
            stored.valueText = corrected
            stored.$verifiedBy.id = access.user.id
            stored.verifiedAt = now
            try await writer.update(stored)
            try await writer.create(KPIMeasurementRevision(measurementID: id, change: .corrected, value: corrected, reason: trimmed(reason), by: access.user.id, at: now))
            return stored
        }
    }
}
