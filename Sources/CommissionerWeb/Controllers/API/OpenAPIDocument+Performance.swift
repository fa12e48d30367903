import CommissionerDomain
import Foundation

/// The performance part of the OpenAPI document: an agreement's KPIs, the providers' returns and
/// their checking, and the performance period by period.
extension OpenAPIDocument {
    private static var kpiID: [String: Any] { pathID("kpiID") }
    private static var measurementID: [String: Any] { pathID("measurementID") }
    private static var reviewID: [String: Any] { pathID("reviewID") }

    private static func reviewStep(_ operationID: String, _ summary: String, who: String, body: String? = nil) -> [String: Any] {
        var operation: [String: Any] = [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": [agreementID, reviewID],
            "responses": [
                "200": ["description": "The review as it now stands.", "content": json(ref("Review"))],
                "403": ["description": who, "content": json(ref("Error"))],
                "404": ["description": "No such agreement or review, or not one the user may see (a provider never sees a draft).", "content": json(ref("Error"))],
                "409": ["description": "The review is not at the step this needs; `reason` says why.", "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
        if let body { operation["requestBody"] = ["required": true, "content": json(ref(body))] }
        return operation
    }

    /// An exact number as a string ("92.5"); a JSON number is also read.
    static var exactNumber: [String: Any] {
        ["type": "string", "pattern": "^-?[0-9]+(\\.[0-9]{1,4})?$", "description": "An exact number as a string, up to four decimals: \"92.5\"."]
    }

    private static var keeperOnly: String {
        "Not a keeper of the agreement (contract manager, commissioning lead or procurement specialist of the organisation that holds it, or of the body above)."
    }

    private static func read(_ operationID: String, _ summary: String, returns schema: [String: Any], parameters: [[String: Any]]) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters,
            "responses": [
                "200": ["description": "As asked.", "content": json(schema)],
                "404": ["description": "No such agreement or record, or not one the user may see.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    static var performancePaths: [String: [String: Any]] { [
        APIRoute.agreementKPIs.openAPIPath: [
            "get": read("listAgreementKPIs", "The agreement's KPIs, in order.", returns: ["type": "array", "items": ref("KPI")], parameters: [agreementID]),
            "post": recordWrite("createAgreementKPI", "Adds a KPI. Send the agreement's `version` read: a change made meanwhile is refused with 409.",
                                body: "KPIWrite", returns: "KPI", parameters: [agreementID], who: keeperOnly),
        ],
        APIRoute.agreementKPI.openAPIPath: [
            "get": read("getAgreementKPI", "One KPI.", returns: ref("KPI"), parameters: [agreementID, kpiID]),
            "put": recordWrite("changeAgreementKPI", "Changes a KPI. Its frequency cannot change once values have been returned.",
                               body: "KPIWrite", returns: "KPI", status: "200", parameters: [agreementID, kpiID], who: keeperOnly),
            "delete": [
                "operationId": "removeAgreementKPI", "summary": "Removes a KPI that has no returned values (one with values stays, with its history).",
                "security": [["bearerToken": []]],
                "parameters": [agreementID, kpiID, ["name": "version", "in": "query", "required": false, "schema": ["type": "integer"],
                                                    "description": "The agreement's version read; refused with 409 when it has moved on."]],
                "responses": [
                    "204": ["description": "Removed; the removal is in the audit trail."],
                    "403": ["description": keeperOnly, "content": json(ref("Error"))],
                    "404": ["description": "No such agreement or KPI, or not one the user may see.", "content": json(ref("Error"))],
                    "409": ["description": "The KPI has returned values, or the agreement changed meanwhile.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.agreementReturns.openAPIPath: [
            "get": read("listAgreementReturns", "Every value that stands, oldest period first.", returns: ["type": "array", "items": ref("Measurement")], parameters: [agreementID]),
            "post": recordWrite("sendAgreementReturn", "Sends the values of every KPI due for a period that has ended, all or nothing. A value not yet verified is replaced; a verified one is left out and changes only by a correction.",
                                body: "ReturnWrite", returns: "MeasurementList", parameters: [agreementID],
                                who: "Not one of the provider's own people, nor a keeper of the agreement."),
        ],
        APIRoute.agreementPerformance.openAPIPath: [
            "get": read("getAgreementPerformance", "Each KPI period by period: the value, green, amber or red, whether the return came and on time, and the deductions due.",
                        returns: ref("Performance"), parameters: [agreementID]),
        ],
        APIRoute.measurementVerification.openAPIPath: [
            "post": recordWrite("checkMeasurement", "Verifies a value sent, or queries it with the question. Nobody verifies a value they sent themselves.",
                                body: "VerificationWrite", returns: "Measurement", status: "200", parameters: [agreementID, measurementID],
                                who: "Not a contract manager of the organisations that hold or fund the agreement."),
        ],
        APIRoute.measurementCorrection.openAPIPath: [
            "post": recordWrite("correctMeasurement", "Corrects a verified value, with the reason; both values stay in the history.",
                                body: "CorrectionWrite", returns: "Measurement", status: "200", parameters: [agreementID, measurementID],
                                who: "Not a contract manager of the organisations that hold or fund the agreement."),
        ],
        APIRoute.agreementReviews.openAPIPath: [
            "get": read("getAgreementReviewSchedule", "The reviews the schedule asks for (early review, full monitoring at 6 or 12 months, then at least annual evaluation), each with whether it is done and overdue.",
                        returns: ["type": "array", "items": ref("ScheduledReview")], parameters: [agreementID]),
            "post": recordWrite("recordAgreementReview", "Records one scheduled review on the standard agenda, as a draft.",
                                body: "ReviewWrite", returns: "Review", parameters: [agreementID], who: keeperOnly),
        ],
        APIRoute.agreementReview.openAPIPath: [
            "get": read("getAgreementReview", "One review. A provider's people see it once shared with them.", returns: ref("Review"), parameters: [agreementID, reviewID]),
            "put": reviewStep("changeAgreementReview", "Changes a draft review; its actions are replaced by those sent.", who: keeperOnly, body: "ReviewWrite"),
        ],
        APIRoute.reviewSharing.openAPIPath: [
            "post": reviewStep("shareAgreementReview", "Shares the draft with the provider, who may comment within 14 days.", who: keeperOnly),
        ],
        APIRoute.reviewComment.openAPIPath: [
            "post": reviewStep("commentOnAgreementReview", "The provider's one comment on the shared review, within its window; it stays on the record.",
                               who: "Not one of the provider's own people.", body: "ReviewComment"),
        ],
        APIRoute.reviewFinalising.openAPIPath: [
            "post": reviewStep("finaliseAgreementReview", "Makes the review final once the provider has commented or its window has closed.", who: keeperOnly),
        ],
        APIRoute.reviewActionDone.openAPIPath: [
            "post": {
                var operation = reviewStep("markReviewActionDone", "Marks one of the review's actions done (today unless `doneOn` is sent), at any step of the review.",
                                           who: keeperOnly, body: "ActionDone")
                operation["parameters"] = [agreementID, reviewID, pathID("actionID")]
                return operation
            }(),
        ],
    ] }

    static var performanceSchemas: [String: Any] { [
        "ActionDone": object([], ["doneOn": ["type": "string", "format": "date", "description": "The day it was done; today when left out."]]),
        "KPI": object(["id", "name", "definition", "kind", "serviceUserInformed", "unit", "target", "direction", "greenThreshold", "amberThreshold",
                       "frequency", "returnDueDays", "consequence", "deductionBasis", "deductionAmber", "deductionRed"], kpiProperties.merging(["id": uuid]) { a, _ in a }),
        "KPIWrite": object(["name", "definition", "kind", "target", "direction", "greenThreshold", "amberThreshold", "frequency"],
                           kpiProperties.merging(["version": ["type": "integer", "description": "The agreement's version read."], "outcomeId": uuid]) { _, b in b }),
        "Measurement": object(["id", "kpiId", "periodStart", "periodEnd", "value", "comment", "evidence", "state", "query", "firstSubmittedOn", "status"], [
            "id": uuid, "kpiId": uuid, "periodStart": day, "periodEnd": day, "value": exactNumber, "comment": string, "evidence": string,
            "state": ["type": "string", "enum": MeasurementState.allCases.map(\.rawValue)],
            "query": ["type": "string", "description": "The contract manager's question, while queried."],
            "firstSubmittedOn": ["type": "string", "format": "date", "description": "When the period's first value came: lateness is judged by it."],
            "status": ["type": "string", "enum": RAGStatus.allCases.map(\.rawValue)],
        ]),
        "MeasurementList": ["type": "array", "items": ref("Measurement")],
        "ScheduledReview": object(["kind", "due", "done", "overdue"], [
            "kind": ["type": "string", "enum": ReviewKind.allCases.map(\.rawValue)], "due": day,
            "done": ["type": "boolean", "description": "The review is final."], "doneOn": ["type": "string", "format": "date", "nullable": true],
            "overdue": ["type": "boolean"], "reviewId": ["type": "string", "format": "uuid", "nullable": true],
            "status": ["type": "string", "nullable": true, "enum": ReviewStatus.allCases.map(\.rawValue)],
            "rating": ["type": "string", "nullable": true, "enum": PerformanceRating.allCases.map(\.rawValue)],
        ]),
        "Review": object(["id", "kind", "due", "status", "heldOn", "agenda", "findings", "rating", "ratingReason", "providerComment", "actions"], [
            "id": uuid, "kind": ["type": "string", "enum": ReviewKind.allCases.map(\.rawValue)], "due": day,
            "status": ["type": "string", "enum": ReviewStatus.allCases.map(\.rawValue)], "heldOn": day,
            "agenda": ["type": "object", "additionalProperties": ["type": "string"], "description": "What was found under each agenda item: " + ReviewAgendaItem.allCases.map(\.rawValue).joined(separator: ", ") + "."],
            "findings": string, "rating": ["type": "string", "enum": PerformanceRating.allCases.map(\.rawValue)], "ratingReason": string,
            "sharedOn": ["type": "string", "format": "date", "nullable": true], "commentUntil": ["type": "string", "format": "date", "nullable": true],
            "providerComment": string, "finalisedOn": ["type": "string", "format": "date", "nullable": true],
            "actions": ["type": "array", "items": object(["id", "description", "owner", "dueOn"], ["id": uuid, "description": string, "owner": string, "dueOn": day,
                                                                                           "doneOn": ["type": "string", "format": "date", "nullable": true]])],
        ]),
        "ReviewWrite": object(["heldOn", "agenda", "findings", "rating", "ratingReason"], [
            "kind": ["type": "string", "enum": ReviewKind.allCases.map(\.rawValue), "description": "For a new review: which scheduled one, with `due`."],
            "due": day, "heldOn": day,
            "agenda": ["type": "object", "additionalProperties": ["type": "string"], "description": "Every agenda item: " + ReviewAgendaItem.allCases.map(\.rawValue).joined(separator: ", ") + "."],
            "findings": string, "rating": ["type": "string", "enum": PerformanceRating.allCases.map(\.rawValue)], "ratingReason": string,
            "actions": ["type": "array", "items": object(["description", "owner", "dueOn"], ["description": string, "owner": string, "dueOn": day])],
        ]),
        "ReviewComment": object(["comment"], ["comment": string]),
        "ReturnWrite": object(["periodEnd", "measurements"], [
            "periodEnd": ["type": "string", "format": "date", "description": "The period's last day: 2025-06-30 for Q1 2025/26."],
            "measurements": ["type": "array", "items": object(["kpiId", "value"], ["kpiId": uuid, "value": exactNumber, "comment": string, "evidence": string])],
        ]),
        "VerificationWrite": object(["verdict"], [
            "verdict": ["type": "string", "enum": ["verify", "query"]], "reason": ["type": "string", "description": "The question; needed to query."],
        ]),
        "CorrectionWrite": object(["value", "reason"], ["value": exactNumber, "reason": string]),
        "Performance": object(["agreementId", "outcomeBasedKPI", "serviceUserInformedKPI", "kpis", "deductionsDue", "currency"], [
            "agreementId": uuid, "outcomeBasedKPI": ["type": "boolean"], "serviceUserInformedKPI": ["type": "boolean"],
            "deductionsDue": money, "currency": ["type": "string", "enum": ["GBP"]],
            "kpis": ["type": "array", "items": object(["kpiId", "name", "periods", "lateReturns", "deductionsDue"], [
                "kpiId": uuid, "name": string, "lateReturns": ["type": "integer"], "deductionsDue": money,
                "periods": ["type": "array", "items": object(["periodStart", "periodEnd", "title", "returnStanding", "late", "deduction", "provisionalDeduction"], [
                    "periodStart": day, "periodEnd": day, "title": ["type": "string", "description": "\"Q1 2025/26\"."],
                    "value": ["type": "string", "nullable": true], "status": ["type": "string", "nullable": true, "enum": RAGStatus.allCases.map(\.rawValue)],
                    "returnStanding": ["type": "string", "enum": ["not-due", "due", "overdue"] + MeasurementState.allCases.map(\.rawValue)],
                    "late": ["type": "boolean"], "deduction": money,
                    "provisionalDeduction": ["type": "string", "description": "What would be due if the value, not yet verified, stands."],
                ])],
            ])],
        ]),
    ] }

    private static var kpiProperties: [String: Any] { [
        "name": ["type": "string", "maxLength": 200], "definition": string,
        "kind": ["type": "string", "enum": KPIKind.allCases.map(\.rawValue)],
        "serviceUserInformed": ["type": "boolean"], "unit": string, "target": exactNumber,
        "direction": ["type": "string", "enum": KPIDirection.allCases.map(\.rawValue)],
        "greenThreshold": exactNumber, "amberThreshold": exactNumber,
        "frequency": ["type": "string", "enum": ReportingFrequency.allCases.map(\.rawValue)],
        "returnDueDays": ["type": "integer", "minimum": 0, "maximum": 90],
        "outcomeId": ["type": "string", "format": "uuid", "nullable": true],
        "consequence": ["type": "string", "enum": PaymentConsequence.allCases.map(\.rawValue)],
        "deductionBasis": ["type": "string", "enum": DeductionBasis.allCases.map(\.rawValue)],
        "deductionAmber": exactNumber, "deductionRed": exactNumber,
    ] }
}
