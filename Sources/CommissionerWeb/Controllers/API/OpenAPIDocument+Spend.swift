import CommissionerDomain
import Foundation

/// The spend part of the OpenAPI document.
extension OpenAPIDocument {
    static func get(_ operationID: String, _ summary: String, parameters: [[String: Any]], returns schema: [String: Any], notFound: String? = nil) -> [String: Any] {
        var responses: [String: Any] = [
            "200": ["description": "Found.", "content": json(schema)],
            "403": ["description": "A provider's people do not see spend records.", "content": json(ref("Error"))],
            "422": ["description": "A filter is not valid; `fields` says which.", "content": json(ref("Error"))],
        ]
        if let notFound { responses["404"] = ["description": notFound, "content": json(ref("Error"))] }
        return ["operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters,
                "responses": responses.merging(errors) { a, _ in a }]
    }

    static var spendPaths: [String: [String: Any]] {
        let organisation: [String: Any] = ["name": "organisationId", "in": "query", "required": false, "schema": uuid, "description": "Only this paying organisation."]
        let text: [String: Any] = ["name": "text", "in": "query", "required": false, "schema": string]
        let columns: [[String: Any]] = SpendField.allCases.map { field in
            ["name": "column-\(field.rawValue)", "in": "query", "required": false, "schema": string,
             "description": "The column holding the \(field.title.lowercased()): its header or its number (1 for the first); empty for none. Guessed from the headers when left out."]
        }
        return [
            APIRoute.spendImports.openAPIPath: [
                "get": get("listSpendImports", "Spend files imported for the organisations the user reads spend for, newest first.",
                           parameters: paging + [organisation], returns: listOf("SpendImport")),
                "post": [
                    "operationId": "importSpendFile",
                    "summary": "Imports a spend file (the Local Government Transparency Code 2015's spending over £500): the body is the file itself, CSV with a header line (comma, semicolon or tab; UTF-8; at most 64 MB; at most 500,000 payments). Every row is checked; on any problem nothing is written and each problem is named by line and column. Payments are matched to agreements by supplier and date.",
                    "security": [["bearerToken": []]],
                    "parameters": [
                        ["name": "organisationId", "in": "query", "required": true, "schema": uuid, "description": "The organisation that made the payments."],
                        ["name": "filename", "in": "query", "required": false, "schema": string, "description": "The file's name, for the record."],
                    ] + columns,
                    "requestBody": ["required": true, "content": ["text/csv": ["schema": ["type": "string"]]]],
                    "responses": [
                        "201": ["description": "Imported.", "content": json(ref("SpendImport"))],
                        "403": ["description": "Not a contract manager or budget holder of the paying organisation, nor an administrator.", "content": json(ref("Error"))],
                        "413": ["description": "The body is larger than 65 MB.", "content": json(ref("Error"))],
                        "422": ["description": "The file, its columns or its rows are not valid; nothing was written.",
                                "content": ["application/json": ["schema": ["oneOf": [ref("ImportRefusal"), ref("Error")]]]]],
                    ].merging(errors) { a, _ in a },
                ] as [String: Any],
            ],
            APIRoute.spendImport.openAPIPath: [
                "get": get("getSpendImport", "One spend import.", parameters: [pathID("importID")], returns: ref("SpendImport"),
                           notFound: "No such import, or not one the user may see."),
            ],
            APIRoute.payments.openAPIPath: [
                "get": get("listPayments", "Payments from imported spend files, newest first. An agreement a payment is matched to is given only when the user may see it.",
                           parameters: paging + [organisation, text,
                                                 ["name": "importId", "in": "query", "required": false, "schema": uuid],
                                                 ["name": "agreementId", "in": "query", "required": false, "schema": uuid],
                                                 ["name": "unmatched", "in": "query", "required": false, "schema": ["type": "string", "enum": ["yes", "no"]],
                                                  "description": "yes: only payments not matched to an agreement and not set aside."],
                                                 ["name": "from", "in": "query", "required": false, "schema": day],
                                                 ["name": "to", "in": "query", "required": false, "schema": day]],
                           returns: listOf("Payment")),
            ],
            APIRoute.spend.openAPIPath: [
                "get": get("listSpendAgainstAgreements", "Agreements the user may see with the payments matched to them, against their value; the largest spend first.",
                           parameters: paging + [organisation, text], returns: listOf("AgreementSpend")),
            ],
            APIRoute.unmatchedSpend.openAPIPath: [
                "get": get("listUnmatchedSpend", "Suppliers with payments not matched to an agreement (and not set aside), by paying organisation, the largest total first.",
                           parameters: paging + [organisation, text], returns: listOf("UnmatchedSupplier")),
                "post": [
                    "operationId": "decideUnmatchedSpend",
                    "summary": "Matches a supplier's waiting payments to one of the paying organisation's agreements (`action`: match), or sets them aside with a reason (`action`: set-aside). Later imports follow the same decision; the decision is in the audit trail.",
                    "security": [["bearerToken": []]],
                    "requestBody": ["required": true, "content": json(ref("SupplierDecision"))],
                    "responses": [
                        "200": ["description": "How many payments moved.", "content": json(object(["moved"], ["moved": ["type": "integer"]]))],
                        "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                        "403": ["description": "Not a contract manager or budget holder of the paying organisation, nor an administrator.", "content": json(ref("Error"))],
                        "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
                    ].merging(errors) { a, _ in a },
                ] as [String: Any],
            ],
            APIRoute.agreementSpend.openAPIPath: [
                "get": get("getAgreementSpend", "The payments matched to one agreement, in all and by financial year, against its value now.",
                           parameters: [pathID("agreementID")], returns: ref("OneAgreementSpend"), notFound: "No such agreement, or not one the user may see."),
            ],
        ]
    }

    static var spendSchemas: [String: Any] { [
        "SpendImport": object(["id", "organisationId", "organisation", "filename", "sha256", "bytes", "payments", "total", "matched", "importedBy", "importedAt"], [
            "id": uuid, "organisationId": uuid, "organisation": string, "filename": string,
            "sha256": ["type": "string", "description": "The file's SHA-256, in hexadecimal."], "bytes": ["type": "integer"],
            "payments": ["type": "integer"], "total": money, "matched": ["type": "integer", "description": "Payments matched to an agreement on import."],
            "importedBy": string, "importedAt": ["type": "string", "format": "date-time"],
        ]),
        "ImportRefusal": object(["reason", "fileProblems", "rowProblems", "rowProblemCount"], [
            "reason": string, "fileProblems": strings(),
            "rowProblems": ["type": "array", "description": "The first 100 problems.", "items": object(["line", "column", "message"], [
                "line": ["type": "integer"], "column": string, "message": string,
            ])],
            "rowProblemCount": ["type": "integer"],
        ]),
        "Payment": object(["id", "importId", "organisationId", "line", "transactionNumber", "date", "department", "beneficiary", "purpose", "amount",
                           "irrecoverableVAT", "merchantCategory"], [
            "id": uuid, "importId": uuid, "organisationId": uuid, "line": ["type": "integer"], "transactionNumber": string, "date": day,
            "department": string, "beneficiary": string, "purpose": string, "amount": money, "irrecoverableVAT": money, "merchantCategory": string,
            "providerId": ["type": "string", "format": "uuid", "nullable": true],
            "agreementId": ["type": "string", "format": "uuid", "nullable": true],
            "matchedBy": ["type": "string", "nullable": true, "enum": PaymentMatchMethod.allCases.map(\.rawValue)],
        ]),
        "AgreementSpend": object(["agreementId", "reference", "title", "heldBy", "status", "valueOverTerm", "annualValue", "spent", "payments"], [
            "agreementId": uuid, "reference": string, "title": string, "heldBy": string, "status": ["type": "string", "enum": AgreementStatus.allCases.map(\.rawValue)],
            "valueOverTerm": money, "annualValue": money, "spent": money, "payments": ["type": "integer"],
            "lastPaid": ["type": "string", "format": "date", "nullable": true],
        ]),
        "UnmatchedSupplier": object(["organisationId", "beneficiaryKey", "beneficiary", "payments", "total", "firstPaid", "lastPaid"], [
            "organisationId": uuid, "beneficiaryKey": ["type": "string", "description": "The supplier's name as matching compares it; send it back to decide."],
            "beneficiary": string, "providerId": ["type": "string", "format": "uuid", "nullable": true], "payments": ["type": "integer"], "total": money,
            "firstPaid": day, "lastPaid": day,
        ]),
        "SupplierDecision": object(["organisationId", "beneficiaryKey", "action"], [
            "organisationId": uuid, "beneficiaryKey": string, "action": ["type": "string", "enum": ["match", "set-aside"]],
            "agreementId": ["type": "string", "format": "uuid", "description": "For match: one of the paying organisation's agreements."],
            "reason": ["type": "string", "description": "Required for set-aside."],
        ]),
        "OneAgreementSpend": object(["agreementId", "spent", "payments", "valueNow", "byFinancialYear"], [
            "agreementId": uuid, "spent": money, "payments": ["type": "integer"], "valueNow": money,
            "byFinancialYear": ["type": "array", "items": object(["financialYear", "spent", "payments"], [
                "financialYear": ["type": "string", "description": "Such as 2025/26."], "spent": money, "payments": ["type": "integer"],
            ])],
        ]),
    ] }
}
