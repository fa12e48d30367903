import CommissionerDomain
import Foundation

/// The risk-register part of the OpenAPI document.
extension OpenAPIDocument {
    private static var riskID: [String: Any] { pathID("riskID") }

    private static var riskKeeper: String {
        "Does not keep the register: an activity's authors, a strategy's commissioning leads, an agreement's keepers. A provider's people see no register."
    }

    private static func riskWrite(_ operationID: String, _ summary: String, body: String?, status: String, parameters: [[String: Any]]) -> [String: Any] {
        var operation: [String: Any] = [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters,
            "responses": [
                status: ["description": "The risk as it now stands, with its mitigations and reviews.", "content": json(ref("Risk"))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": riskKeeper, "content": json(ref("Error"))],
                "404": ["description": "No such risk or subject, or not one the user may see.", "content": json(ref("Error"))],
                "409": ["description": "The risk changed since `version` was read, or the mitigation is already done.", "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
        if let body { operation["requestBody"] = ["required": true, "content": json(ref(body))] }
        return operation
    }

    static var riskPaths: [String: [String: Any]] { [
        APIRoute.risks.openAPIPath: [
            "get": [
                "operationId": "listRisks",
                "summary": "Risks on the registers of activities, strategies and agreements the user may see, highest score first.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "subjectKind", "in": "query", "required": false, "schema": ["type": "string", "enum": RiskSubjectKind.allCases.map(\.rawValue)]],
                    ["name": "subjectId", "in": "query", "required": false, "schema": uuid, "description": "One register: with subjectKind."],
                    ["name": "status", "in": "query", "required": false, "schema": ["type": "string", "enum": RiskStatus.allCases.map(\.rawValue)]],
                    ["name": "rating", "in": "query", "required": false, "schema": ["type": "string", "enum": RiskRating.allCases.map(\.rawValue)],
                     "description": "Score band: low 1–4, medium 5–9, high 10–16, very-high 20–25."],
                    ["name": "likelihood", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 5]],
                    ["name": "impact", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 5]],
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "Only risks whose event or cause contains this text."],
                ],
                "responses": [
                    "200": ["description": "One page of risks, and how many there are.", "content": json(listOf("Risk"))],
                    "403": ["description": "A provider's people see no register.", "content": json(ref("Error"))],
                    "404": ["description": "The subject named is not one the user may see.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": riskWrite("createRisk", "Adds a risk to a register, with its first assessment and any mitigations.", body: "RiskWrite", status: "201", parameters: []),
        ],
        APIRoute.risk.openAPIPath: [
            "get": [
                "operationId": "getRisk", "summary": "One risk with its mitigations and review history.", "security": [["bearerToken": []]],
                "parameters": [riskID],
                "responses": [
                    "200": ["description": "The risk.", "content": json(ref("Risk"))],
                    "403": ["description": "A provider's people see no register.", "content": json(ref("Error"))],
                    "404": ["description": "No such risk, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": riskWrite("changeRisk", "Changes the cause, event, effect and owner (the score moves only by a review).", body: "RiskWrite", status: "200", parameters: [riskID]),
        ],
        APIRoute.riskReviews.openAPIPath: [
            "post": riskWrite("reviewRisk", "Records a review: likelihood, impact and status as judged that day, and why. It becomes the current score.",
                              body: "RiskReviewWrite", status: "201", parameters: [riskID]),
        ],
        APIRoute.riskMitigations.openAPIPath: [
            "post": riskWrite("addRiskMitigation", "Adds a mitigation.", body: "RiskMitigationWrite", status: "201", parameters: [riskID]),
        ],
        APIRoute.riskMitigationDone.openAPIPath: [
            "post": riskWrite("markRiskMitigationDone", "Marks a mitigation done (today unless `doneOn` is sent).", body: nil, status: "200",
                              parameters: [riskID, pathID("mitigationID")]),
        ],
    ] }

    static var riskSchemas: [String: Any] { [
        "Risk": object(["id", "reference", "subjectKind", "subjectId", "cause", "event", "effect", "likelihood", "impact", "score", "rating", "owner", "status", "version"], [
            "id": uuid, "reference": string, "subjectKind": ["type": "string", "enum": RiskSubjectKind.allCases.map(\.rawValue)], "subjectId": uuid,
            "cause": string, "event": string, "effect": string,
            "likelihood": ["type": "integer", "minimum": 1, "maximum": 5], "impact": ["type": "integer", "minimum": 1, "maximum": 5],
            "score": ["type": "integer", "minimum": 1, "maximum": 25], "rating": ["type": "string", "enum": RiskRating.allCases.map(\.rawValue)],
            "owner": string, "status": ["type": "string", "enum": RiskStatus.allCases.map(\.rawValue)], "version": ["type": "integer"],
            "mitigations": ["type": "array", "items": object(["id", "action", "owner", "dueOn"], [
                "id": uuid, "action": string, "owner": string, "dueOn": day, "doneOn": ["type": "string", "format": "date", "nullable": true],
            ])],
            "reviews": ["type": "array", "description": "Oldest first; the first is the assessment when it was identified.", "items": object(
                ["reviewedOn", "likelihood", "impact", "score", "status", "note"], [
                "reviewedOn": day, "likelihood": ["type": "integer"], "impact": ["type": "integer"], "score": ["type": "integer"],
                "status": ["type": "string", "enum": RiskStatus.allCases.map(\.rawValue)], "note": string,
            ])],
        ]),
        "RiskWrite": object([], [
            "subjectKind": ["type": "string", "enum": RiskSubjectKind.allCases.map(\.rawValue), "description": "For a new risk: what it is held against."],
            "subjectId": ["type": "string", "format": "uuid", "description": "For a new risk."],
            "cause": string, "event": string, "effect": string,
            "likelihood": ["type": "integer", "minimum": 1, "maximum": 5, "description": "For a new risk; later by review."],
            "impact": ["type": "integer", "minimum": 1, "maximum": 5, "description": "For a new risk; later by review."],
            "owner": string,
            "mitigations": ["type": "array", "items": ref("RiskMitigationWrite")],
            "version": ["type": "integer", "description": "For a change: the version read."],
        ]),
        "RiskMitigationWrite": object([], ["action": string, "owner": string, "dueOn": day]),
        "RiskReviewWrite": object([], [
            "reviewedOn": day, "likelihood": ["type": "integer", "minimum": 1, "maximum": 5], "impact": ["type": "integer", "minimum": 1, "maximum": 5],
            "status": ["type": "string", "enum": RiskStatus.allCases.map(\.rawValue)], "note": string, "version": ["type": "integer"],
        ]),
    ] }
}
