import CommissionerDomain
import Foundation

/// The board reports part of the OpenAPI document.
extension OpenAPIDocument {
    private static var reportChoice: [[String: Any]] { [
        ["name": "organisationId", "in": "query", "required": true, "schema": uuid],
        ["name": "areaId", "in": "query", "required": false, "description": "A commissioning area of the organisation (a programme); none for the whole organisation.",
         "schema": uuid],
        ["name": "month", "in": "query", "required": true, "schema": month],
    ] }

    private static var month: [String: Any] { ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "YYYY-MM"] }

    static var boardReportPaths: [String: [String: Any]] { [
        APIRoute.boardReports.openAPIPath: [
            "get": [
                "operationId": "listBoardReports", "summary": "Issued board reports of the organisations the user may read, newest month first.",
                "security": [["bearerToken": []]],
                "parameters": [
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid],
                    ["name": "month", "in": "query", "required": false, "schema": month],
                    ["name": "text", "in": "query", "required": false, "schema": string],
                    ["name": "page", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1]],
                    ["name": "per", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 200]],
                ],
                "responses": [
                    "200": ["description": "The issued reports, without their content.", "content": json(listOf("BoardReportItem"))],
                    "403": ["description": "A provider's people see no board reports.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "issueBoardReport",
                "summary": "Assembles the month's report from the records and keeps it as issued, in one transaction. A month is issued once per organisation or area.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("BoardReportWrite"))],
                "responses": [
                    "201": ["description": "The report as issued.", "content": json(ref("BoardReport"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator, or a commissioning lead of the organisation, the body above it or a department under it, issues its reports.",
                            "content": json(ref("Error"))],
                    "404": ["description": "No such organisation, or not one whose reports the user may read.", "content": json(ref("Error"))],
                    "409": ["description": "The month's report is already issued; it stays as the board saw it. Nothing is written.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid (a month not yet begun, an area of another organisation); `fields` says which.",
                            "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.boardReportDraft.openAPIPath: [
            "get": [
                "operationId": "draftBoardReport", "summary": "The month's report assembled from the records as they stand now; nothing is kept.",
                "security": [["bearerToken": []]], "parameters": reportChoice,
                "responses": [
                    "200": ["description": "The draft.", "content": json(ref("BoardReport"))],
                    "403": ["description": "A provider's people see no board reports.", "content": json(ref("Error"))],
                    "404": ["description": "No such organisation, or not one whose reports the user may read.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.boardReport.openAPIPath: [
            "get": [
                "operationId": "getBoardReport", "summary": "An issued report, exactly as it was issued.",
                "security": [["bearerToken": []]], "parameters": [pathID("reportID")],
                "responses": [
                    "200": ["description": "The report.", "content": json(ref("BoardReport"))],
                    "403": ["description": "A provider's people see no board reports.", "content": json(ref("Error"))],
                    "404": ["description": "No such report, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var boardReportSchemas: [String: Any] {
        let integer: [String: Any] = ["type": "integer"]
        let nullableInteger: [String: Any] = ["type": "integer", "nullable": true]
        let counts: [String: Any] = ["type": "array", "items": object(["label", "count"], ["label": string, "count": integer])]
        func listing(_ line: [String: Any]) -> [String: Any] {
            object(["lines", "total"], ["lines": ["type": "array", "items": line], "total": integer])
        }
        let milestone = object(["activityID", "activity", "title", "dueOn", "owner"], [
            "activityID": uuid, "activity": string, "title": string, "dueOn": day, "doneOn": ["type": "string", "format": "date", "nullable": true],
            "owner": string, "daysLate": nullableInteger,
        ])
        let stepChange = object(["activityID", "activity", "fromStep", "toStep", "on", "waived", "reason"], [
            "activityID": uuid, "activity": string, "fromStep": integer, "toStep": integer, "on": day, "waived": strings(), "reason": string,
        ])
        let risk = object(["riskID", "subject", "number", "event", "owner", "score"], [
            "riskID": uuid, "subject": string, "number": integer, "event": string, "owner": string, "score": integer,
            "previousScore": ["type": "integer", "nullable": true, "description": "The score at the start of the month; absent for a risk first recorded during it."],
        ])
        let spend = object(["agreementID", "reference", "title", "annualValuePence", "expectedToDatePence", "paidToDatePence"], [
            "agreementID": uuid, "reference": string, "title": string, "annualValuePence": integer, "expectedToDatePence": integer, "paidToDatePence": integer,
        ])
        let review = object(["agreementID", "reference", "title", "kind", "dueOn", "status"], [
            "agreementID": uuid, "reference": string, "title": string, "kind": string, "dueOn": day, "status": string, "daysOverdue": nullableInteger,
        ])
        let content = object(["subject", "organisation", "organisations", "month", "asAt", "activities", "milestonesDue", "milestonesLate", "stepChanges",
                              "gatesPassed", "exceptions", "topRisks", "risksOpen", "risksByRating", "resources", "engagement", "reviewsDue", "reviewsOverdue",
                              "recommendations", "recommendationActionsOverdue"], [
            "subject": string, "organisation": string, "organisations": strings(), "month": month, "asAt": day, "activities": integer,
            "milestonesDue": listing(milestone), "milestonesLate": listing(milestone), "stepChanges": listing(stepChange),
            "gatesPassed": integer, "exceptions": integer, "topRisks": ["type": "array", "items": risk], "risksOpen": integer, "risksByRating": counts,
            "resources": object(["financialYear", "agreements", "annualValuePence", "expectedToDatePence", "paidToDatePence", "paidInMonthPence", "furthestFromExpected"], [
                "financialYear": string, "agreements": integer, "annualValuePence": integer, "expectedToDatePence": integer, "paidToDatePence": integer,
                "paidInMonthPence": integer, "furthestFromExpected": ["type": "array", "items": spend],
            ]),
            "engagement": object(["events", "byKind", "providersTookPart", "providersOptedOut", "serviceUsers"], [
                "events": integer, "byKind": counts, "providersTookPart": integer, "providersOptedOut": integer, "serviceUsers": integer,
            ]),
            "reviewsDue": listing(review), "reviewsOverdue": listing(review), "recommendations": counts, "recommendationActionsOverdue": integer,
        ])
        return [
            "BoardReportItem": object(["id", "title", "month", "organisationId", "organisation", "issuedBy", "issuedAt", "contentSha256"], [
                "id": uuid, "title": string, "month": month, "organisationId": uuid, "organisation": string,
                "areaId": ["type": "string", "format": "uuid", "nullable": true], "area": ["type": "string", "nullable": true],
                "issuedBy": string, "issuedAt": ["type": "string", "format": "date-time"], "contentSha256": string,
            ]),
            "BoardReport": object(["issued", "report"], [
                "id": ["type": "string", "format": "uuid", "nullable": true], "issued": ["type": "boolean"],
                "issuedBy": ["type": "string", "nullable": true], "issuedAt": ["type": "string", "format": "date-time", "nullable": true],
                "contentSha256": ["type": "string", "nullable": true], "report": content,
            ]),
            "BoardReportWrite": object(["organisationId", "month"], ["organisationId": uuid, "areaId": uuid, "month": month]),
        ]
    }
}
