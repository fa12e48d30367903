import CommissionerDomain
import Foundation

/// The specialist commercial help part of the OpenAPI document.
extension OpenAPIDocument {
    private static var levels: [String: Any] { ["type": "string", "enum": TriageLevel.allCases.map(\.rawValue)] }

    static var commercialTriagePaths: [String: [String: Any]] { [
        APIRoute.commercialTriage.openAPIPath: [
            "get": [
                "operationId": "listCommercialTriage",
                "summary": "Activities the user may see with their triage for specialist commercial help: needing help with no procurement specialist named first, then by score.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "In the activity's title."],
                    ["name": "standing", "in": "query", "required": false, "schema": ["type": "string", "enum": TriageStanding.allCases.map(\.rawValue)]],
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "Only activities this organisation commissions."],
                ],
                "responses": [
                    "200": ["description": "The activities.", "content": json(listOf("CommercialTriageItem"))],
                    "403": ["description": "A provider's people see no commissioning activities.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.commercialTriageRules.openAPIPath: [
            "get": [
                "operationId": "getCommercialTriageRules", "summary": "The rules activities are scored by.", "security": [["bearerToken": []]],
                "responses": [
                    "200": ["description": "The rules.", "content": json(ref("TriageRules"))],
                    "403": ["description": "A provider's people see no rules.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": [
                "operationId": "setCommercialTriageRules",
                "summary": "Sets the rules (every field), and scores every triaged activity again by them, in one transaction.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("TriageRulesWrite"))],
                "responses": [
                    "200": ["description": "The rules now in force.", "content": json(ref("TriageRules"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator sets the rules.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.activityTriage.openAPIPath: [
            "get": [
                "operationId": "getActivityTriage", "summary": "An activity's standing for specialist commercial help, with its triage when it has one.",
                "security": [["bearerToken": []]], "parameters": [activityID],
                "responses": [
                    "200": ["description": "The activity as the list shows it; `triage` is null until it is triaged.", "content": json(ref("CommercialTriageItem"))],
                    "403": ["description": "A provider's people see no commissioning activities.", "content": json(ref("Error"))],
                    "404": ["description": "No such activity, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": [
                "operationId": "triageActivity", "summary": "Records (or records again) an activity's triage, scored by the rules in force.",
                "security": [["bearerToken": []]], "parameters": [activityID],
                "requestBody": ["required": true, "content": json(ref("ActivityTriageWrite"))],
                "responses": [
                    "200": ["description": "The triage.", "content": json(ref("ActivityTriage"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only a commissioning lead or a procurement specialist of the activity's organisations triages it.", "content": json(ref("Error"))],
                    "404": ["description": "No such activity, or not one the user may see.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var commercialTriageSchemas: [String: Any] {
        let weights: [String: Any] = object(TriageFactor.allCases.map(\.rawValue),
                                            Dictionary(uniqueKeysWithValues: TriageFactor.allCases.map { ($0.rawValue, ["type": "integer", "minimum": 0, "maximum": 5] as [String: Any]) }))
        let triage = object(["activityId", "value", "risk", "novelty", "marketComplexity", "rationale", "score", "needsSpecialist", "assessedOn"], [
            "activityId": uuid, "value": money, "risk": levels, "novelty": levels, "marketComplexity": levels, "rationale": string,
            "score": ["type": "integer"], "needsSpecialist": ["type": "boolean"], "assessedOn": day,
        ])
        return [
            "TriageRules": object(["valueMediumFrom", "valueHighFrom", "weights", "specialistFromScore", "maximumScore"], [
                "valueMediumFrom": money, "valueHighFrom": money, "weights": weights, "specialistFromScore": ["type": "integer"], "maximumScore": ["type": "integer"],
            ]),
            "TriageRulesWrite": object([], [
                "valueMediumFrom": money, "valueHighFrom": money, "weights": weights, "specialistFromScore": ["type": "integer"],
            ]),
            "ActivityTriage": triage,
            "ActivityTriageWrite": object([], [
                "value": money, "risk": levels, "novelty": levels, "marketComplexity": levels, "rationale": string,
            ]),
            "CommercialTriageItem": object(["activityId", "title", "organisations", "standing"], [
                "activityId": uuid, "title": string, "organisations": ["type": "array", "items": string],
                "procurementSpecialist": ["type": "string", "nullable": true],
                "standing": ["type": "string", "enum": TriageStanding.allCases.map(\.rawValue)],
                "triage": triage.merging(["nullable": true]) { a, _ in a },
            ]),
        ]
    }
}
