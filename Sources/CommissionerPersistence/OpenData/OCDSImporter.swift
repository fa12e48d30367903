import CommissionerDomain
import FluentKit
import Foundation

/// Brings an OCDS file in as an organisation's starting position: its releases grouped by `ocid` and
/// compiled by Commissioner's merge, each compiled process read as an agreement with its suppliers
/// (found in the provider directory by registration number or name, or added to it). A release or
/// process with a problem is set aside and named; the rest are written in one transaction. A process
/// imported before is left alone when its compiled release is unchanged, and brought up to date when not.
public enum OCDSImporter {
    public struct Progress: Sendable {
        public var processes: Int
        public var done: Int
    }

    public static func run(data: Data, filename: String, organisationID: UUID, createdBy: UUID, writer: RecordWriter,
                           progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> OCDSImport {
        try await run(file: try OCDSImportFile(data), sha256: SHA256.hex(bytes: Array(data)), filename: filename, organisationID: organisationID,
                      createdBy: createdBy, writer: writer, progress: progress)
    }

    /// Imports a file already read (and so not refused), whose SHA-256 is `sha256`.
    public static func run(file: OCDSImportFile, sha256: String, filename: String, organisationID: UUID, createdBy: UUID, writer: RecordWriter,
                           progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> OCDSImport {
        var problems = file.problems
        var byOCID: [String: [JSONValue]] = [:]
        var order: [String] = []
        for release in file.releases {
            let ocid = release["ocid"]!.string!
            if byOCID[ocid] == nil { order.append(ocid) }
            byOCID[ocid, default: []].append(.object(release))
        }
        var merge = OCDSMerge(rules: try OCDSMergeRules.bundled())
        let today = CalendarDay(writer.now())
        var contracts: [(contract: OCDSImportedContract, compiled: String)] = []
        for ocid in order {
            do {
                guard let compiled = try merge.compiledRelease(byOCID[ocid]!).object else { continue }
                let (contract, found) = OCDSImportedContract.read(compiled, today: today)
                problems += found
                if let contract { contracts.append((contract, JSONWriter.text(.object(compiled), sortedKeys: true))) }
            } catch let failure as OCDSMerge.Failure {
                problems.append(.init(release: "\(ocid) (its releases)", field: "(the merge)", message: failure.message))
            }
        }
        progress(Progress(processes: contracts.count, done: 0))
        let form = file.form
        let releaseCount = file.releases.count + file.problems.count
        let checkedProblems = problems
        let checked = contracts
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let record = OCDSImport(organisationID: organisationID, filename: filename, sha256: sha256, form: form, releases: releaseCount,
                                    problems: [], importedBy: writer.actor, at: writer.now())
            // Inserted now so its processes can name it; its one audit event is written once its totals are known.
            try await record.create(on: writer.database)
            let importID = try record.requireID()
            var problems = checkedProblems
            let ocids = checked.map(\.contract.ocid)
            var existing: [String: ImportedProcess] = [:]
            for start in stride(from: 0, to: ocids.count, by: 500) {
                let chunk = Array(ocids[start..<min(start + 500, ocids.count)])
                for process in try await ImportedProcess.query(on: writer.database).filter(\.$organisation.$id == organisationID).filter(\.$ocid ~~ chunk).all() {
                    existing[process.ocid] = process
                }
            }
            // Agreements already recorded under these references (not from this organisation's OCDS imports), read in chunks.
            var taken: [String: String] = [:]
            for start in stride(from: 0, to: ocids.count, by: 500) {
                let chunk = Array(ocids[start..<min(start + 500, ocids.count)])
                for agreement in try await Agreement.query(on: writer.database).filter(\.$reference ~~ chunk).all() { taken[agreement.reference] = agreement.title }
            }
            var directory = try await ContractsRegisterImporter.Directory.load(on: writer.database)
            for (index, item) in checked.enumerated() {
                defer { if (index + 1) % 100 == 0 || index + 1 == checked.count { progress(Progress(processes: checked.count, done: index + 1)) } }
                let contract = item.contract
                if let previous = existing[contract.ocid] {
                    guard previous.compiledSHA256 != SHA256.hex(item.compiled) else { record.unchanged += 1; continue }
                    guard let agreement = try await Agreement.find(previous.$agreement.id, on: writer.database) else { continue }
                    apply(contract, to: agreement)
                    agreement.version += 1
                    try await writer.update(agreement)
                    previous.compiled = item.compiled
                    previous.compiledSHA256 = SHA256.hex(item.compiled)
                    previous.$ocdsImport.id = importID
                    try await writer.update(previous)
                    record.updated += 1
                    continue
                }
                if let title = taken[contract.ocid] {
                    problems.append(.init(release: "\(contract.ocid) (compiled)", field: "ocid",
                                          message: "An agreement with the reference \(contract.ocid) is already recorded (\(title)), not from an OCDS import of this organisation"))
                    continue
                }
                // Which provider each supplier is, before anything of the process is written.
                var matches: [(supplier: RegisterSupplier, id: UUID?)] = []
                var ambiguous: [String] = []
                for supplier in contract.suppliers {
                    switch directory.find(supplier) {
                    case .found(let id): matches.append((supplier, id))
                    case .ambiguous(let names): ambiguous.append("\(names.count) providers in the directory could be \"\(supplier.name)\" (\(names.joined(separator: ", ")))")
                    case .notFound: matches.append((supplier, nil))
                    }
                }
                guard ambiguous.isEmpty else {
                    problems.append(.init(release: "\(contract.ocid) (compiled)", field: "parties",
                                          message: ambiguous.joined(separator: "; ") + ": give the supplier's Companies House or charity number in the file"))
                    continue
                }
                let agreement = Agreement(reference: contract.ocid, title: contract.title, kind: .contract, organisationID: organisationID, start: contract.start,
                                          initialEnd: contract.end, annualValuePence: contract.annualValuePence, totalValuePence: contract.totalValuePence,
                                          status: contract.status, createdBy: createdBy)
                apply(contract, to: agreement)
                try await writer.create(agreement)
                var linked = Set<UUID>()
                for (supplier, found) in matches {
                    var providerID: UUID
                    if let found { providerID = found } else if case .found(let id) = directory.find(supplier) {
                        providerID = id  // added earlier in this import
                    } else {
                        providerID = try await ContractsRegisterImporter.addProvider(supplier, with: writer)
                        directory.byName[SupplierName.key(supplier.name), default: []].append((providerID, supplier.name))
                        if !supplier.companyNumber.isEmpty { directory.byCompany[supplier.companyNumber] = providerID }
                        if !supplier.charityNumber.isEmpty { directory.byCharity[supplier.charityNumber] = providerID }
                    }
                    guard linked.insert(providerID).inserted else { continue }
                    try await writer.create(AgreementProvider(agreementID: try agreement.requireID(), organisationID: providerID))
                }
                try await writer.create(ImportedProcess(organisationID: organisationID, ocid: contract.ocid, agreementID: try agreement.requireID(),
                                                        importID: importID, compiled: item.compiled))
                record.added += 1
            }
            let kept = OCDSImport(organisationID: organisationID, filename: filename, sha256: sha256, form: form, releases: releaseCount, problems: problems,
                                  importedBy: writer.actor, at: writer.now())
            record.problemCount = kept.problemCount
            record.problemsJSON = kept.problemsJSON
            try await record.update(on: writer.database)
            try await writer.recordCreation(of: record)
            return record
        }
    }

    static func apply(_ contract: OCDSImportedContract, to agreement: Agreement) {
        agreement.title = contract.title
        agreement.summary = contract.description
        agreement.status = contract.status
        agreement.awardedOn = contract.awarded?.description
        agreement.startOn = contract.start.description
        agreement.initialEndOn = contract.end.description
        agreement.endOn = contract.end.description
        agreement.totalValuePence = contract.totalValuePence
        agreement.annualValuePence = contract.annualValuePence
        agreement.procurementRoute = contract.procurementRoute
    }
}
