import CommissionerDomain
import Foundation

/// The renewals part of the OpenAPI document: the pipeline of agreements ending in the next 24
/// months, the lead times by tier, and starting an agreement's recommissioning.
extension OpenAPIDocument {
    static var renewalPaths: [String: [String: Any]] { [
        APIRoute.renewals.openAPIPath: [
            "get": [
                "operationId": "listRenewals",
                "summary": "Live and extended agreements the user may see that end in the next 24 months, by end date, with the date their recommissioning must start (the end less the lead time for the tier of the activity behind them; medium when none is recorded). Not for a provider's own people.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "Only agreements this organisation holds."],
                    ["name": "tier", "in": "query", "required": false, "schema": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)]],
                    ["name": "standing", "in": "query", "required": false, "schema": ["type": "string", "enum": RenewalStanding.allCases.map(\.rawValue)],
                     "description": "started: recommissioning started; late: the start date has passed; due-soon: it falls within 90 days; upcoming: later."],
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "Only references or titles containing this text, ignoring case."],
                ],
                "responses": [
                    "200": ["description": "One page of the pipeline, and how many agreements are in it.", "content": json(listOf("RenewalItem"))],
                    "403": ["description": "A provider's own people do not see the pipeline.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.renewalLeadTimes.openAPIPath: [
            "get": [
                "operationId": "getRenewalLeadTimes", "summary": "Months before an agreement ends that its recommissioning must start, by tier.",
                "security": [["bearerToken": []]],
                "responses": [
                    "200": ["description": "The lead times.", "content": json(ref("LeadTimes"))],
                    "403": ["description": "A provider's own people do not see the pipeline.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": [
                "operationId": "setRenewalLeadTimes", "summary": "Sets the lead time of every tier (an administrator only). Each is a whole number of months from 1 to 60.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("LeadTimes"))],
                "responses": [
                    "200": ["description": "The lead times as they now stand.", "content": json(ref("LeadTimes"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Not an administrator.", "content": json(ref("Error"))],
                    "422": ["description": "A lead time is missing or out of range; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.agreementRecommissioning.openAPIPath: [
            "post": [
                "operationId": "startRecommissioning",
                "summary": "Starts a commissioning activity with the trigger contract-renewal for the organisation that holds the agreement, at its tier, led by the user, and links the agreement to it.",
                "security": [["bearerToken": []]],
                "parameters": [agreementID],
                "requestBody": ["required": true, "content": json(ref("RecommissioningWrite"))],
                "responses": [
                    "201": ["description": "The activity started.", "content": json(ref("Recommissioning"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Not a commissioning lead of the organisation that holds the agreement (or of the body above it).", "content": json(ref("Error"))],
                    "404": ["description": "No such agreement, or not one the user may see.", "content": json(ref("Error"))],
                    "409": ["description": "Recommissioning has already started, the agreement has ended, or it changed since `version` was read.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var renewalSchemas: [String: Any] { [
        "RenewalItem": object(["agreementId", "reference", "title", "organisationId", "providerIds", "end", "extensionsLeft", "latestEnd", "tier", "tierAssumed",
                               "leadMonths", "startRecommissioningBy", "standing", "annualValue", "confidential"], [
            "agreementId": uuid, "reference": string, "title": string, "organisationId": uuid, "providerIds": ["type": "array", "items": uuid],
            "end": day, "extensionsLeft": ["type": "integer", "minimum": 0],
            "latestEnd": ["type": "string", "format": "date", "description": "The end if every extension option left were taken."],
            "tier": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)],
            "tierAssumed": ["type": "boolean", "description": "True when no commissioning activity is recorded behind the agreement, so medium is assumed."],
            "leadMonths": ["type": "integer", "minimum": 1], "startRecommissioningBy": day,
            "standing": ["type": "string", "enum": RenewalStanding.allCases.map(\.rawValue)],
            "renewalActivityId": ["type": "string", "format": "uuid", "nullable": true, "description": "The activity recommissioning it, once started."],
            "annualValue": money, "confidential": ["type": "boolean"],
        ]),
        "LeadTimes": object(["low", "medium", "high"], [
            "low": ["type": "integer", "minimum": 1, "maximum": 60], "medium": ["type": "integer", "minimum": 1, "maximum": 60],
            "high": ["type": "integer", "minimum": 1, "maximum": 60],
        ]),
        "RecommissioningWrite": object([], [
            "version": ["type": "integer", "description": "The agreement's version read; refused with 409 when it has moved on."],
        ]),
        "Recommissioning": object(["agreementId", "activityId", "activityTitle", "tier", "triggers"], [
            "agreementId": uuid, "activityId": uuid, "activityTitle": string,
            "tier": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)], "triggers": strings(CommissioningTrigger.allCases.map(\.rawValue)),
        ]),
    ] }
}
