import CommissionerDomain
import Foundation

/// The engagement log part of the OpenAPI document.
extension OpenAPIDocument {
    private static var engagementID: [String: Any] { pathID("engagementID") }

    private static func engagementWrite(_ operationID: String, _ summary: String, body: String) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": [engagementID],
            "requestBody": ["required": true, "content": json(ref(body))],
            "responses": [
                "201": ["description": "The engagement as it now stands.", "content": json(ref("Engagement"))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": "Only an administrator, or a commissioning lead or contract manager of the organisation, the body above it or a department under it, records in its log.",
                        "content": json(ref("Error"))],
                "404": ["description": "No such engagement, or not one the user may see.", "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    static var engagementPaths: [String: [String: Any]] { [
        APIRoute.engagement.openAPIPath: [
            "get": [
                "operationId": "listEngagement", "summary": "The engagement log of the organisations the user acts in (all for administrators and scrutiny), latest first.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "In the title, what was heard or what changed."],
                    ["name": "kind", "in": "query", "required": false, "schema": ["type": "string", "enum": EngagementKind.allCases.map(\.rawValue)]],
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid],
                    ["name": "providerId", "in": "query", "required": false, "schema": uuid, "description": "Only engagements this provider was invited to."],
                    ["name": "from", "in": "query", "required": false, "schema": day],
                    ["name": "to", "in": "query", "required": false, "schema": day],
                ],
                "responses": [
                    "200": ["description": "The engagements.", "content": json(listOf("EngagementItem"))],
                    "403": ["description": "A provider's people see no engagement log.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "recordEngagement",
                "summary": "Records an engagement with the providers invited and the agreements and activities it was about, in one transaction.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("EngagementWrite"))],
                "responses": [
                    "201": ["description": "The engagement.", "content": json(ref("Engagement"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Only an administrator, a commissioning lead or a contract manager records engagement.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` names it by its place, such as `participants[1].providerId`. Nothing is written.",
                            "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.engagementCoverage.openAPIPath: [
            "get": [
                "operationId": "getEngagementCoverage",
                "summary": "Providers with live agreements not engaged in the last `months`, and the smaller partners' share of agreements and engagement.",
                "security": [["bearerToken": []]],
                "parameters": [["name": "months", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 60, "default": 6]]],
                "responses": [
                    "200": ["description": "The coverage.", "content": json(ref("EngagementCoverage"))],
                    "403": ["description": "A provider's people see no engagement log.", "content": json(ref("Error"))],
                    "422": ["description": "`months` is not valid.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.engagementEvent.openAPIPath: [
            "get": [
                "operationId": "getEngagement", "summary": "One engagement with the providers invited and what it was about.", "security": [["bearerToken": []]],
                "parameters": [engagementID],
                "responses": [
                    "200": ["description": "The engagement.", "content": json(ref("Engagement"))],
                    "403": ["description": "A provider's people see no engagement log.", "content": json(ref("Error"))],
                    "404": ["description": "No such engagement, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.engagementParticipants.openAPIPath: ["post": engagementWrite("addEngagementParticipant", "Adds a provider that took part or opted out.",
                                                                              body: "EngagementParticipantWrite")],
        APIRoute.engagementLinks.openAPIPath: ["post": engagementWrite("linkToEngagement", "Links an agreement (by reference) or an activity (by identifier).",
                                                                       body: "EngagementLinkWrite")],
    ] }

    static var engagementSchemas: [String: Any] {
        let kind: [String: Any] = ["type": "string", "enum": EngagementKind.allCases.map(\.rawValue)]
        let participation: [String: Any] = ["type": "string", "enum": Participation.allCases.map(\.rawValue)]
        let strings: [String: Any] = ["type": "array", "items": string]
        let count: [String: Any] = ["type": "integer"]
        return [
            "EngagementItem": object(["id", "kind", "title", "heldOn", "organisation", "organisationId", "providersTakingPart", "providersOptingOut"], [
                "id": uuid, "kind": kind, "title": string, "heldOn": day, "organisation": string, "organisationId": uuid,
                "providersTakingPart": strings, "providersOptingOut": strings, "serviceUsers": ["type": "integer", "nullable": true],
            ]),
            "Engagement": object(["id", "kind", "title", "heldOn", "organisation", "organisationId", "stakeholders", "heard", "changed", "participants",
                                  "agreements", "activityIds"], [
                "id": uuid, "kind": kind, "title": string, "heldOn": day, "organisation": string, "organisationId": uuid,
                "serviceUsers": ["type": "integer", "nullable": true], "stakeholders": string, "heard": string, "changed": string,
                "participants": ["type": "array", "items": object(["providerId", "provider", "participation"], [
                    "providerId": uuid, "provider": string, "participation": participation,
                ])],
                "agreements": strings, "activityIds": ["type": "array", "items": uuid],
            ]),
            "EngagementParticipantWrite": object([], ["providerId": uuid, "participation": participation]),
            "EngagementLinkWrite": object([], ["agreementReference": string, "activityId": uuid]),
            "EngagementWrite": object([], [
                "organisationId": uuid, "kind": kind, "title": string, "heldOn": day, "serviceUsers": ["type": "integer", "minimum": 0],
                "stakeholders": string, "heard": string, "changed": string,
                "participants": ["type": "array", "items": ref("EngagementParticipantWrite")],
                "agreementReferences": strings, "activityIds": ["type": "array", "items": uuid],
            ]),
            "EngagementCoverage": object(["months", "since", "providersWithLiveAgreements", "notEngaged", "smallerPartners", "smallerPartnersTakingPart",
                                          "smallerPartnersOptingOut", "smallerShareOfEngagement", "providersWithoutSize", "heldByKind"], [
                "months": count, "since": day, "providersWithLiveAgreements": count,
                "notEngaged": ["type": "array", "items": object(["id", "name", "smallerPartner", "timesTakingPart", "timesOptingOut"], [
                    "id": uuid, "name": string, "size": ["type": "string", "nullable": true, "enum": ProviderSize.allCases.map(\.rawValue)],
                    "smallerPartner": ["type": "boolean"], "lastTookPart": ["type": "string", "format": "date", "nullable": true],
                    "timesTakingPart": count, "timesOptingOut": count,
                ])],
                "smallerPartners": count, "smallerPartnersTakingPart": count, "smallerPartnersOptingOut": count,
                "smallerShareOfEngagement": object(["count", "of"], ["count": count, "of": count]), "providersWithoutSize": count,
                "heldByKind": ["type": "object", "additionalProperties": count],
            ]),
        ]
    }
}
