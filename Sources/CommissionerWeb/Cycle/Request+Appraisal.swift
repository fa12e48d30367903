import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension Request {
    /// The activity in the path and its started delivery analysis; `author`: only for those who may write it.
    func visibleAppraisal(author: Bool) async throws -> (CommissioningActivity, ActivityAccess, AppraisalRecords) {
        let (activity, access) = try await visibleActivity()
        if author { try access.requireAuthor() }
        guard let records = try await AppraisalRecords.load(activityID: try activity.requireID(), on: db) else {
            throw Abort(.notFound, reason: "This activity's delivery analysis has not been started.")
        }
        return (activity, access, records)
    }

    /// The option named by `optionID` in the path.
    func appraisalOption(in records: AppraisalRecords) throws -> AppraisalOption {
        guard let id = parameters.get("optionID", as: UUID.self), let option = records.options.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no such option in this analysis.")
        }
        return option
    }

    /// The criterion named by `criterionID` in the path.
    func appraisalCriterion(in records: AppraisalRecords) throws -> AppraisalCriterion {
        guard let id = parameters.get("criterionID", as: UUID.self), let criterion = records.criteria.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no such criterion in this analysis.")
        }
        return criterion
    }

    /// The line of costs or benefits named by `cashFlowID` in the path, of `option`.
    func appraisalCashFlow(of option: AppraisalOption, in records: AppraisalRecords) throws -> AppraisalCashFlow {
        guard let id = parameters.get("cashFlowID", as: UUID.self), let flow = records.cashFlows(of: option.id!).first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no such cost or benefit for this option.")
        }
        return flow
    }

    /// The activity's own outcomes, oldest first: those a delivery option can say it would achieve.
    func activityOutcomes(_ activity: CommissioningActivity) async throws -> [Outcome] {
        try await Outcome.query(on: db).filter(\.$activity.$id == activity.requireID()).sort(\.$createdAt).sort(\.$id).all()
    }
}
