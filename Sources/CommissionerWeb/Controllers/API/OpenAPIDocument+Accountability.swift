import CommissionerDomain
import Foundation

/// The accountability register part of the OpenAPI document.
extension OpenAPIDocument {
    private static var areaID: [String: Any] { pathID("areaID") }

    private static func areaWrite(_ operationID: String, _ summary: String, body: String) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": [areaID],
            "requestBody": ["required": true, "content": json(ref(body))],
            "responses": [
                "201": ["description": "The area as it now stands.", "content": json(ref("CommissioningArea"))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": "Only an administrator, or a commissioning lead of the organisation or the body above it, keeps its register.",
                        "content": json(ref("Error"))],
                "404": ["description": "No such area, or not one the user may see.", "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    static var accountabilityPaths: [String: [String: Any]] { [
        APIRoute.accountability.openAPIPath: [
            "get": [
                "operationId": "listCommissioningAreas",
                "summary": "The accountability register: each area the user may see with who is responsible and accountable today, and its gaps.",
                "security": [["bearerToken": []]],
                "parameters": [
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "In the area's name or description."],
                    ["name": "gap", "in": "query", "required": false, "schema": ["type": "string", "enum": AccountabilityGap.allCases.map(\.rawValue)]],
                ],
                "responses": [
                    "200": ["description": "The areas.", "content": json(listOf("CommissioningAreaItem"))],
                    "403": ["description": "A provider's people see no register.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "addCommissioningArea", "summary": "Adds a commissioning area to an organisation's register.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("CommissioningAreaWrite"))],
                "responses": [
                    "201": ["description": "The area.", "content": json(ref("CommissioningArea"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator or a commissioning lead keeps a register.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.commissioningArea.openAPIPath: [
            "get": [
                "operationId": "getCommissioningArea", "summary": "One area with who has been responsible and accountable, and what belongs to it.",
                "security": [["bearerToken": []]], "parameters": [areaID],
                "responses": [
                    "200": ["description": "The area.", "content": json(ref("CommissioningArea"))],
                    "403": ["description": "A provider's people see no register.", "content": json(ref("Error"))],
                    "404": ["description": "No such area, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.areaAssignments.openAPIPath: ["post": areaWrite("assignAccountability", "Records who is responsible or accountable, from when.", body: "AccountabilityAssignmentWrite")],
        APIRoute.areaLinks.openAPIPath: ["post": areaWrite("linkToCommissioningArea", "Puts an agreement (by reference) or an activity (by identifier) in the area.",
                                                          body: "CommissioningAreaLinkWrite")],
    ] }

    static var accountabilitySchemas: [String: Any] {
        let gaps: [String: Any] = ["type": "array", "items": ["type": "string", "enum": AccountabilityGap.allCases.map(\.rawValue)]]
        let strings: [String: Any] = ["type": "array", "items": string]
        return [
            "CommissioningAreaItem": object(["id", "name", "organisation", "organisationId", "responsible", "accountable", "liveAgreements", "activities", "gaps"], [
                "id": uuid, "name": string, "organisation": string, "organisationId": uuid, "responsible": strings, "accountable": strings,
                "liveAgreements": ["type": "integer"], "activities": ["type": "integer"], "gaps": gaps,
            ]),
            "CommissioningArea": object(["id", "name", "description", "organisation", "organisationId", "gaps", "assignments", "agreements", "activityIds"], [
                "id": uuid, "name": string, "description": string, "organisation": string, "organisationId": uuid, "gaps": gaps,
                "assignments": ["type": "array", "items": object(["id", "kind", "post", "fromOn", "inForce", "personStillThere", "note"], [
                    "id": uuid, "kind": ["type": "string", "enum": AccountabilityKind.allCases.map(\.rawValue)], "post": string,
                    "organisation": ["type": "string", "nullable": true], "person": ["type": "string", "nullable": true], "fromOn": day,
                    "toOn": ["type": "string", "format": "date", "nullable": true], "inForce": ["type": "boolean"], "personStillThere": ["type": "boolean"], "note": string,
                ])],
                "agreements": ["type": "array", "items": string, "description": "The agreements' references."],
                "activityIds": ["type": "array", "items": uuid],
            ]),
            "CommissioningAreaWrite": object(["organisationId", "name"], ["organisationId": uuid, "name": string, "description": string]),
            "AccountabilityAssignmentWrite": object(["kind", "post", "fromOn"], [
                "kind": ["type": "string", "enum": AccountabilityKind.allCases.map(\.rawValue)], "post": string, "organisationId": uuid,
                "userEmail": ["type": "string", "description": "The email the person signs in with, when they use Commissioner."],
                "fromOn": day, "toOn": day, "note": string,
            ]),
            "CommissioningAreaLinkWrite": object([], ["agreementReference": string, "activityId": uuid]),
        ]
    }
}
