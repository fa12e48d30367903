@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import FluentSQL
import Testing
import Vapor

@Suite struct AuditTrailTests {
    func sql(_ app: Application) -> any SQLDatabase { app.db as! any SQLDatabase }

    /// Lifts the database's append-only guard, as someone with direct access to the database could.
    func liftGuard(_ app: Application) async throws {
        for statement in AppendOnlyTriggers.drop(dialect: sql(app).dialect.name) {
            try await sql(app).raw(SQLQueryString(statement)).run()
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoWorkspaceLeavesAnIntactChainWithEveryRecordInIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let result = try await AuditTrail.verify(on: app.db)
            #expect(result.problem == nil)
            let records = try await count(Organisation.self, app) + count(User.self, app) + count(Membership.self, app) + count(WorkspaceSetting.self, app)
                + count(CommissioningActivity.self, app) + count(ActivityOrganisation.self, app)
                + count(Document.self, app) + count(DocumentVersion.self, app) + count(Approval.self, app) + count(DecisionRecord.self, app)
                + count(EvidenceItem.self, app) + count(NeedsAnalysisRecord.self, app) + count(Outcome.self, app) + count(OutcomeEvidence.self, app)
                + count(Milestone.self, app) + count(BudgetHolder.self, app) + count(Strategy.self, app) + count(StrategyEntry.self, app)
                + count(Appraisal.self, app) + count(AppraisalCriterion.self, app) + count(AppraisalOption.self, app) + count(AppraisalScore.self, app)
                + count(AppraisalCashFlow.self, app) + count(AppraisalOptionOutcome.self, app) + count(CommercialModel.self, app)
                + count(ProviderProfile.self, app)
                + count(Agreement.self, app) + count(AgreementProvider.self, app) + count(FundingLine.self, app) + count(AgreementYearValue.self, app)
                + count(AgreementExtension.self, app) + count(AgreementVariation.self, app)
                + count(KPI.self, app) + count(KPIMeasurement.self, app) + count(KPIMeasurementRevision.self, app)
                + count(ContractReview.self, app) + count(ReviewAction.self, app)
                + count(Risk.self, app) + count(RiskReview.self, app) + count(RiskMitigation.self, app)
                + count(SpendImport.self, app) + count(BeneficiaryMatch.self, app)
                + count(AuditReport.self, app) + count(ImprovementTheme.self, app) + count(Recommendation.self, app) + count(RecommendationAction.self, app)
                + count(RecommendationEvidence.self, app) + count(RecommendationComment.self, app) + count(ScrutinyRequest.self, app)
                + count(CommissioningIntentions.self, app) + count(CommissioningIntention.self, app)
                + count(CommissioningArea.self, app) + count(AccountabilityAssignment.self, app) + count(CommissioningAreaLink.self, app)
                + count(CommercialTriage.self, app) + count(EngagementEvent.self, app) + count(EngagementParticipant.self, app) + count(EngagementLink.self, app)
                + count(StandardsAssessment.self, app) + count(StandardAssessmentEntry.self, app) + count(SkillRating.self, app) + count(IssuedBoardReport.self, app)
                + count(PublicationApproval.self, app) + count(OCDSImport.self, app) + count(ImportedProcess.self, app)
            // Payments are not in the sum: they are written with their import, whose one event records them.
            #expect(result.checked == records, "one create event per record")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDatabaseRefusesToChangeOrRemoveAnEvent(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            await #expect(throws: (any Error).self) {
                try await sql(app).raw("UPDATE audit_events SET actor_label = 'someone else' WHERE sequence = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql(app).raw("DELETE FROM audit_events WHERE sequence = 2").run()
            }
            let result = try await AuditTrail.verify(on: app.db)
            #expect(result.problem == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAlteredEventIsFoundAndNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await liftGuard(app)
            try await sql(app).raw("UPDATE audit_events SET after = '{\"name\":\"Forged\"}' WHERE sequence = 7").run()
            let id = try #require(try await AuditEvent.query(on: app.db).filter(\.$sequence == 7).first()?.id)
            #expect(try await AuditTrail.verify(on: app.db, pageSize: 3).problem == .altered(sequence: 7, id: id))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRemovedEventIsFoundAndNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await liftGuard(app)
            try await sql(app).raw("DELETE FROM audit_events WHERE sequence = 5").run()
            #expect(try await AuditTrail.verify(on: app.db).problem == .missing(sequence: 5))
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoSwappedEventsAreFoundAndNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await liftGuard(app)
            let fourth = try #require(try await AuditEvent.query(on: app.db).filter(\.$sequence == 4).first()?.id)
            try await sql(app).raw("UPDATE audit_events SET sequence = -1 WHERE sequence = 3").run()
            try await sql(app).raw("UPDATE audit_events SET sequence = 3 WHERE sequence = 4").run()
            try await sql(app).raw("UPDATE audit_events SET sequence = 4 WHERE sequence = -1").run()
            #expect(try await AuditTrail.verify(on: app.db).problem == .unlinked(sequence: 3, id: fourth))
        }
    }

    @Test(arguments: TestDatabase.all)
    func removingTheNewestEventIsFoundFromTheChainsHead(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await liftGuard(app)
            let last = try #require(try await AuditEvent.query(on: app.db).sort(\.$sequence, .descending).first()?.sequence)
            try await sql(app).raw("DELETE FROM audit_events WHERE sequence = \(bind: last)").run()
            #expect(try await AuditTrail.verify(on: app.db).problem == .truncated(lastPresent: last - 1, recordedLast: last))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUpdateRecordsBeforeAndAfterAndADeleteRecordsWhatWasRemoved(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let writer = RecordWriter(database: app.db, actor: AuditActor(userID: nil, label: "test", requestID: "request-1"))
            let organisation = Organisation(name: "Temporary Board", kind: .scrutinyBody)
            try await writer.create(organisation)
            organisation.name = "Renamed Board"
            try await writer.update(organisation)
            try await writer.delete(organisation)
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordID == organisation.requireID().uuidString.lowercased())
                .sort(\.$sequence).all()
            #expect(events.map(\.action) == ["create", "update", "delete"])
            #expect(events[1].before?.contains("Temporary Board") == true)
            #expect(events[1].after?.contains("Renamed Board") == true)
            #expect(events[2].before?.contains("Renamed Board") == true)
            #expect(events[2].after == nil)
            #expect(events.allSatisfy { $0.actorLabel == "test" && $0.requestID == "request-1" })
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFailedChangeLeavesNoEventBehind(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let writer = RecordWriter(database: app.db, actor: .system)
            let events = try await count(AuditEvent.self, app)
            // The database refuses a second organisation with the same name; the event goes with it.
            await #expect(throws: (any Error).self) {
                try await writer.create(Organisation(name: "Mind Jersey", kind: .provider))
            }
            #expect(try await count(AuditEvent.self, app) == events)
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentWritersKeepTheChainInOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<12 {
                    group.addTask {
                        try await RecordWriter(database: app.db, actor: .system).create(Organisation(name: "Concurrent \(n)", kind: .provider))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditTrail.verify(on: app.db).problem == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func administratorsAndScrutinyFilterTheTrailAndDownloadIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            let all = try await scrutiny.get("/audit")
            #expect(all.status == .ok)
            #expect(all.body.contains("Audit trail"))
            let sessions = try await scrutiny.get("/audit?recordType=user_sessions")
            #expect(sessions.body.contains("Scrutiny, Public Accounts Committee (illustrative)"))
            #expect(sessions.body.contains("Showing 1 to 1 of 1"))
            let scrutinyUser = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.scrutiny)), on: app.db))
            let byUser = try await scrutiny.get("/audit?userID=\(try scrutinyUser.requireID())")
            #expect(byUser.body.contains("Showing 1 to 1 of 1"))
            let future = try await scrutiny.get("/audit?from=2027-01-01")
            #expect(future.body.contains("No audit events match the filter."))
            let today = try await scrutiny.get("/audit?from=2026-11-22&to=2026-11-22&recordType=organisations")
            #expect(today.body.contains("to 30 of 30"))
            let bad = try await scrutiny.get("/audit?from=22/11/2026")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Enter the from date as a real date"))
            let csv = try await scrutiny.get("/audit.csv?recordType=memberships")
            #expect(csv.body.hasPrefix("sequence,occurred_at,actor_user_id,actor,action,record_type,record_id,before,after,request_id,previous_hash,hash"))
            #expect(csv.body.split(separator: "\r\n").count == 1 + DemoWorkspace.people.count, "one membership for each demo person")
        }
    }
}
