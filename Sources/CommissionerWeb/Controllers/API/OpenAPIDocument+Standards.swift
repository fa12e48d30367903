import CommissionerDomain
import Foundation

/// The standards self-assessment part of the OpenAPI document.
extension OpenAPIDocument {
    private static var assessmentID: [String: Any] { pathID("assessmentID") }

    static var standardsPaths: [String: [String: Any]] { [
        APIRoute.standards.openAPIPath: [
            "get": [
                "operationId": "listStandardsAssessments", "summary": "Self-assessments against the ten commissioning standards the user may read, latest year first.",
                "security": [["bearerToken": []]],
                "parameters": [["name": "year", "in": "query", "required": false, "schema": ["type": "integer"]]],
                "responses": [
                    "200": ["description": "The self-assessments.", "content": json(listOf("StandardsAssessmentItem"))],
                    "403": ["description": "A provider's people see no self-assessments.", "content": json(ref("Error"))],
                    "422": ["description": "`year` is not valid.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "startStandardsAssessment", "summary": "Starts an organisation's self-assessment for a year, every standard not assessed.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("StandardsAssessmentWrite"))],
                "responses": [
                    "201": ["description": "The self-assessment.", "content": json(ref("StandardsAssessment"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator or a commissioning lead keeps a self-assessment.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid, or the year is already started; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.standardsAssessment.openAPIPath: [
            "get": [
                "operationId": "getStandardsAssessment", "summary": "One self-assessment with each standard's rating, evidence and action.",
                "security": [["bearerToken": []]], "parameters": [assessmentID],
                "responses": [
                    "200": ["description": "The self-assessment.", "content": json(ref("StandardsAssessment"))],
                    "403": ["description": "A provider's people see no self-assessments.", "content": json(ref("Error"))],
                    "404": ["description": "No such self-assessment, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.standardsRatings.openAPIPath: [
            "put": [
                "operationId": "rateStandards",
                "summary": "Rates the standards given, in one transaction. Partly met or better needs evidence; not met or partly met needs an action.",
                "security": [["bearerToken": []]], "parameters": [assessmentID],
                "requestBody": ["required": true, "content": json(ref("StandardsRatingsWrite"))],
                "responses": [
                    "200": ["description": "The self-assessment as it now stands.", "content": json(ref("StandardsAssessment"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator, or a commissioning lead of the organisation, the body above it or a department under it, keeps it.",
                            "content": json(ref("Error"))],
                    "404": ["description": "No such self-assessment, or not one the user may see.", "content": json(ref("Error"))],
                    "409": ["description": "`version` is not the self-assessment's version: someone else changed it. Nothing is written.", "content": json(ref("Error"))],
                    "422": ["description": "A field is not valid; `fields` names it as `standard<n>-<field>`. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var standardsSchemas: [String: Any] {
        let rating: [String: Any] = ["type": "string", "enum": StandardRating.allCases.map(\.rawValue)]
        let strings: [String: Any] = ["type": "array", "items": string]
        let counts: [String: Any] = object(StandardRating.allCases.map(\.rawValue),
                                           Dictionary(uniqueKeysWithValues: StandardRating.allCases.map { ($0.rawValue, ["type": "integer"] as [String: Any]) }))
        return [
            "StandardsAssessmentItem": object(["id", "organisation", "organisationId", "year", "ratings"], [
                "id": uuid, "organisation": string, "organisationId": uuid, "year": ["type": "integer"], "ratings": counts,
            ]),
            "StandardsAssessment": object(["id", "organisation", "organisationId", "year", "version", "standards"], [
                "id": uuid, "organisation": string, "organisationId": uuid, "year": ["type": "integer"], "version": ["type": "integer"],
                "standards": ["type": "array", "items": object(["number", "standard", "rating", "commentary", "evidence", "action"], [
                    "number": ["type": "integer"], "standard": string, "rating": rating, "commentary": string, "evidence": strings, "action": string,
                    "actionDueOn": ["type": "string", "format": "date", "nullable": true],
                ])],
            ]),
            "StandardsAssessmentWrite": object([], ["organisationId": uuid, "year": ["type": "integer"]]),
            "StandardsRatingsWrite": object(["standards"], [
                "version": ["type": "integer"],
                "standards": ["type": "array", "items": object(["number"], [
                    "number": ["type": "integer", "minimum": 1, "maximum": 10], "rating": rating, "commentary": string,
                    "evidence": strings, "action": string, "actionDueOn": day,
                ])],
            ]),
        ]
    }
}
