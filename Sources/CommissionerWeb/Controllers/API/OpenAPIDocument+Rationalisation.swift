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
                    ["name": "registerImportId", "in": "query", "required": false, "schema": uuid, "description": "Only the agreements one register import added."],
                ],
                "responses": [
                    "200": ["description": "One page of the register.", "content": json(listOf("RegisterEntry"))],
                    "403": ["description": "A provider's people do not see the register.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.registerImports.openAPIPath: [
            "get": get("listRegisterImports", "Contracts registers imported for the organisations the user sees, newest first.",
                       parameters: paging + [["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "Only imports for this organisation."]],
                       returns: listOf("RegisterImport")),
            "post": [
                "operationId": "importContractsRegister",
                "summary": "Imports a contracts register in the Local Government Transparency Code 2015's fields as agreements the organisation holds: the body is the file itself, CSV with a header line (comma, semicolon or tab; UTF-8; at most 16 MB; at most \(RegisterRows.largestFile.formatted()) agreements). Suppliers are found in the provider directory by Companies House number, charity number or name, or added to it. Every row is checked; on any problem (including a reference already recorded) nothing is written and each problem is named by line and column.",
                "security": [["bearerToken": []]],
                "parameters": [
                    ["name": "organisationId", "in": "query", "required": true, "schema": uuid,
                     "description": "The organisation that holds the agreements; a row's department may name one of its departments instead."],
                    ["name": "filename", "in": "query", "required": false, "schema": string, "description": "The file's name, for the record."],
                ] + RegisterField.allCases.map { field in
                    ["name": "column-\(field.rawValue)", "in": "query", "required": false, "schema": string,
                     "description": "The column holding the \(field.title.lowercased()): its header or its number (1 for the first); empty for none. Guessed from the headers when left out."]
                },
                "requestBody": ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]],
                "responses": [
                    "201": ["description": "Imported.", "content": json(ref("RegisterImport"))],
                    "403": ["description": "Not a contract manager, commissioning lead or procurement specialist.", "content": json(ref("Error"))],
                    "413": ["description": "The body is larger than 17 MB.", "content": json(ref("Error"))],
                    "422": ["description": "The organisation, the file, its columns or its rows are not valid; nothing was written.",
                            "content": ["application/json": ["schema": ["oneOf": [ref("ImportRefusal"), ref("Error")]]]]],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.registerImport.openAPIPath: [
            "get": get("getRegisterImport", "One contracts register import: what it added.", parameters: [pathID("registerImportID")],
                       returns: ref("RegisterImport"), notFound: "No such import, or not one the user may see."),
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
        "RegisterImport": object(["id", "organisationId", "organisation", "filename", "sha256", "agreements", "newProviderIds", "importedBy", "importedAt"], [
            "id": uuid, "organisationId": uuid, "organisation": string, "filename": string,
            "sha256": ["type": "string", "description": "The file's SHA-256, in hexadecimal."],
            "agreements": ["type": "integer", "description": "Agreements the import added."],
            "newProviderIds": ["type": "array", "items": uuid, "description": "Providers the import added to the directory."],
            "importedBy": string, "importedAt": ["type": "string", "format": "date-time"],
        ]),
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
