import CommissionerDomain
import Foundation

/// The rationalisation part of the OpenAPI document.
extension OpenAPIDocument {
    static var rationalisationPaths: [String: [String: Any]] { [
        APIRoute.contractsRegister.openAPIPath: [
            "get": [
                "operationId": "listContractsRegister",
                "summary": "The contracts register in the Local Government Transparency Code 2015's fields: agreements the user may see as a commissioner, over £5,000 over the term unless `over` says otherwise.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "over", "in": "query", "required": false, "schema": string,
                     "description": "Only agreements worth more than this many pounds over the term (default 5000), or `any`."],
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid],
                    ["name": "status", "in": "query", "required": false, "schema": ["type": "string", "enum": AgreementStatus.allCases.map(\.rawValue)]],
                    ["name": "kind", "in": "query", "required": false, "schema": ["type": "string", "enum": AgreementKind.allCases.map(\.rawValue)]],
                    ["name": "text", "in": "query", "required": false, "schema": string],
                ],
                "responses": [
                    "200": ["description": "One page of the register.", "content": json(listOf("RegisterEntry"))],
                    "403": ["description": "A provider's people do not see the register.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.rationalisation.openAPIPath: [
            "get": [
                "operationId": "getRationalisation",
                "summary": "Providers with many agreements, pairs of agreements with the same provider and service category whose terms overlap, and agreements, providers and value by commissioning area (service category). Pipeline, live and extended agreements the user may see.",
                "security": [["bearerToken": []]],
                "parameters": [
                    ["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "Only agreements this organisation holds."],
                    ["name": "serviceCategory", "in": "query", "required": false, "schema": string, "description": "Only this commissioning area."],
                    ["name": "minimumAgreements", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 1000, "default": 2],
                     "description": "Providers listed only with at least this many agreements."],
                ],
                "responses": [
                    "200": ["description": "The evidence.", "content": json(ref("Rationalisation"))],
                    "403": ["description": "A provider's people do not see this.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
    ] }

    static var rationalisationSchemas: [String: Any] { [
        "RegisterEntry": object(["agreementId", "reference", "title", "department", "description", "suppliers", "valueOverTerm", "annualValue",
                                 "irrecoverableVAT", "start", "end"], [
            "agreementId": uuid, "reference": string, "title": string, "department": string, "description": string,
            "suppliers": ["type": "array", "items": object(["providerId", "name", "companyNumber", "charityNumber"], [
                "providerId": uuid, "name": string, "companyNumber": string, "charityNumber": string,
                "sme": ["type": "boolean", "nullable": true], "vcse": ["type": "boolean", "nullable": true],
            ])],
            "valueOverTerm": money, "annualValue": money, "irrecoverableVAT": money, "start": day, "end": day,
            "reviewDate": ["type": "string", "format": "date", "nullable": true, "description": "The next review on its schedule."],
            "procurementRoute": ["type": "string", "nullable": true, "enum": ProcurementRoute.allCases.map(\.rawValue)],
        ]),
        "Rationalisation": object(["providers", "overlaps", "areas"], [
            "providers": ["type": "array", "items": object(["providerId", "name", "agreements", "annualValue", "serviceCategories"], [
                "providerId": uuid, "name": string, "agreements": ["type": "integer"], "annualValue": money, "serviceCategories": strings(),
            ])],
            "overlaps": ["type": "array", "items": object(["providerId", "serviceCategory", "agreements", "overlapStart", "overlapEnd"], [
                "providerId": uuid, "serviceCategory": string,
                "agreements": ["type": "array", "minItems": 2, "maxItems": 2, "items": object(["id", "reference", "start", "end"], [
                    "id": uuid, "reference": string, "start": day, "end": day,
                ])],
                "overlapStart": day, "overlapEnd": day,
            ])],
            "areas": ["type": "array", "items": object(["serviceCategory", "agreements", "providers", "annualValue", "totalValue"], [
                "serviceCategory": string, "agreements": ["type": "integer"], "providers": ["type": "integer"], "annualValue": money, "totalValue": money,
            ])],
        ]),
    ] }
}
