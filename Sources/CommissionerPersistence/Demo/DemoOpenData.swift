import CommissionerDomain
import FluentKit
import Foundation

/// The demo's open data: the Government of Jersey as publisher (with the OCDS documentation's example
/// prefix, since the demo has none registered), and the demo's contracts approved for publication by
/// its approver — home care (over £5m, with three KPIs and rated reviews) among them, and the secure
/// placements with their payments withheld — and the mental health grant, published in 360Giving's form.
/// The refuge is confidential, so never published.
enum DemoOpenData {
    static let published: [(reference: String, withheld: [PublicationItem: String])] = [
        ("HCS-2023-014", [:]),
        ("HCS-2024-031", [:]),
        ("OIT-2022-003", [:]),
        ("OIT-2023-011", [:]),
        ("OIT-2024-009", [:]),
        ("OIT-2024-002", [:]),
        ("OIT-2021-006", [.payments: "Payments are made per placement: with so few placements, their dates and amounts could identify the people placed (personal data). The contract's value is published."]),
        ("2020V-ICT-01", [:]),
        ("HCS-2025-007", [:]),
    ]

    /// The illustrative OCDS file imported for Cheltenham Borough Council, as its starting position.
    static func importFile(organisations ids: [String: UUID], createdBy: UUID, with writer: RecordWriter) async throws {
        guard let cheltenham = ids["Cheltenham Borough Council"] else { return }
        _ = try await OCDSImporter.run(data: Data(DemoOCDSFile.text.utf8), filename: DemoOCDSFile.filename, organisationID: cheltenham,
                                       createdBy: createdBy, writer: writer)
    }

    static func load(approver: UUID, with writer: RecordWriter) async throws {
        try await OpenDataSettings.save(OCDSPublisher(name: "Government of Jersey"), with: writer)
        let agreements = try await Agreement.query(on: writer.database).filter(\.$reference ~~ published.map(\.reference)).all()
        let byReference = Dictionary(agreements.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        for item in published {
            guard let agreement = byReference[item.reference] else { continue }
            try await writer.create(PublicationApproval(agreementID: try agreement.requireID(), checklist: PublicationChecklist(withheld: item.withheld),
                                                        approvedBy: approver, at: writer.now(), agreementVersion: agreement.version))
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        for item in try await PublicationApproval.query(on: writer.database).all() { try await writer.delete(item) }
        for item in try await ImportedProcess.query(on: writer.database).all() { try await writer.delete(item) }
        for item in try await OCDSImport.query(on: writer.database).all() { try await writer.delete(item) }
    }
}
