import CommissionerDomain
import Foundation

/// The skills audit part of the OpenAPI document.
extension OpenAPIDocument {
    static var skillsPaths: [String: [String: Any]] { [
        APIRoute.mySkills.openAPIPath: [
            "get": [
                "operationId": "getMySkills", "summary": "The user's own ratings against the skills framework for this year, for one organisation they commission in.",
                "security": [["bearerToken": []]],
                "parameters": [["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "The first they commission in when absent."]],
                "responses": [
                    "200": ["description": "The ratings.", "content": json(ref("MySkills"))],
                    "403": ["description": "Only commissioners rate their skills.", "content": json(ref("Error"))],
                    "422": ["description": "`organisationId` is not one the user commissions in.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": [
                "operationId": "rateMySkills", "summary": "Saves the user's ratings for the areas given, in one transaction.", "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("MySkillsWrite"))],
                "responses": [
                    "200": ["description": "The ratings as they now stand.", "content": json(ref("MySkills"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only commissioners rate their skills.", "content": json(ref("Error"))],
                    "422": ["description": "A rating is not valid; `fields` names it as `<area>-level`. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.skillsSummary.openAPIPath: [
            "get": [
                "operationId": "getSkillsSummary", "summary": "An organisation's ratings for a year counted by area and level, with its gaps; no names.",
                "security": [["bearerToken": []]],
                "parameters": [["name": "organisationId", "in": "query", "required": false, "schema": uuid],
                               ["name": "year", "in": "query", "required": false, "schema": ["type": "integer"]]],
                "responses": [
                    "200": ["description": "The summary.", "content": json(ref("SkillsSummary"))],
                    "403": ["description": "A provider's people see no skills audit.", "content": json(ref("Error"))],
                    "404": ["description": "No organisation the user may see.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var skillsSchemas: [String: Any] {
        let area: [String: Any] = ["type": "string", "enum": SkillArea.sutton.map(\.key)]
        let count: [String: Any] = ["type": "integer"]
        return [
            "MySkills": object(["organisationId", "year", "ratings"], [
                "organisationId": uuid, "year": count,
                "ratings": ["type": "array", "items": object(["area", "level", "wantsTraining"], [
                    "area": area, "level": ["type": "integer", "minimum": 1, "maximum": 4], "wantsTraining": ["type": "boolean"],
                ])],
            ]),
            "MySkillsWrite": object(["ratings"], [
                "organisationId": uuid,
                "ratings": ["type": "array", "items": object(["area"], [
                    "area": area, "level": ["type": "integer", "minimum": 1, "maximum": 4, "nullable": true], "wantsTraining": ["type": "boolean"],
                ])],
            ]),
            "SkillsSummary": object(["organisationId", "year", "people", "areas"], [
                "organisationId": uuid, "year": count, "people": count,
                "areas": ["type": "array", "items": object(["area", "phase", "title", "levels", "gaps", "wantTraining"], [
                    "area": area, "phase": ["type": "string", "enum": SkillArea.Phase.allCases.map(\.rawValue)], "title": string,
                    "levels": ["type": "object", "additionalProperties": count], "gaps": count, "wantTraining": count,
                ])],
            ]),
        ]
    }
}
