import CommissionerDomain
import Foundation

/// The agreements part of the OpenAPI document: what was bought, granted or shared, and its changes.
extension OpenAPIDocument {
    static var agreementID: [String: Any] { pathID("agreementID") }

    private static var keeperOnly: String {
        "Not a keeper of the agreement (contract manager, commissioning lead or procurement specialist of the organisation that holds it, or of the body above)."
    }

    private static func agreementChange(_ operationID: String, _ summary: String, body: String, status: String = "200") -> [String: Any] {
        recordWrite(operationID, summary, body: body, returns: "Agreement", status: status, parameters: [agreementID], who: keeperOnly)
    }

    /// Money as a string of pounds with two decimals ("250000.00"); a JSON number is also read.
    static var money: [String: Any] {
        ["type": "string", "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$", "description": "Pounds sterling, as a string with up to two decimals: \"250000.00\"."]
    }

    static var agreementPaths: [String: [String: Any]] { [
        APIRoute.agreements.openAPIPath: [
            "get": [
                "operationId": "listAgreements",
                "summary": "Agreements the user may see: all for administrators and scrutiny; a provider's own people see only agreements with their provider; others those their organisations hold or fund. Confidential agreements only for their keepers, approvers and administrators.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "providerId", "in": "query", "required": false, "schema": uuid, "description": "Only agreements with this provider."],
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "Only agreements this organisation holds."],
                    ["name": "status", "in": "query", "required": false, "schema": ["type": "string", "enum": AgreementStatus.allCases.map(\.rawValue)]],
                    ["name": "kind", "in": "query", "required": false, "schema": ["type": "string", "enum": AgreementKind.allCases.map(\.rawValue)]],
                    ["name": "endingBefore", "in": "query", "required": false, "schema": day, "description": "Only agreements whose current end is before this day."],
                    ["name": "text", "in": "query", "required": false, "schema": string, "description": "Only references or titles containing this text, ignoring case."],
                ],
                "responses": [
                    "200": ["description": "One page of agreements, and how many there are.", "content": json(listOf("AgreementSummary"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": recordWrite("createAgreement", "Records an agreement: a contract, grant, service level agreement, s101 agreement, partnership agreement or call-off.",
                                body: "AgreementWrite", returns: "Agreement", parameters: [],
                                who: "Not a contract manager, commissioning lead or procurement specialist of the organisation that holds it."),
        ],
        APIRoute.agreement.openAPIPath: [
            "get": [
                "operationId": "getAgreement", "summary": "One agreement with its term, extensions, values, funding lines and variations.",
                "security": [["bearerToken": []]], "parameters": [agreementID],
                "responses": [
                    "200": ["description": "The agreement.", "content": json(ref("Agreement"))],
                    "404": ["description": "No such agreement, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": agreementChange("changeAgreement", "Changes an agreement's particulars. Send the `version` read: a change made meanwhile is refused with 409.",
                                   body: "AgreementWrite"),
        ],
        APIRoute.agreementFundingLines.openAPIPath: [
            "put": agreementChange("setAgreementFundingLines", "Replaces the funding lines: which organisation pays what from which budget line, and who holds it.",
                                   body: "FundingLinesWrite"),
        ],
        APIRoute.agreementYearValues.openAPIPath: [
            "put": agreementChange("setAgreementYearValues", "Sets the value in each financial year of the term; a year left without a value is cleared.",
                                   body: "YearValuesWrite"),
        ],
        APIRoute.agreementVariations.openAPIPath: [
            "post": agreementChange("proposeAgreementVariation", "Proposes a variation: what changes, the change in value, when it takes effect. It counts once approved.",
                                    body: "VariationWrite", status: "201"),
        ],
        APIRoute.agreementExtensions.openAPIPath: [
            "post": agreementChange("proposeAgreementExtension", "Proposes to take or let go the next extension option; it is taken or declined once approved.",
                                    body: "ExtensionWrite"),
        ],
        APIRoute.agreementApprovals.openAPIPath: [
            "post": recordWrite("ruleOnAgreementChange", "Approves, rejects or defers a proposed variation or extension. The approver is never its proposer.",
                                body: "AgreementRuling", returns: "Approval", parameters: [agreementID],
                                who: "Not an approver of the organisations that hold or fund the agreement."),
        ],
    ] }

    static var agreementSchemas: [String: Any] { [
        "AgreementSummary": object(["id", "reference", "title", "kind", "providerIds", "status", "start", "end", "annualValue", "totalValue", "currency", "confidential", "organisationId"], [
            "id": uuid, "reference": string, "title": string,
            "kind": ["type": "string", "enum": AgreementKind.allCases.map(\.rawValue)],
            "providerIds": ["type": "array", "items": uuid],
            "status": ["type": "string", "enum": AgreementStatus.allCases.map(\.rawValue)],
            "start": day, "end": ["type": "string", "format": "date", "description": "The current end: the initial end moved by the extensions taken."],
            "annualValue": money, "totalValue": money, "currency": ["type": "string", "enum": ["GBP"]],
            "confidential": ["type": "boolean"], "organisationId": uuid,
        ]),
        "Agreement": object(["id", "reference", "title", "kind", "organisationId", "providerIds", "start", "initialEnd", "end", "extensions", "annualValue",
                             "totalValue", "variedValue", "currentTotalValue", "fundingArrangement", "fundingLines", "yearValues", "variations", "status",
                             "confidential", "newService", "irrecoverableVAT", "warnings", "version"], [
            "id": uuid, "reference": string, "title": string,
            "kind": ["type": "string", "enum": AgreementKind.allCases.map(\.rawValue)],
            "description": string, "serviceCategory": string, "organisationId": uuid, "providerIds": ["type": "array", "items": uuid],
            "activityId": ["type": "string", "format": "uuid", "nullable": true, "description": "The commissioning activity that created it; null for a provider's people."],
            "decisionId": ["type": "string", "format": "uuid", "nullable": true, "description": "The decision that created it; null for a provider's people."],
            "awardedOn": ["type": "string", "format": "date", "nullable": true],
            "start": day, "initialEnd": day, "end": day,
            "extensions": ["type": "array", "items": object(["id", "position", "months", "decision"], [
                "id": uuid, "position": ["type": "integer", "minimum": 1], "months": ["type": "integer", "minimum": 1],
                "decision": ["type": "string", "enum": ExtensionDecision.allCases.map(\.rawValue)], "reason": string,
            ])],
            "annualValue": money, "totalValue": money,
            "variedValue": ["type": "string", "description": "The sum of approved variations' value changes, in pounds."],
            "currentTotalValue": ["type": "string", "description": "Total value with approved variations, in pounds."],
            "currency": ["type": "string", "enum": ["GBP"]],
            "fundingArrangement": ["type": "string", "enum": FundingArrangement.allCases.map(\.rawValue),
                                   "description": "single: one organisation pays; pooled: contributions go into one budget; aligned: each keeps its own budget."],
            "fundingLines": ["type": "array", "description": "Empty for a provider's people.", "items": object(["organisationId", "budgetLine", "annualContribution"], [
                "organisationId": uuid, "budgetLine": string, "budgetHolderId": ["type": "string", "format": "uuid", "nullable": true], "annualContribution": money,
            ])],
            "yearValues": ["type": "array", "items": object(["financialYear", "value"], [
                "financialYear": ["type": "string", "description": "\"2025/26\": 1 April 2025 to 31 March 2026."], "value": money,
            ])],
            "variations": ["type": "array", "items": object(["id", "number", "description", "valueChange", "effectiveOn", "status"], [
                "id": uuid, "number": ["type": "integer"], "description": string, "valueChange": money, "effectiveOn": day,
                "status": ["type": "string", "enum": VariationStatus.allCases.map(\.rawValue)],
            ])],
            "contractManagerId": ["type": "string", "format": "uuid", "nullable": true],
            "status": ["type": "string", "enum": AgreementStatus.allCases.map(\.rawValue)],
            "confidential": ["type": "boolean"],
            "newService": ["type": "boolean", "description": "A new service: its full monitoring review comes after 6 months, not 12."],
            "procurementRoute": ["type": "string", "nullable": true, "enum": ProcurementRoute.allCases.map(\.rawValue)],
            "irrecoverableVAT": money,
            "warnings": strings(),
            "version": ["type": "integer", "description": "Send it back with a change."],
        ]),
        "AgreementWrite": object(["reference", "title", "kind", "organisationId", "providerIds", "start", "end", "annualValue", "totalValue", "status"], [
            "reference": string, "title": ["type": "string", "maxLength": 200],
            "kind": ["type": "string", "enum": AgreementKind.allCases.map(\.rawValue)],
            "description": string, "serviceCategory": string, "organisationId": uuid,
            "providerIds": ["type": "array", "minItems": 1, "items": uuid],
            "activityId": uuid, "decisionId": uuid, "awardedOn": day, "start": day,
            "end": ["type": "string", "format": "date", "description": "The end of the initial term, before any extension."],
            "extensions": ["type": "array", "items": ["type": "integer", "minimum": 1, "maximum": 60],
                           "description": "The months of each optional extension, in order: [12, 12] for 3+1+1."],
            "annualValue": money, "totalValue": money,
            "fundingArrangement": ["type": "string", "enum": FundingArrangement.allCases.map(\.rawValue)],
            "contractManagerId": uuid,
            "status": ["type": "string", "enum": AgreementStatus.allCases.map(\.rawValue)],
            "confidential": ["type": "boolean"],
            "newService": ["type": "boolean"],
            "procurementRoute": ["type": "string", "enum": ProcurementRoute.allCases.map(\.rawValue), "description": "How it was procured; omit when not recorded."],
            "irrecoverableVAT": money,
            "version": ["type": "integer", "description": "Needed for a change: the version read."],
        ]),
        "FundingLinesWrite": object(["version", "lines"], [
            "version": ["type": "integer"],
            "lines": ["type": "array", "items": object(["organisationId", "budgetLine", "annualContribution"], [
                "organisationId": uuid, "budgetLine": string, "budgetHolderId": uuid, "annualContribution": money,
            ])],
        ]),
        "YearValuesWrite": object(["version", "values"], [
            "version": ["type": "integer"],
            "values": ["type": "array", "items": object(["financialYear"], [
                "financialYear": ["type": "string", "description": "\"2025/26\" or 2025."], "value": money,
            ])],
        ]),
        "VariationWrite": object(["description", "valueChange", "effectiveOn"], [
            "description": string, "valueChange": ["type": "string", "description": "Pounds; negative for a reduction."], "effectiveOn": day,
        ]),
        "ExtensionWrite": object(["choice", "reason"], [
            "choice": ["type": "string", "enum": ["take", "decline"]],
            "reason": ["type": "string", "description": "Why: how the agreement has performed, and whether it is still the best way to meet the need."],
        ]),
        "AgreementRuling": object(["subject", "subjectId", "verdict", "body", "decidedOn"], [
            "subject": ["type": "string", "enum": [ApprovalSubject.agreementVariation.rawValue, ApprovalSubject.agreementExtension.rawValue]],
            "subjectId": ["type": "string", "format": "uuid", "description": "The variation's or the extension's id."],
            "verdict": ["type": "string", "enum": ApprovalVerdict.allCases.map(\.rawValue)], "body": string,
            "byMembers": ["type": "boolean", "description": "The body is of elected members."], "decidedOn": day, "minuteReference": string,
            "comment": ["type": "string", "description": "Needed to reject or defer."],
        ]),
    ] }
}
