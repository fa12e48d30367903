import CommissionerDomain
import Foundation

/// The audit and scrutiny recommendations part of the OpenAPI document.
extension OpenAPIDocument {
    private static var recommendationID: [String: Any] { pathID("recommendationID") }

    private static func recommendationWrite(_ operationID: String, _ summary: String, body: String, status: String, forbidden: String,
                                            conflict: String, parameters: [[String: Any]]) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters,
            "requestBody": ["required": true, "content": json(ref(body))],
            "responses": [
                status: ["description": "The recommendation as it now stands, with its evidence, comments and actions.", "content": json(ref("Recommendation"))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": forbidden, "content": json(ref("Error"))],
                "404": ["description": "No such recommendation (or evidence), or not one the user may see.", "content": json(ref("Error"))],
                "409": ["description": conflict, "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    private static let keeperOnly = "Only an administrator, or a commissioning lead of the organisation the report is put to or of one of its departments, keeps the response."

    static var recommendationPaths: [String: [String: Any]] { [
        APIRoute.recommendations.openAPIPath: [
            "get": [
                "operationId": "listRecommendations",
                "summary": "Recommendations of the audit and scrutiny reports the user may see: newest report first, in the report's order.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "reportId", "in": "query", "required": false, "schema": uuid],
                    ["name": "standing", "in": "query", "required": false, "schema": ["type": "string", "enum": RecommendationStanding.allCases.map(\.rawValue)],
                     "description": "Where it stands, from its status and the decisions on its evidence."],
                    ["name": "riskProfile", "in": "query", "required": false, "schema": ["type": "string", "enum": RiskProfile.allCases.map(\.rawValue)]],
                    ["name": "agreedStatus", "in": "query", "required": false, "schema": ["type": "string", "enum": AgreedStatus.allCases.map(\.rawValue)]],
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "In the recommendation, its code or the report's reference."],
                ],
                "responses": [
                    "200": ["description": "One page of recommendations, and how many there are.", "content": json(listOf("RecommendationItem"))],
                    "403": ["description": "A provider's people see no recommendations.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.recommendation.openAPIPath: [
            "get": [
                "operationId": "getRecommendation", "summary": "One recommendation with its response, evidence, comments and the improvement plan's actions.",
                "security": [["bearerToken": []]], "parameters": [recommendationID],
                "responses": [
                    "200": ["description": "The recommendation.", "content": json(ref("Recommendation"))],
                    "403": ["description": "A provider's people see no recommendations.", "content": json(ref("Error"))],
                    "404": ["description": "No such recommendation, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.recommendationStatus.openAPIPath: [
            "post": recommendationWrite("setRecommendationStatus", "Sets where the work stands; `implemented` needs evidence a scrutiny user has accepted.",
                                        body: "RecommendationStatusWrite", status: "200", forbidden: keeperOnly,
                                        conflict: "`implemented` without accepted evidence, or the recommendation changed since `version` was read. Nothing is written.",
                                        parameters: [recommendationID]),
        ],
        APIRoute.recommendationEvidence.openAPIPath: [
            "post": recommendationWrite("attachRecommendationEvidence", "Attaches evidence for a scrutiny user to judge.",
                                        body: "RecommendationEvidenceWrite", status: "201", forbidden: keeperOnly, conflict: "Not used.", parameters: [recommendationID]),
        ],
        APIRoute.recommendationEvidenceDecision.openAPIPath: [
            "post": recommendationWrite("decideRecommendationEvidence", "A scrutiny user accepts a piece of evidence, or does not and says why. Each is decided once.",
                                        body: "EvidenceDecisionWrite", status: "200", forbidden: "Only a scrutiny user decides on evidence.",
                                        conflict: "The evidence was already decided.", parameters: [recommendationID, pathID("recommendationEvidenceID")]),
        ],
        APIRoute.recommendationComments.openAPIPath: [
            "post": recommendationWrite("commentOnRecommendation", "Adds a comment: scrutiny's view of the response, or the responding body's answer.",
                                        body: "RecommendationCommentWrite", status: "201", forbidden: "Only scrutiny and the people who keep the response comment on it.",
                                        conflict: "Not used.", parameters: [recommendationID]),
        ],
        APIRoute.recommendationRequests.openAPIPath: [
            "post": recommendationWrite("requestBriefingOrExample", "Scrutiny asks for a briefing or an example, openly or in confidence.",
                                        body: "ScrutinyRequestWrite", status: "201", forbidden: "Only a scrutiny user asks for briefings and examples.",
                                        conflict: "Not used.", parameters: [recommendationID]),
        ],
        APIRoute.recommendationRequestAnswer.openAPIPath: [
            "post": recommendationWrite("answerScrutinyRequest", "The people who keep the response answer a request, once.",
                                        body: "ScrutinyAnswerWrite", status: "200", forbidden: keeperOnly,
                                        conflict: "The request was already answered.", parameters: [recommendationID, pathID("scrutinyRequestID")]),
        ],
    ] }

    static var recommendationSchemas: [String: Any] {
        let common: [String: Any] = [
            "id": uuid, "report": ["type": "string", "description": "The report's reference, such as R.124/2024."], "reportId": uuid, "code": string, "text": string,
            "riskProfile": ["type": "string", "enum": RiskProfile.allCases.map(\.rawValue), "description": "E extreme, H high, M medium, L low."],
            "agreedStatus": ["type": "string", "enum": AgreedStatus.allCases.map(\.rawValue)],
            "status": ["type": "string", "enum": RecommendationStatus.allCases.map(\.rawValue)],
            "standing": ["type": "string", "enum": RecommendationStanding.allCases.map(\.rawValue)],
            "evidenceAccepted": ["type": "boolean", "description": "Whether a scrutiny user has accepted any of its evidence."],
            "version": ["type": "integer"],
        ]
        let dateTime: [String: Any] = ["type": "string", "format": "date-time", "nullable": true]
        return [
            "RecommendationItem": object(["id", "report", "reportId", "code", "text", "riskProfile", "agreedStatus", "status", "standing", "evidenceAccepted", "version"], common),
            "Recommendation": object(["id", "report", "reportId", "reportTitle", "code", "text", "riskOfNonImplementation", "riskProfile", "response", "agreedStatus",
                                      "themeNote", "status", "standing", "evidenceAccepted", "version", "evidence", "comments", "requests", "actions"], common.merging([
                "reportTitle": string, "riskOfNonImplementation": string, "response": string,
                "improvementTheme": ["type": "string", "nullable": true], "themeNote": string,
                "evidence": ["type": "array", "items": object(["id", "description", "link", "attachedBy", "decision", "decisionNote"], [
                    "id": uuid, "description": string, "link": string, "attachedBy": string, "attachedAt": dateTime,
                    "decision": ["type": "string", "enum": EvidenceDecision.allCases.map(\.rawValue)], "decidedBy": ["type": "string", "nullable": true],
                    "decidedAt": dateTime, "decisionNote": string,
                ])],
                "comments": ["type": "array", "items": object(["id", "author", "body"], ["id": uuid, "author": string, "body": string, "createdAt": dateTime])],
                "requests": ["type": "array", "items": object(["id", "kind", "inConfidence", "request", "requestedBy", "answered"], [
                    "id": uuid, "kind": ["type": "string", "enum": ScrutinyRequestKind.allCases.map(\.rawValue)], "inConfidence": ["type": "boolean"],
                    "request": string, "requestedBy": string, "requestedAt": dateTime,
                    "answer": ["type": "string", "nullable": true,
                               "description": "Absent until answered, and when answered in confidence to someone other than scrutiny or the people who keep the response."],
                    "answered": ["type": "boolean"], "answeredBy": ["type": "string", "nullable": true], "answeredAt": dateTime,
                ])],
                "actions": ["type": "array", "items": object(["id", "description", "target", "dueOn", "responsibleOfficer", "progress", "progressNote"], [
                    "id": uuid, "description": string, "target": ["type": "string", "description": "As the plan writes it: Q4 2025."], "dueOn": day,
                    "responsibleOfficer": string, "progress": ["type": "string", "enum": ActionProgress.allCases.map(\.rawValue)], "progressNote": string,
                ])],
            ]) { a, _ in a }),
            "RecommendationStatusWrite": object(["status"], [
                "status": ["type": "string", "enum": RecommendationStatus.allCases.map(\.rawValue)], "version": ["type": "integer", "description": "The version read."],
            ]),
            "RecommendationEvidenceWrite": object(["description", "link"], [
                "description": string, "link": ["type": "string", "description": "https://… or a path in Commissioner starting /."],
            ]),
            "EvidenceDecisionWrite": object(["decision"], [
                "decision": ["type": "string", "enum": [EvidenceDecision.accepted.rawValue, EvidenceDecision.rejected.rawValue]],
                "note": ["type": "string", "description": "Why; needed when rejected."],
            ]),
            "RecommendationCommentWrite": object(["body"], ["body": string]),
            "ScrutinyRequestWrite": object(["kind", "request"], [
                "kind": ["type": "string", "enum": ScrutinyRequestKind.allCases.map(\.rawValue)], "request": string,
                "inConfidence": ["type": "boolean", "description": "Only scrutiny and the people who keep the response read the answer."],
            ]),
            "ScrutinyAnswerWrite": object(["answer"], ["answer": string]),
        ]
    }
}
