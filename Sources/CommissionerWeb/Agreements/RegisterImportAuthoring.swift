import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place a contracts register is imported, for the pages and the API: who may, for which
/// organisations, and which departments a row may name.
enum RegisterImportAuthoring {
    /// A register is a few thousand rows at most; anything larger is refused before it is read.
    static let largestUpload = 16 * 1024 * 1024

    static func mayImport(_ user: CurrentUser) -> Bool { !user.agreementOrganisations.isEmpty }

    static func requireImporter(_ user: CurrentUser) throws {
        guard mayImport(user) else {
            throw Abort(.forbidden, reason: "Only a contract manager, commissioning lead or procurement specialist may import a contracts register.")
        }
    }

    /// Commissioning organisations where the person keeps agreements.
    static func organisationChoices(_ user: CurrentUser) -> [(id: UUID, name: String)] {
        user.organisations.filter { $0.kind.commissions && user.agreementOrganisations.contains($0.id) }.map { ($0.id, $0.name) }
    }

    /// The organisation and the departments under it, by name: where a row's agreement may be held.
    static func departments(of organisationID: UUID, user: CurrentUser, on database: any Database) async throws -> [UUID: String] {
        guard user.agreementOrganisations.contains(organisationID), let organisation = try await Organisation.find(organisationID, on: database),
              organisation.kind.commissions else {
            throw ValidationFailure(field: "organisationId", "Choose an organisation where you are a contract manager, commissioning lead or procurement specialist")
        }
        var named = [organisationID: organisation.name]
        for department in try await OrganisationQueries.departments(of: organisationID, on: database) { named[try department.requireID()] = department.name }
        return named
    }

    /// Checks and imports the staged file as this person; an `ImportRefusal` names every problem and nothing is written.
    static func run(_ staged: StagedUpload, file: URL, mapping: RegisterMapping, user: CurrentUser, writer: RecordWriter) async throws -> RegisterImport {
        let departments = try await departments(of: staged.organisationID, user: user, on: writer.database)
        return try await ContractsRegisterImporter.run(file: file, filename: staged.filename, organisationID: staged.organisationID, departments: departments,
                                                       mapping: mapping, createdBy: user.id, writer: writer)
    }
}
