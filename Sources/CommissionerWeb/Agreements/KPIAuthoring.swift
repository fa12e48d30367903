import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place an agreement's KPIs are checked and written, for the pages and the API alike. Each
/// change is checked against the agreement's version (like every change to an agreement), names the
/// field at fault, writes nothing when anything is wrong, and lands in the audit trail.
enum KPIAuthoring {
    static let blank = ActivityAuthoring.blank
    static let trimmed = ActivityAuthoring.trimmed

    struct KPIInput: Sendable {
        var name: String?
        var definition: String?
        var kind: String?
        var serviceUserInformed = false
        var unit: String?
        var target: String?
        var direction: String?
        var greenThreshold: String?
        var amberThreshold: String?
        var frequency: String?
        var returnDueDays: String?
        var outcomeID: String?
        var consequence: String?
        var deductionBasis: String?
        var deductionAmber: String?
        var deductionRed: String?
        var version: String?
    }

    struct CheckedKPI: Sendable {
        var name: String
        var definition: String
        var kind: KPIKind
        var serviceUserInformed: Bool
        var unit: String
        var target: String
        var direction: KPIDirection
        var green: String
        var amber: String
        var frequency: ReportingFrequency
        var returnDueDays: Int
        var outcomeID: UUID?
        var consequence: PaymentConsequence
        var basis: DeductionBasis
        var deductionAmber: String
        var deductionRed: String
    }

    static func check(_ input: KPIInput, records: AgreementRecords, existing: KPI?) -> Result<CheckedKPI, ValidationFailure> {
        var errors = FieldErrors()
        let name = trimmed(input.name)
        if name.isEmpty { errors.add("name", "Enter the KPI's name, for example \"Visits started within 15 minutes of the planned time\"") }
        else if name.count > 200 { errors.add("name", "The name must be 200 characters or fewer") }
        else if records.kpis.contains(where: { $0.name.lowercased() == name.lowercased() && $0.id != existing?.id }) {
            errors.add("name", "This agreement already has a KPI named \(name)")
        }
        let definition = trimmed(input.definition)
        if definition.isEmpty { errors.add("definition", "Define the KPI: what is counted, from which source, and how it is worked out") }
        else if definition.count > 5_000 { errors.add("definition", "The definition must be 5,000 characters or fewer") }
        let kind = input.kind.flatMap(KPIKind.init(rawValue:))
        if kind == nil { errors.add("kind", "Choose the kind: " + KPIKind.allCases.map(\.rawValue).joined(separator: ", ")) }
        let unit = trimmed(input.unit)
        if unit.count > 30 { errors.add("unit", "The unit must be 30 characters or fewer, such as %, people or minutes") }
        let direction = input.direction.flatMap(KPIDirection.init(rawValue:))
        if direction == nil { errors.add("direction", "Choose whether higher or lower is better") }
        func number(_ field: String, _ text: String?, _ name: String) -> Decimal? {
            guard let value = KPINumber.parse(trimmed(text)) else {
                errors.add(field, "Enter the \(name) as a number, such as 95 or 12.5 (at most 4 decimal places)")
                return nil
            }
            return value
        }
        let target = number("target", input.target, "target")
        let green = number("greenThreshold", input.greenThreshold, "green threshold")
        let amber = number("amberThreshold", input.amberThreshold, "amber threshold")
        if let direction, let target, let green, let amber {
            for problem in KPIThresholds.problems(direction: direction, target: target, green: green, amber: amber) { errors.add(problem.field, problem.message) }
        }
        let frequency = input.frequency.flatMap(ReportingFrequency.init(rawValue:))
        if frequency == nil { errors.add("frequency", "Choose how often it is returned: " + ReportingFrequency.allCases.map(\.rawValue).joined(separator: ", ")) }
        if let existing, let frequency, frequency != existing.frequency, !records.measurements(of: existing).isEmpty {
            errors.add("frequency", "The frequency cannot change once values have been returned: add a new KPI instead")
        }
        let dueDays = blank(input.returnDueDays) ? 20 : Int(trimmed(input.returnDueDays))
        if dueDays == nil || !(0...90).contains(dueDays!) { errors.add("returnDueDays", "Enter the days after each period's end by which the return is due: a whole number from 0 to 90") }

        var outcomeID: UUID?
        if !blank(input.outcomeID) {
            outcomeID = UUID(uuidString: trimmed(input.outcomeID))
            if outcomeID == nil || !records.outcomes.contains(where: { $0.id == outcomeID }) {
                errors.add("outcomeID", "Choose one of the outcomes of the commissioning activity behind this agreement")
            }
        }
        let consequence = blank(input.consequence) ? PaymentConsequence.none : input.consequence.flatMap(PaymentConsequence.init(rawValue:))
        if consequence == nil { errors.add("consequence", "Choose the payment consequence: " + PaymentConsequence.allCases.map(\.rawValue).joined(separator: ", ")) }
        let basis = blank(input.deductionBasis) ? DeductionBasis.fixed : input.deductionBasis.flatMap(DeductionBasis.init(rawValue:))
        if basis == nil { errors.add("deductionBasis", "Choose fixed or percent") }
        var deductionAmber = Decimal(0), deductionRed = Decimal(0)
        if let consequence, consequence != .none, let basis {
            let unitName = basis == .percent ? "percentage" : "amount in pounds"
            if !blank(input.deductionAmber) {
                if let value = KPINumber.parse(trimmed(input.deductionAmber).replacingOccurrences(of: "£", with: "")) { deductionAmber = value }
                else { errors.add("deductionAmber", "Enter the \(unitName) when amber as a number, or leave it empty for none") }
            }
            if let value = KPINumber.parse(trimmed(input.deductionRed).replacingOccurrences(of: "£", with: "")) { deductionRed = value }
            else { errors.add("deductionRed", "Enter the \(unitName) when red as a number") }
            if errors["deductionAmber"] == nil, errors["deductionRed"] == nil {
                for problem in DeductionRule.problems(consequence: consequence, basis: basis, amber: deductionAmber, red: deductionRed) { errors.add(problem.field, problem.message) }
            }
        }
        guard errors.isEmpty, let kind, let direction, let target, let green, let amber, let frequency, let dueDays, let consequence, let basis else {
            return .failure(ValidationFailure(errors))
        }
        return .success(CheckedKPI(name: name, definition: definition, kind: kind, serviceUserInformed: input.serviceUserInformed, unit: unit,
                                   target: KPINumber.text(target), direction: direction, green: KPINumber.text(green), amber: KPINumber.text(amber),
                                   frequency: frequency, returnDueDays: dueDays, outcomeID: outcomeID, consequence: consequence, basis: basis,
                                   deductionAmber: KPINumber.text(deductionAmber), deductionRed: KPINumber.text(deductionRed)))
    }

    static func apply(_ checked: CheckedKPI, to kpi: KPI) {
        kpi.name = checked.name
        kpi.definition = checked.definition
        kpi.kind = checked.kind
        kpi.serviceUserInformed = checked.serviceUserInformed
        kpi.unit = checked.unit
        kpi.targetText = checked.target
        kpi.direction = checked.direction
        kpi.greenText = checked.green
        kpi.amberText = checked.amber
        kpi.frequency = checked.frequency
        kpi.returnDueDays = checked.returnDueDays
        kpi.$outcome.id = checked.outcomeID
        kpi.consequence = checked.consequence
        kpi.deductionBasis = checked.basis
        kpi.deductionAmberText = checked.deductionAmber
        kpi.deductionRedText = checked.deductionRed
    }

    static func expectedVersion(_ text: String?) throws -> Int? {
        guard !blank(text) else { return nil }
        guard let version = Int(trimmed(text)) else { throw ValidationFailure(field: "version", "The version must be a whole number") }
        return version
    }

    static func create(_ input: KPIInput, records: AgreementRecords, access: AgreementAccess, with writer: RecordWriter) async throws -> KPI {
        try access.requireKeeper()
        let checked = try check(input, records: records, existing: nil).get()
        let agreementID = try records.agreement.requireID()
        let position = (records.kpis.map(\.position).max() ?? 0) + 1
        return try await AgreementAuthoring.changing(agreementID, expected: try expectedVersion(input.version), with: writer) { _, writer in
            let kpi = KPI(agreementID: agreementID, position: position, name: checked.name, kind: checked.kind, unit: checked.unit, target: checked.target,
                          direction: checked.direction, green: checked.green, amber: checked.amber, frequency: checked.frequency, createdBy: access.user.id)
            apply(checked, to: kpi)
            try await writer.create(kpi)
            try await refreshGate(records, on: writer)
            return kpi
        }
    }

    static func update(_ kpi: KPI, _ input: KPIInput, records: AgreementRecords, access: AgreementAccess, with writer: RecordWriter) async throws -> KPI {
        try access.requireKeeper()
        let checked = try check(input, records: records, existing: kpi).get()
        return try await AgreementAuthoring.changing(try records.agreement.requireID(), expected: try expectedVersion(input.version), with: writer) { _, writer in
            guard let stored = try await KPI.find(kpi.id, on: writer.database) else { throw Abort(.notFound) }
            apply(checked, to: stored)
            try await writer.update(stored)
            try await refreshGate(records, on: writer)
            return stored
        }
    }

    /// A KPI with returned values stays, so its history does; one without any can be removed.
    static func remove(_ kpi: KPI, version: String?, records: AgreementRecords, access: AgreementAccess, with writer: RecordWriter) async throws {
        try access.requireKeeper()
        guard records.measurements(of: kpi).isEmpty else {
            throw ValidationFailure(field: "kpi", "\(kpi.name) has returned values, so it stays with its history. Change it instead, or add a new KPI.", status: .conflict)
        }
        try await AgreementAuthoring.changing(try records.agreement.requireID(), expected: try expectedVersion(version), with: writer) { _, writer in
            guard let stored = try await KPI.find(kpi.id, on: writer.database) else { throw Abort(.notFound) }
            try await writer.delete(stored)
            try await refreshGate(records, on: writer)
        }
    }

    /// The gate of the activity behind the agreement reads its KPIs.
    static func refreshGate(_ records: AgreementRecords, on writer: RecordWriter) async throws {
        if let activity = records.agreement.$activity.id { try await ActivityGateSummary.refresh([activity], on: writer.database) }
    }
}

extension KPIAuthoring.KPIInput {
    init(form fields: TextFields) {
        self.init(name: fields["name"], definition: fields.raw("definition"), kind: fields["kind"], serviceUserInformed: fields["serviceUserInformed-yes"] != nil,
                  unit: fields["unit"], target: fields["target"], direction: fields["direction"], greenThreshold: fields["greenThreshold"],
                  amberThreshold: fields["amberThreshold"], frequency: fields["frequency"], returnDueDays: fields["returnDueDays"],
                  outcomeID: fields["outcomeID"], consequence: fields["consequence"], deductionBasis: fields["deductionBasis"],
                  deductionAmber: fields["deductionAmber"], deductionRed: fields["deductionRed"], version: fields["version"])
    }
}
