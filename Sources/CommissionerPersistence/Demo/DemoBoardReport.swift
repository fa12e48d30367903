import CommissionerDomain
import FluentKit
import Foundation

/// The Government of Jersey's board report for November 2026, with its departments, issued by the demo
/// commissioning lead: assembled from the demo workspace's own records and frozen as issued.
enum DemoBoardReport {
    static let month = ReportMonth(year: 2026, month: 11)!

    static func load(organisations ids: [String: UUID], lead: UUID, with writer: RecordWriter) async throws {
        let today = CalendarDay(writer.now())
        let month = min(Self.month, ReportMonth(containing: today))
        let scope = BoardReportScope(organisationID: ids["Government of Jersey"]!)
        guard let report = try await BoardReportAssembly.assemble(scope, month: month, today: today, on: writer.database) else { return }
        try await writer.create(try IssuedBoardReport(organisationID: scope.organisationID, areaID: nil, report: report, issuedBy: lead, at: writer.now()))
    }

    static func remove(with writer: RecordWriter) async throws {
        for item in try await IssuedBoardReport.query(on: writer.database).all() { try await writer.delete(item) }
    }
}
