import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Brings a contracts register in as the starting position: each row becomes an agreement held by the
/// chosen organisation (or the department the row names), with its suppliers found in the provider
/// directory by Companies House number, charity number or name, or added to it. Every row is checked
/// first; any problem and nothing is written. The agreements, the providers added and the import's
/// record land together in one transaction, each in the audit trail.
public enum ContractsRegisterImporter {
    /// A supplier as the import will record it: a provider already in the directory, or one to add.
    public enum SupplierMatch: Sendable, Equatable {
        case existing(UUID)
        /// Added to the directory; rows naming the same new supplier share one provider (by its key).
        case new(key: String, supplier: RegisterSupplier)
    }

    public struct PlannedAgreement: Sendable {
        public var line: RegisterLine
        public var organisationID: UUID
        public var suppliers: [SupplierMatch]
    }

    /// What an import would do, found without writing anything.
    public struct Plan: Sendable {
        public var headers: [String]
        public var mapping: RegisterMapping
        public var agreements: [PlannedAgreement]
        /// New providers, one per distinct supplier, in the order the file first names them.
        public var newSuppliers: [(key: String, supplier: RegisterSupplier)]
        public var existingSupplierCount: Int
    }

    /// Checks the whole file against the mapping (guessed from the headers when nil). `departments` are the
    /// organisations rows may name (the chosen one and its departments where the person keeps agreements),
    /// by identifier with their names; a row that names none is held by `organisationID`.
    public static func plan(file: URL, organisationID: UUID, departments: [UUID: String], mapping chosen: RegisterMapping?,
                            on database: any Database) async throws -> Plan {
        let (headers, rows) = try DelimitedFile.records(of: file, limit: RegisterRows.largestFile, noun: "agreements")
        let mapping = chosen ?? RegisterMapping.guess(headers: headers)
        let mappingProblems = mapping.problems(headerCount: headers.count)
        guard mappingProblems.isEmpty else { throw ImportRefusal(fileProblems: mappingProblems.map(\.message)) }

        let directory = try await Directory.load(on: database)
        let departmentKeys = Dictionary(departments.map { (SupplierName.key($0.value), $0.key) }, uniquingKeysWith: { first, _ in first })
        var problems: [RowProblem] = []
        var planned: [PlannedAgreement] = []
        var newSuppliers: [(key: String, supplier: RegisterSupplier)] = []
        var existing = Set<UUID>()
        var firstLineOfReference: [String: Int] = [:]
        for (line, fields) in rows {
            var found: [RowProblem] = []
            if fields.count > headers.count {
                found.append(RowProblem(line: line, column: "(the whole row)",
                                        message: "\(fields.count) values where the header has \(headers.count): a value holding the delimiter needs quotes"))
            }
            switch RegisterRows.parse(fields, line: line, headers: headers, mapping: mapping) {
            case .failure(let rowProblems): found += rowProblems.problems
            case .success(let agreement):
                func problem(_ field: RegisterField, _ message: String) {
                    found.append(RowProblem(line: line, column: mapping.header(field, headers: headers), message: message))
                }
                if let first = firstLineOfReference[agreement.reference.lowercased()] {
                    problem(.reference, "The reference \(agreement.reference) is also on line \(first): each agreement appears once")
                } else {
                    firstLineOfReference[agreement.reference.lowercased()] = line
                }
                var holder = organisationID
                if !agreement.department.isEmpty {
                    if let named = departmentKeys[SupplierName.key(agreement.department)] { holder = named }
                    else {
                        problem(.department, "\"\(agreement.department)\" is not \(departments[organisationID] ?? "the organisation") or one of its departments where you keep agreements")
                    }
                }
                var matches: [SupplierMatch] = []
                for supplier in agreement.suppliers {
                    switch directory.find(supplier) {
                    case .found(let id): matches.append(.existing(id)); existing.insert(id)
                    case .ambiguous(let names):
                        problem(.supplierName, "\(names.count) providers in the directory could be \"\(supplier.name)\" (\(names.joined(separator: ", "))): give its Companies House or charity number")
                    case .notFound where directory.otherNames.contains(supplier.name.lowercased()):
                        problem(.supplierName, "\"\(supplier.name)\" is the name of an organisation that is not a provider: name the provider, or record this agreement by hand")
                    case .notFound(let key):
                        matches.append(.new(key: key, supplier: supplier))
                        if !newSuppliers.contains(where: { $0.key == key }) { newSuppliers.append((key, supplier)) }
                    }
                }
                planned.append(PlannedAgreement(line: agreement, organisationID: holder, suppliers: matches))
            }
            problems += found
        }
        // References are unique across the workspace, as when an agreement is recorded by hand.
        let references = planned.map(\.line.reference)
        var taken: [String: String] = [:]
        for start in stride(from: 0, to: references.count, by: 500) {
            let chunk = Array(references[start..<min(start + 500, references.count)])
            for agreement in try await Agreement.query(on: database).filter(\.$reference ~~ chunk).all() { taken[agreement.reference] = agreement.title }
        }
        for agreement in planned {
            if let title = taken[agreement.line.reference] {
                problems.append(RowProblem(line: agreement.line.line, column: mapping.header(.reference, headers: headers),
                                           message: "An agreement with the reference \(agreement.line.reference) is already recorded (\(title))"))
            }
        }
        guard problems.isEmpty else {
            problems.sort { $0.line < $1.line }
            throw ImportRefusal(rowProblems: Array(problems.prefix(SpendImporter.problemsShown)), rowProblemCount: problems.count)
        }
        return Plan(headers: headers, mapping: mapping, agreements: planned, newSuppliers: newSuppliers, existingSupplierCount: existing.count)
    }

    /// Checks the file and, if every row is right, writes it: the agreements, the providers added, and the import's record.
    public static func run(file: URL, filename: String, organisationID: UUID, departments: [UUID: String], mapping: RegisterMapping?,
                           createdBy: UUID, writer: RecordWriter) async throws -> RegisterImport {
        let sha256 = SHA256.hex(bytes: Array(try Data(contentsOf: file)))
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let plan = try await plan(file: file, organisationID: organisationID, departments: departments, mapping: mapping, on: writer.database)
            let today = CalendarDay(writer.now())
            let record = RegisterImport(id: UUID(), organisationID: organisationID, filename: filename, sha256: sha256,
                                        mapping: DelimitedFile.mappingJSON(plan.mapping, headers: plan.headers), importedBy: writer.actor, at: writer.now())
            // Inserted now so its agreements can name it; its one audit event is written once its totals are known.
            try await record.create(on: writer.database)
            var added: [String: UUID] = [:]
            for (key, supplier) in plan.newSuppliers { added[key] = try await addProvider(supplier, with: writer) }
            for planned in plan.agreements {
                let line = planned.line
                let agreement = Agreement(reference: line.reference, title: line.title, kind: line.kind, organisationID: planned.organisationID,
                                          start: line.start, initialEnd: line.end, annualValuePence: line.annualValuePence,
                                          totalValuePence: line.totalValuePence, status: line.status(on: today), createdBy: createdBy)
                agreement.summary = line.description
                agreement.procurementRoute = line.procurementRoute
                agreement.irrecoverableVATPence = line.irrecoverableVATPence
                agreement.$registerImport.id = record.id
                try await writer.create(agreement)
                var linked = Set<UUID>()
                for supplier in planned.suppliers {
                    let providerID: UUID
                    switch supplier {
                    case .existing(let id): providerID = id
                    case .new(let key, _): providerID = added[key]!
                    }
                    guard linked.insert(providerID).inserted else { continue }
                    try await writer.create(AgreementProvider(agreementID: try agreement.requireID(), organisationID: providerID))
                }
            }
            record.agreementCount = plan.agreements.count
            record.newProviderList = plan.newSuppliers.compactMap { added[$0.key]?.uuidString.lowercased() }.joined(separator: ",")
            try await record.update(on: writer.database)
            try await writer.recordCreation(of: record)
            return record
        }
    }

    /// A supplier not in the directory, added to it as a provider with its registration numbers.
    static func addProvider(_ supplier: RegisterSupplier, with writer: RecordWriter) async throws -> UUID {
        let provider = Organisation(name: supplier.name, kind: .provider)
        try await writer.create(provider)
        let profile = ProviderProfile(organisationID: try provider.requireID())
        profile.companyNumber = supplier.companyNumber
        profile.charityNumber = supplier.charityNumber
        // What the file's flags say for certain: a voluntary-sector supplier, or one that is not an SME (so large).
        if supplier.isVCSE == true { profile.sector = .vcse }
        if supplier.isSME == false { profile.size = .large }
        try await writer.create(profile)
        return try provider.requireID()
    }

    /// The provider directory, indexed for finding a register's suppliers.
    struct Directory {
        enum Found { case found(UUID), ambiguous([String]), notFound(key: String) }

        var byCompany: [String: UUID] = [:]
        var byCharity: [String: UUID] = [:]
        var byName: [String: [(id: UUID, name: String)]] = [:]
        /// Other organisations' names, lower-cased: a new provider cannot take one.
        var otherNames = Set<String>()

        static func load(on database: any Database) async throws -> Directory {
            var directory = Directory()
            for organisation in try await Organisation.query(on: database).all() {
                if [.provider, .partnershipVenture].contains(organisation.kind) {
                    directory.byName[SupplierName.key(organisation.name), default: []].append((try organisation.requireID(), organisation.name))
                } else {
                    directory.otherNames.insert(organisation.name.lowercased())
                }
            }
            for profile in try await ProviderProfile.query(on: database).all() {
                if !profile.companyNumber.isEmpty { directory.byCompany[profile.companyNumber] = profile.$organisation.id }
                if !profile.charityNumber.isEmpty { directory.byCharity[profile.charityNumber] = profile.$organisation.id }
            }
            return directory
        }

        /// By registration number first, then by name compared as spend files' suppliers are.
        func find(_ supplier: RegisterSupplier) -> Found {
            if !supplier.companyNumber.isEmpty, let id = byCompany[supplier.companyNumber] { return .found(id) }
            if !supplier.charityNumber.isEmpty, let id = byCharity[supplier.charityNumber] { return .found(id) }
            let key = SupplierName.key(supplier.name)
            let named = byName[key] ?? []
            if named.isEmpty { return .notFound(key: key) }
            return named.count == 1 ? .found(named[0].id) : .ambiguous(named.map(\.name))
        }
    }
}
