import CommissionerDomain
import Foundation

/// The audit and scrutiny reports part of the OpenAPI document.
extension OpenAPIDocument {
    private static var auditReportID: [String: Any] { pathID("auditReportID") }

    private static func auditReportWrite(_ operationID: String, _ summary: String, body: String, status: String, conflict: String,
                                         parameters: [[String: Any]]) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters,
            "requestBody": ["required": true, "content": json(ref(body))],
            "responses": [
                status: ["description": "The report with its themes, recommendations and actions as they now stand.", "content": json(ref("AuditReport"))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": "Only an administrator, or a commissioning lead of the organisation the report is put to or of one of its departments, keeps the response.",
                        "content": json(ref("Error"))],
                "404": ["description": "No such report (or action), or not one the user may see.", "content": json(ref("Error"))],
                "409": ["description": conflict, "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    static var auditReportPaths: [String: [String: Any]] { [
        APIRoute.auditReports.openAPIPath: [
            "get": [
                "operationId": "listAuditReports", "summary": "Audit and scrutiny reports the user may see, newest first.",
                "security": [["bearerToken": []]],
                "parameters": paging + [["name": "text", "in": "query", "required": false, "schema": string, "description": "In the title, reference or author."]],
                "responses": [
                    "200": ["description": "One page of reports, and how many there are.", "content": json(listOf("AuditReportItem"))],
                    "403": ["description": "A provider's people see no reports.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "recordAuditReport",
                "summary": "Records a report with its improvement themes, recommendations and actions, in one transaction: any fault and nothing is written.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("AuditReportWrite"))],
                "responses": [
                    "201": ["description": "The report as recorded.", "content": json(ref("AuditReport"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator or a commissioning lead records a report.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` names it, such as `recommendations[2].riskProfile`. Nothing is written.",
                            "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.auditReport.openAPIPath: [
            "get": [
                "operationId": "getAuditReport", "summary": "One report with its themes, recommendations (and where each stands) and actions.",
                "security": [["bearerToken": []]], "parameters": [auditReportID],
                "responses": [
                    "200": ["description": "The report.", "content": json(ref("AuditReport"))],
                    "403": ["description": "A provider's people see no reports.", "content": json(ref("Error"))],
                    "404": ["description": "No such report, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.auditReportThemes.openAPIPath: [
            "post": auditReportWrite("addImprovementTheme", "Adds an improvement theme.", body: "ImprovementThemeWrite", status: "201", conflict: "Not used.",
                                     parameters: [auditReportID]),
        ],
        APIRoute.auditReportRecommendations.openAPIPath: [
            "post": auditReportWrite("addAuditRecommendation", "Adds a recommendation with its response; `theme` is a theme's identifier.",
                                     body: "AuditRecommendationWrite", status: "201", conflict: "Not used.", parameters: [auditReportID]),
        ],
        APIRoute.auditReportActions.openAPIPath: [
            "post": auditReportWrite("addAuditAction", "Adds an improvement plan action; `theme` is a theme's identifier.",
                                     body: "AuditActionWrite", status: "201", conflict: "Not used.", parameters: [auditReportID]),
        ],
        APIRoute.auditReportActionProgress.openAPIPath: [
            "post": auditReportWrite("recordActionProgress", "Records how far an action has got.", body: "ActionProgressWrite", status: "200",
                                     conflict: "The action changed since `version` was read. Nothing is written.",
                                     parameters: [auditReportID, pathID("recommendationActionID")]),
        ],
    ] }

    static var auditReportSchemas: [String: Any] {
        let common: [String: Any] = [
            "id": uuid, "reference": string, "title": string, "authorBody": string, "publishedOn": day, "respondingOrganisation": string,
            "respondingOrganisationId": uuid, "scrutinyOrganisation": ["type": "string", "nullable": true],
            "scrutinyOrganisationId": ["type": "string", "format": "uuid", "nullable": true],
            "responseOn": ["type": "string", "format": "date", "nullable": true],
        ]
        let recommendationWrite: [String: Any] = [
            "code": string, "text": string, "riskOfNonImplementation": string,
            "riskProfile": ["type": "string", "enum": RiskProfile.allCases.map(\.rawValue)], "response": string,
            "agreedStatus": ["type": "string", "enum": AgreedStatus.allCases.map(\.rawValue)],
            "theme": ["type": "string", "description": "A theme's title when sent with the report; a theme's identifier when added to a recorded report."],
            "themeNote": string,
        ]
        let actionWrite: [String: Any] = [
            "description": string, "target": ["type": "string", "description": "A quarter (Q4 2025, due on its last day) or YYYY-MM-DD."],
            "responsibleOfficer": string, "theme": ["type": "string", "description": "As for a recommendation's theme."],
        ]
        let themeWrite = object(["title"], ["title": string, "description": string])
        return [
            "AuditReportItem": object(["id", "reference", "title", "authorBody", "publishedOn", "respondingOrganisation", "respondingOrganisationId", "recommendations"],
                                      common.merging(["recommendations": ["type": "integer"]]) { a, _ in a }),
            "AuditReport": object(["id", "reference", "title", "authorBody", "publishedOn", "respondingOrganisation", "respondingOrganisationId", "summary",
                                   "version", "themes", "recommendations", "actions"], common.merging([
                "summary": string, "version": ["type": "integer"],
                "themes": ["type": "array", "items": object(["id", "title", "description"], ["id": uuid, "title": string, "description": string])],
                "recommendations": ["type": "array", "items": ref("RecommendationItem")],
                "actions": ["type": "array", "items": object(["id", "description", "target", "dueOn", "responsibleOfficer", "progress", "progressNote", "version"], [
                    "id": uuid, "theme": ["type": "string", "nullable": true], "description": string, "target": string, "dueOn": day,
                    "responsibleOfficer": string, "progress": ["type": "string", "enum": ActionProgress.allCases.map(\.rawValue)], "progressNote": string,
                    "version": ["type": "integer"],
                ])],
            ]) { a, _ in a }),
            "AuditReportWrite": object(["title", "authorBody", "reference", "publishedOn", "respondingOrganisationId"], [
                "title": string, "authorBody": string, "reference": string, "publishedOn": day, "respondingOrganisationId": uuid,
                "scrutinyOrganisationId": uuid, "responseOn": day, "summary": string,
                "themes": ["type": "array", "items": themeWrite],
                "recommendations": ["type": "array", "items": object(["code", "text", "riskProfile", "agreedStatus"], recommendationWrite)],
                "actions": ["type": "array", "items": object(["description", "target", "responsibleOfficer"], actionWrite)],
            ]),
            "ImprovementThemeWrite": themeWrite,
            "AuditRecommendationWrite": object(["code", "text", "riskProfile", "agreedStatus"], recommendationWrite),
            "AuditActionWrite": object(["description", "target", "responsibleOfficer"], actionWrite),
            "ActionProgressWrite": object(["progress"], [
                "progress": ["type": "string", "enum": ActionProgress.allCases.map(\.rawValue)], "progressNote": string,
                "version": ["type": "integer", "description": "The version read."],
            ]),
        ]
    }
}
