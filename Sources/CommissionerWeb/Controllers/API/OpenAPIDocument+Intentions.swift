import CommissionerDomain
import Foundation

/// The commissioning intentions and business-planning calendar part of the OpenAPI document.
extension OpenAPIDocument {
    private static var intentionsID: [String: Any] { pathID("intentionsID") }

    private static func intentionsWrite(_ operationID: String, _ summary: String, body: String, status: String, forbidden: String, conflict: String,
                                        parameters: [[String: Any]]) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters,
            "requestBody": ["required": true, "content": json(ref(body))],
            "responses": [
                status: ["description": "The intentions as they now stand.", "content": json(ref("Intentions"))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": forbidden, "content": json(ref("Error"))],
                "404": ["description": "No such intentions, or not ones the user may see.", "content": json(ref("Error"))],
                "409": ["description": conflict, "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    static var intentionsPaths: [String: [String: Any]] { [
        APIRoute.intentions.openAPIPath: [
            "get": [
                "operationId": "listIntentions",
                "summary": "Published commissioning intentions, newest year first; on the first page, also those not yet published that the user may see.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid],
                    ["name": "year", "in": "query", "required": false, "schema": ["type": "integer"]],
                ],
                "responses": [
                    "200": ["description": "One page of intentions, and how many there are.", "content": json(listOf("IntentionsItem"))],
                    "403": ["description": "A provider's people use the public page instead.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "startIntentions", "summary": "Starts an organisation's commissioning intentions for a year, as a draft.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("IntentionsWrite"))],
                "responses": [
                    "201": ["description": "The intentions started.", "content": json(ref("Intentions"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only a commissioning lead writes commissioning intentions.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid (or the year already has intentions); `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.intentionsRecord.openAPIPath: [
            "get": [
                "operationId": "getIntentions", "summary": "One organisation's commissioning intentions for a year.",
                "security": [["bearerToken": []]], "parameters": [intentionsID],
                "responses": [
                    "200": ["description": "The intentions.", "content": json(ref("Intentions"))],
                    "403": ["description": "A provider's people use the public page instead.", "content": json(ref("Error"))],
                    "404": ["description": "No such intentions, or unpublished ones the user may not see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.intentionsItems.openAPIPath: [
            "post": intentionsWrite("addIntention", "Adds an intention to a draft.", body: "IntentionWrite", status: "201",
                                    forbidden: "Only a commissioning lead of the organisation writes its commissioning intentions.",
                                    conflict: "The intentions are agreed or published: what was agreed is not changed.", parameters: [intentionsID]),
        ],
        APIRoute.intentionsAgreement.openAPIPath: [
            "post": intentionsWrite("agreeIntentions", "Records that the approving body agreed the intentions.", body: "IntentionsAgreementWrite", status: "200",
                                    forbidden: "Only an approver of the organisation, or of the body above it, records the agreement.",
                                    conflict: "Already agreed, nothing to agree yet, or changed since `version` was read.", parameters: [intentionsID]),
        ],
        APIRoute.intentionsPublication.openAPIPath: [
            "post": intentionsWrite("publishIntentions", "Publishes agreed intentions on the public page (/intentions) and its Atom feed (/intentions.atom).",
                                    body: "IntentionsPublicationWrite", status: "200",
                                    forbidden: "Only a commissioning lead of the organisation, or an administrator, publishes its intentions.",
                                    conflict: "Not agreed yet, already published, or changed since `version` was read.", parameters: [intentionsID]),
        ],
        APIRoute.planningCalendar.openAPIPath: [
            "get": [
                "operationId": "getPlanningCalendars",
                "summary": "The business-planning calendar of each commissioning organisation the user acts in (or `organisationId`), for the intentions' year under way.",
                "security": [["bearerToken": []]],
                "parameters": [["name": "organisationId", "in": "query", "required": false, "schema": uuid]],
                "responses": [
                    "200": ["description": "The calendars.", "content": json(["type": "array", "items": ref("PlanningCalendar")])],
                    "403": ["description": "A provider's people have no planning calendar.", "content": json(ref("Error"))],
                    "404": ["description": "No commissioning organisation with this identifier that the user may see.", "content": json(ref("Error"))],
                    "422": ["description": "`organisationId` is not an identifier.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.planningCalendarStages.openAPIPath: [
            "post": [
                "operationId": "setPlanningCalendar", "summary": "Replaces the organisation's stages, in one transaction.",
                "security": [["bearerToken": []]], "parameters": [pathID("organisationID")],
                "requestBody": ["required": true, "content": json(ref("PlanningCalendarWrite"))],
                "responses": [
                    "200": ["description": "The organisation's calendar as it now stands.", "content": json(["type": "array", "items": ref("PlanningCalendar")])],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator, or a commissioning lead of the organisation, sets its calendar.", "content": json(ref("Error"))],
                    "404": ["description": "No organisation with this identifier that the user may see.", "content": json(ref("Error"))],
                    "422": ["description": "A stage is not valid; `fields` names it, such as `stages[2].month`. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var intentionsSchemas: [String: Any] {
        let dateTime: [String: Any] = ["type": "string", "format": "date-time", "nullable": true]
        let common: [String: Any] = [
            "id": uuid, "organisation": string, "organisationId": uuid, "year": ["type": "integer"], "title": string,
            "status": ["type": "string", "enum": IntentionsStatus.allCases.map(\.rawValue)], "approvingBody": string,
            "agreedOn": ["type": "string", "format": "date", "nullable": true], "publishedAt": dateTime, "version": ["type": "integer"],
        ]
        let kind: [String: Any] = ["type": "string", "enum": IntentionKind.allCases.map(\.rawValue)]
        let role: [String: Any] = ["type": "string", "enum": Role.allCases.filter { $0 != .provider }.map(\.rawValue)]
        return [
            "IntentionsItem": object(["id", "organisation", "organisationId", "year", "title", "status", "approvingBody", "intentions", "version"],
                                     common.merging(["intentions": ["type": "integer", "description": "How many intentions it holds."]]) { a, _ in a }),
            "Intentions": object(["id", "organisation", "organisationId", "year", "title", "summary", "status", "approvingBody", "version", "intentions"],
                                 common.merging([
                "summary": string,
                "intentions": ["type": "array", "items": object(["id", "kind", "title", "description"], [
                    "id": uuid, "kind": kind, "title": string, "description": string, "activityId": ["type": "string", "format": "uuid", "nullable": true],
                ])],
            ]) { a, _ in a }),
            "IntentionsWrite": object(["organisationId", "year", "title"], ["organisationId": uuid, "year": ["type": "integer"], "title": string, "summary": string]),
            "IntentionWrite": object(["kind", "title"], ["kind": kind, "title": string, "description": string, "activityId": uuid]),
            "IntentionsAgreementWrite": object(["approvingBody", "agreedOn"], ["approvingBody": string, "agreedOn": day, "version": ["type": "integer"]]),
            "IntentionsPublicationWrite": object([], ["version": ["type": "integer"]]),
            "PlanningCalendar": object(["organisationId", "organisation", "year", "own", "stages"], [
                "organisationId": uuid, "organisation": string, "year": ["type": "integer"],
                "own": ["type": "boolean", "description": "Whether the organisation set its own stages; otherwise Sutton's cycle applies."],
                "stages": ["type": "array", "items": object(["title", "month", "day", "yearOffset", "responsible"], [
                    "title": string, "month": ["type": "integer"], "day": ["type": "integer"],
                    "yearOffset": ["type": "integer", "enum": [-1, 0], "description": "-1: the year before the intentions' year; 0: in it."],
                    "responsible": role, "dueOn": ["type": "string", "format": "date", "nullable": true],
                ])],
            ]),
            "PlanningCalendarWrite": object(["stages"], ["stages": ["type": "array", "items": object(["title", "month", "day", "responsible"], [
                "title": string, "month": ["type": "integer"], "day": ["type": "integer"], "yearOffset": ["type": "integer", "enum": [-1, 0]], "responsible": role,
            ])]]),
        ]
    }
}
