import CommissionerDomain
import Foundation

/// The OpenAPI 3 description of the JSON API. A test checks that it names every API route and
/// nothing that is not routed.
enum OpenAPIDocument {
    /// The operations described, as (method, path); each must be registered.
    static var operations: [(method: String, path: String)] {
        paths.flatMap { path, item in item.keys.map { (method: $0.uppercased(), path: path) } }
    }

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static func json(_ schema: [String: Any]) -> [String: Any] { ["application/json": ["schema": schema]] }

    private static var errors: [String: Any] { [
        "401": ["description": "No valid API token was sent.", "content": json(ref("Error"))],
    ] }

    private static var paging: [[String: Any]] { [
        ["name": "page", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "default": 1], "description": "Page number, from 1."],
        ["name": "per", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 100, "default": 25], "description": "Items per page."],
    ] }

    static var paths: [String: [String: Any]] { [
        APIRoute.me.path: [
            "get": [
                "operationId": "getMe", "summary": "Who the token belongs to, and the roles they hold in each organisation.",
                "security": [["bearerToken": []]],
                "responses": ["200": ["description": "The token's user.", "content": json(ref("Me"))]].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.organisations.path: [
            "get": [
                "operationId": "listOrganisations",
                "summary": "Organisations the user can see: all for administrators and scrutiny, otherwise their own.",
                "security": [["bearerToken": []]],
                "parameters": paging + [
                    ["name": "name", "in": "query", "required": false, "schema": ["type": "string"], "description": "Only names containing this text, ignoring case."],
                    ["name": "kind", "in": "query", "required": false, "schema": ["type": "string", "enum": OrganisationKind.allCases.map(\.identifier)]],
                ],
                "responses": [
                    "200": ["description": "One page of organisations.", "content": json(ref("OrganisationList"))],
                    "400": ["description": "A query parameter is not valid.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.openAPI.path: [
            "get": [
                "operationId": "getOpenAPIDocument", "summary": "This document.", "security": [] as [Any],
                "responses": ["200": ["description": "The OpenAPI document.", "content": json(["type": "object"])]],
            ] as [String: Any],
        ],
    ] }

    static var document: [String: Any] { [
        "openapi": "3.0.3",
        "info": [
            "title": "Commissioner API", "version": "1.0.0",
            "description": "The JSON API of Commissioner, the system of record for commissioning public services. Send a personal API token (made on the API tokens page, or with `commissioner tokens create`) as `Authorization: Bearer <token>`. Lists are `{items, total, page, per}`; errors are `{error, reason, fields}`.",
        ],
        "servers": [["url": "/"]],
        "security": [["bearerToken": []]],
        "paths": paths,
        "components": [
            "securitySchemes": ["bearerToken": ["type": "http", "scheme": "bearer", "description": "A personal API token."]],
            "schemas": [
                "Error": [
                    "type": "object", "required": ["error", "reason"],
                    "properties": [
                        "error": ["type": "boolean"], "reason": ["type": "string"],
                        "fields": ["type": "object", "additionalProperties": ["type": "string"], "description": "The problem with each field, by field name."],
                    ],
                ],
                "Membership": [
                    "type": "object", "required": ["organisationId", "organisationName", "organisationKind", "role"],
                    "properties": [
                        "organisationId": ["type": "string", "format": "uuid"], "organisationName": ["type": "string"],
                        "organisationKind": ["type": "string", "enum": OrganisationKind.allCases.map(\.identifier)],
                        "role": ["type": "string", "enum": Role.allCases.map(\.identifier)],
                    ],
                ],
                "Me": [
                    "type": "object", "required": ["id", "email", "displayName", "memberships"],
                    "properties": [
                        "id": ["type": "string", "format": "uuid"], "email": ["type": "string", "format": "email"],
                        "displayName": ["type": "string"], "memberships": ["type": "array", "items": ref("Membership")],
                    ],
                ],
                "Organisation": [
                    "type": "object", "required": ["id", "name", "kind"],
                    "properties": [
                        "id": ["type": "string", "format": "uuid"], "name": ["type": "string"],
                        "kind": ["type": "string", "enum": OrganisationKind.allCases.map(\.identifier)],
                        "parentId": ["type": "string", "format": "uuid", "nullable": true],
                    ],
                ],
                "OrganisationList": [
                    "type": "object", "required": ["items", "total", "page", "per"],
                    "properties": [
                        "items": ["type": "array", "items": ref("Organisation")], "total": ["type": "integer"],
                        "page": ["type": "integer"], "per": ["type": "integer"],
                    ],
                ],
            ] as [String: Any],
        ] as [String: Any],
    ] }

    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }()
}
