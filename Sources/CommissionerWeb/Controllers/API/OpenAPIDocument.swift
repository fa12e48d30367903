import CommissionerDomain
import Foundation

/// The OpenAPI 3 description of the JSON API. A test checks that it names every API route and
/// nothing that is not routed.
enum OpenAPIDocument {
    /// The operations described, as (method, path); each must be registered.
    static var operations: [(method: String, path: String)] {
        paths.flatMap { path, item in item.keys.map { (method: $0.uppercased(), path: path) } }
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func json(_ schema: [String: Any]) -> [String: Any] { ["application/json": ["schema": schema]] }

    static var errors: [String: Any] { [
        "401": ["description": "No valid API token was sent.", "content": json(ref("Error"))],
    ] }

    static var paging: [[String: Any]] { [
        ["name": "page", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "default": 1], "description": "Page number, from 1."],
        ["name": "per", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 100, "default": 25], "description": "Items per page."],
    ] }

    static var activityID: [String: Any] { pathID("activityID") }
    static var documentID: [String: Any] { pathID("documentID") }

    /// A POST that writes one of an activity's records: the checks and refusals every such route shares.
    static func recordWrite(_ operationID: String, _ summary: String, body: String, returns: String, status: String = "201",
                                    parameters: [[String: Any]]? = nil, who: String = "Not an author of the activity (commissioning lead, budget holder, procurement specialist or contract manager of its organisations).") -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters ?? [activityID],
            "requestBody": ["required": true, "content": json(ref(body))],
            "responses": [
                status: ["description": "The record written.", "content": json(ref(returns))],
                "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                "403": ["description": who, "content": json(ref("Error"))],
                "404": ["description": "No such activity (or document), or not one the user may see.", "content": json(ref("Error"))],
                "409": ["description": "The record changed meanwhile, or is not in a state that allows this.", "content": json(ref("Error"))],
                "422": ["description": "A field is missing or not valid; `fields` says which. Nothing is written.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    static func pathID(_ name: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
    }

    static func removal(_ operationID: String, _ summary: String, parameter: String, parameters: [[String: Any]]? = nil) -> [String: Any] {
        [
            "operationId": operationID, "summary": summary, "security": [["bearerToken": []]], "parameters": parameters ?? [activityID, pathID(parameter)],
            "responses": [
                "204": ["description": "Removed; the removal is in the audit trail."],
                "403": ["description": "Not an author of the activity (commissioning lead, budget holder, procurement specialist or contract manager of its organisations).", "content": json(ref("Error"))],
                "404": ["description": "No such activity or record, or not one the user may see.", "content": json(ref("Error"))],
            ].merging(errors) { a, _ in a },
        ]
    }

    /// An object schema; OpenAPI 3.0 wants no `required` at all rather than an empty one.
    static func object(_ required: [String], _ properties: [String: Any]) -> [String: Any] {
        required.isEmpty ? ["type": "object", "properties": properties] : ["type": "object", "required": required, "properties": properties]
    }

    static var string: [String: Any] { ["type": "string"] }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    static var day: [String: Any] { ["type": "string", "format": "date", "description": "YYYY-MM-DD"] }
    static func strings(_ values: [String]? = nil) -> [String: Any] {
        ["type": "array", "items": values.map { ["type": "string", "enum": $0] as [String: Any] } ?? string]
    }

    static func listOf(_ name: String) -> [String: Any] {
        ["type": "object", "required": ["items", "total", "page", "per"],
         "properties": ["items": ["type": "array", "items": ref(name)], "total": ["type": "integer"], "page": ["type": "integer"], "per": ["type": "integer"]]]
    }

    static var paths: [String: [String: Any]] { corePaths.merging(agreementPaths) { a, _ in a }.merging(performancePaths) { a, _ in a }.merging(renewalPaths) { a, _ in a }.merging(riskPaths) { a, _ in a }.merging(recommendationPaths) { a, _ in a }.merging(auditReportPaths) { a, _ in a }.merging(intentionsPaths) { a, _ in a }.merging(accountabilityPaths) { a, _ in a }.merging(commercialTriagePaths) { a, _ in a }.merging(engagementPaths) { a, _ in a }.merging(standardsPaths) { a, _ in a }.merging(boardReportPaths) { a, _ in a }.merging(skillsPaths) { a, _ in a }.merging(rationalisationPaths) { a, _ in a }.merging(spendPaths) { a, _ in a } }

    static var corePaths: [String: [String: Any]] { [
        APIRoute.me.openAPIPath: [
            "get": [
                "operationId": "getMe", "summary": "Who the token belongs to, and the roles they hold in each organisation.",
                "security": [["bearerToken": []]],
                "responses": ["200": ["description": "The token's user.", "content": json(ref("Me"))]].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.organisations.openAPIPath: [
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
        APIRoute.activities.openAPIPath: [
            "get": [
                "operationId": "listActivities",
                "summary": "Commissioning activities the user may see: all for administrators and scrutiny, otherwise those of their organisations. Providers are refused.",
                "security": [["bearerToken": []]], "parameters": paging,
                "responses": [
                    "200": ["description": "One page of activities.", "content": json(listOf("Activity"))],
                    "403": ["description": "Providers see no commissioning activities.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": [
                "operationId": "createActivity", "summary": "Starts a commissioning activity at step 1 (Initiate). Commissioning leads only, in an organisation where they hold the role.",
                "security": [["bearerToken": []]],
                "requestBody": ["required": true, "content": json(ref("NewActivity"))],
                "responses": [
                    "201": ["description": "The new activity.", "content": json(ref("Activity"))],
                    "400": ["description": "The body is not JSON of this shape.", "content": json(ref("Error"))],
                    "403": ["description": "Not a commissioning lead of any of these organisations.", "content": json(ref("Error"))],
                    "422": ["description": "A field is missing or not valid; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.activityGate.openAPIPath: [
            "get": [
                "operationId": "getActivityGate", "summary": "The gate out of the activity's current step, computed from the records.",
                "security": [["bearerToken": []]], "parameters": [activityID],
                "responses": [
                    "200": ["description": "Each requirement, met or not.", "content": json(ref("Gate"))],
                    "404": ["description": "No such activity, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.activityMove.openAPIPath: [
            "post": [
                "operationId": "moveActivity",
                "summary": "Forward one step through the gate, or back with a reason. An approver may record an exception at an unmet gate, except for `decision-recorded`.",
                "security": [["bearerToken": []]], "parameters": [activityID],
                "requestBody": ["required": true, "content": json(ref("Move"))],
                "responses": [
                    "200": ["description": "The activity at its new step.", "content": json(ref("Activity"))],
                    "400": ["description": "`to` is not a step from 1 to 8.", "content": json(ref("Error"))],
                    "403": ["description": "Not a commissioning lead or approver of the activity's organisations.", "content": json(ref("Error"))],
                    "404": ["description": "No such activity, or not one the user may see.", "content": json(ref("Error"))],
                    "409": ["description": "Refused by the gate or the rules; `missing` lists the requirement keys not met.", "content": json(ref("MoveRefused"))],
                    "422": ["description": "A reason is needed (to move back, or for an exception), or an exception lacks the body that agreed it or the date (then the fields at fault are named).", "content": json(ref("MoveRefused"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.activityRecords.openAPIPath: [
            "get": [
                "operationId": "getActivityRecords",
                "summary": "The activity with its gate, documents, decisions, approvals, evidence, outcomes and milestones.",
                "security": [["bearerToken": []]], "parameters": [activityID],
                "responses": [
                    "200": ["description": "The activity's records.", "content": json(ref("ActivityRecords"))],
                    "403": ["description": "Providers see no commissioning activities.", "content": json(ref("Error"))],
                    "404": ["description": "No such activity, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.activityDocuments.openAPIPath: ["post": recordWrite("createDocument", "Writes a document's first version, as a draft.", body: "NewDocument", returns: "Document")],
        APIRoute.documentVersions.openAPIPath: ["post": recordWrite("addDocumentVersion", "Writes a new version; the document goes back to draft.",
                                                                    body: "NewVersion", returns: "Document", parameters: [activityID, documentID])],
        APIRoute.documentSubmission.openAPIPath: [
            "post": [
                "operationId": "submitDocument", "summary": "Sends a draft for approval.", "security": [["bearerToken": []]],
                "parameters": [activityID, documentID],
                "responses": [
                    "200": ["description": "The document, in approval.", "content": json(ref("Document"))],
                    "403": ["description": "Not an author of the activity.", "content": json(ref("Error"))],
                    "404": ["description": "No such activity or document, or not one the user may see.", "content": json(ref("Error"))],
                    "409": ["description": "The document is not a draft.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.needsAnalysis.openAPIPath: ["post": recordWrite("setNeedsAnalysis", "Addresses considerations of a Needs Analysis, or marks them not applicable with the reason.",
                                                                 body: "NeedsAnalysis", returns: "NeedsAnalysisEntries", status: "200", parameters: [activityID, documentID])],
        APIRoute.activityDecisions.openAPIPath: ["post": recordWrite("recordDecision", "Records a decision. Append-only: a changed decision names the one it supersedes (`supersedesId`).",
                                                                     body: "NewDecision", returns: "Decision")],
        APIRoute.activityApprovals.openAPIPath: ["post": recordWrite("ruleOnRecord", "An approver approves, rejects or defers a document (in approval), a decision, or the current version of a complete commercial model. Never the author.",
                                                                     body: "NewApproval", returns: "Approval",
                                                                     who: "Not an approver of the activity's organisations, or the approver wrote the record.")],
        APIRoute.documentFiles.openAPIPath: [
            "post": [
                "operationId": "attachFile", "summary": "Attaches a file to a document: the body is the file itself (at most 5 MB; PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text, PNG or JPEG, checked from its first bytes and its name).",
                "security": [["bearerToken": []]],
                "parameters": [activityID, documentID, ["name": "filename", "in": "query", "required": true, "schema": ["type": "string"]]],
                "requestBody": ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]],
                "responses": [
                    "201": ["description": "The file attached.", "content": json(ref("File"))],
                    "403": ["description": "Not an author of the activity.", "content": json(ref("Error"))],
                    "404": ["description": "No such activity or document, or not one the user may see.", "content": json(ref("Error"))],
                    "413": ["description": "Larger than 5 MB.", "content": json(ref("Error"))],
                    "422": ["description": "No filename, an empty file, or a type that is not allowed; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.activityEvidence.openAPIPath: ["post": recordWrite("addEvidence", "Adds an item to the evidence base.", body: "NewEvidence", returns: "Evidence")],
        APIRoute.evidenceItem.openAPIPath: [
            "put": recordWrite("changeEvidence", "Corrects an item of evidence; outcomes linked to it stay linked.", body: "NewEvidence", returns: "Evidence",
                               status: "200", parameters: [activityID, pathID("evidenceID")]),
            "delete": removal("removeEvidence", "Removes an item of evidence and its links to outcomes (the outcomes stay).", parameter: "evidenceID"),
        ],
        APIRoute.activityOutcomes.openAPIPath: ["post": recordWrite("addOutcome", "Adds an outcome with its measures and the evidence it answers.", body: "NewOutcome", returns: "Outcome")],
        APIRoute.outcome.openAPIPath: [
            "put": recordWrite("changeOutcome", "Rewrites an outcome, its measures and the evidence it answers.", body: "NewOutcome", returns: "Outcome",
                               status: "200", parameters: [activityID, pathID("outcomeID")]),
            "delete": removal("removeOutcome", "Removes an outcome and its links to the evidence (the evidence stays).", parameter: "outcomeID"),
        ],
        APIRoute.activityMilestones.openAPIPath: ["post": recordWrite("addMilestone", "Adds a milestone to the delivery plan.", body: "NewMilestone", returns: "Milestone")],
        APIRoute.appraisal.openAPIPath: [
            "get": [
                "operationId": "getAppraisal",
                "summary": "The activity's delivery analysis with its results: weighted scores and ranks, switching points, how often each option comes first under weights varied at random, and each option's net present social value and benefit–cost ratio.",
                "security": [["bearerToken": []]], "parameters": [activityID],
                "responses": [
                    "200": ["description": "The analysis.", "content": json(ref("Appraisal"))],
                    "404": ["description": "No such activity, not one the user may see, or its analysis is not started.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": recordWrite("startAppraisal", "Starts the delivery analysis from a template of criteria.", body: "NewAppraisal", returns: "Appraisal"),
        ],
        APIRoute.appraisalCriteria.openAPIPath: [
            "post": recordWrite("addCriterion", "Adds a criterion with its weight.", body: "NewCriterion", returns: "Appraisal"),
        ],
        APIRoute.appraisalWeights.openAPIPath: [
            "put": recordWrite("setWeights", "Sets criteria's weights, all at once; refused whole if they would not add up to more than zero.",
                               body: "Weights", returns: "Appraisal", status: "200"),
        ],
        APIRoute.appraisalOptions.openAPIPath: [
            "post": recordWrite("addOption", "Adds a delivery option with its description, the outcomes it would achieve, governance, resources, risks, SWOT and optimism bias.", body: "NewOption", returns: "Appraisal"),
        ],
        APIRoute.appraisalScores.openAPIPath: [
            "put": recordWrite("setScores", "Sets scores, each with its justification, in one transaction: one bad score refuses them all.",
                               body: "Scores", returns: "Appraisal", status: "200"),
        ],
        APIRoute.appraisalCashFlows.openAPIPath: [
            "post": recordWrite("addCashFlow", "Adds a line of an option's costs or benefits by year, in real prices.", body: "NewCashFlow",
                                returns: "Appraisal", parameters: [activityID, pathID("optionID")]),
        ],
        APIRoute.appraisalCriterion.openAPIPath: [
            "put": recordWrite("changeCriterion", "Renames or reweights a criterion.", body: "NewCriterion", returns: "Appraisal", status: "200",
                               parameters: [activityID, pathID("criterionID")]),
            "delete": removal("removeCriterion", "Removes a criterion and every option's score against it.", parameter: "criterionID"),
        ],
        APIRoute.appraisalOption.openAPIPath: [
            "put": recordWrite("changeOption", "Rewrites a delivery option: its description, outcomes, governance, resources, risks, SWOT and optimism bias.",
                               body: "NewOption", returns: "Appraisal", status: "200", parameters: [activityID, pathID("optionID")]),
            "delete": removal("removeOption", "Removes an option with its scores, costs and benefits; refused (409) when a decision record names it as chosen.",
                              parameter: "optionID"),
        ],
        APIRoute.commercialModel.openAPIPath: [
            "put": recordWrite("setCommercialModel", "Writes an external or partnership option's commercial model, heading by heading; each change is a new version.",
                               body: "CommercialModelTerms", returns: "Appraisal", status: "200", parameters: [activityID, pathID("optionID")]),
        ],
        APIRoute.appraisalCashFlow.openAPIPath: [
            "put": recordWrite("changeCashFlow", "Rewrites a line of an option's costs or benefits.", body: "NewCashFlow", returns: "Appraisal", status: "200",
                               parameters: [activityID, pathID("optionID"), pathID("cashFlowID")]),
            "delete": removal("removeCashFlow", "Removes a line of an option's costs or benefits.", parameter: "cashFlowID",
                              parameters: [activityID, pathID("optionID"), pathID("cashFlowID")]),
        ],
        APIRoute.providers.openAPIPath: [
            "get": [
                "operationId": "listProviders", "summary": "The provider directory, filtered and a page at a time.",
                "security": [["bearerToken": []]],
                "parameters": [
                    ["name": "sector", "in": "query", "schema": ["type": "string", "enum": ProviderSector.allCases.map(\.rawValue)]],
                    ["name": "size", "in": "query", "schema": ["type": "string", "enum": ProviderSize.allCases.map(\.rawValue)]],
                    ["name": "approvedList", "in": "query", "schema": ["type": "string", "enum": ApprovedListStatus.allCases.map(\.rawValue)]],
                    ["name": "name", "in": "query", "schema": ["type": "string"], "description": "Part of the name"],
                    ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1]],
                    ["name": "per", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100]],
                ] as [[String: Any]],
                "responses": [
                    "200": ["description": "One page of providers, and how many there are.", "content": json(listOf("Provider"))],
                    "403": ["description": "Providers do not read the directory.", "content": json(ref("Error"))],
                    "422": ["description": "A filter is not one of its values.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.provider.openAPIPath: [
            "get": [
                "operationId": "getProvider", "summary": "One provider's entry in the directory (a provider's own people may read theirs).",
                "security": [["bearerToken": []]], "parameters": [pathID("providerID")],
                "responses": [
                    "200": ["description": "The entry.", "content": json(ref("Provider"))],
                    "404": ["description": "No such provider, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "put": recordWrite("changeProvider", "Writes a provider's entry: sector, size, registration numbers, address, approved list, partnerships.",
                               body: "ProviderChange", returns: "Provider", status: "200", parameters: [pathID("providerID")],
                               who: "Not an administrator, commissioning lead, contract manager or procurement specialist."),
        ],
        APIRoute.strategies.openAPIPath: [
            "get": [
                "operationId": "listStrategies", "summary": "Commissioning strategies the user may see, with which sections are still to write.",
                "security": [["bearerToken": []]],
                "responses": [
                    "200": ["description": "Every visible strategy (one page).", "content": json(listOf("Strategy"))],
                    "403": ["description": "Providers see no commissioning strategies.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
            "post": recordWrite("createStrategy", "Starts a strategy, in draft, for an organisation where the user is a commissioning lead.",
                                body: "NewStrategy", returns: "Strategy", parameters: [],
                                who: "Not a commissioning lead of that organisation."),
        ],
        APIRoute.strategyEntries.openAPIPath: [
            "post": recordWrite("addStrategyEntry", "Writes an entry in one section; an approved strategy returns to draft.", body: "NewStrategyEntry",
                                returns: "Strategy", parameters: [pathID("strategyID")], who: "Not a commissioning lead of the strategy's organisation."),
        ],
        APIRoute.strategyOutcomes.openAPIPath: [
            "post": recordWrite("addStrategyOutcome", "Adds an outcome the strategy aims for; an approved strategy returns to draft.", body: "NewOutcome",
                                returns: "Outcome", parameters: [pathID("strategyID")], who: "Not a commissioning lead of the strategy's organisation."),
        ],
        APIRoute.strategySubmission.openAPIPath: [
            "post": [
                "operationId": "submitStrategy", "summary": "Sends a complete strategy for approval; an incomplete one is refused naming what it lacks.",
                "security": [["bearerToken": []]], "parameters": [pathID("strategyID")],
                "responses": [
                    "200": ["description": "The strategy, in approval.", "content": json(ref("Strategy"))],
                    "403": ["description": "Not a commissioning lead of the strategy's organisation.", "content": json(ref("Error"))],
                    "404": ["description": "No such strategy, or not one the user may see.", "content": json(ref("Error"))],
                    "422": ["description": "Sections still to write, or not in draft; `fields` says which.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.strategyApprovals.openAPIPath: [
            "post": recordWrite("ruleOnStrategy", "Approves, rejects or defers a strategy in approval. The approver is never its author.", body: "NewRuling",
                                returns: "Approval", parameters: [pathID("strategyID")],
                                who: "Not an approver of the strategy's organisation or of the body above it."),
        ],
        APIRoute.activityPeople.openAPIPath: [
            "put": recordWrite("setActivityPeople", "Names the activity's people, tier and strategy; each person must hold the matching role in one of its organisations.",
                               body: "People", returns: "PeopleView", status: "200", who: "Not a commissioning lead of the activity's organisations."),
        ],
        APIRoute.strategy.openAPIPath: [
            "get": [
                "operationId": "getStrategy", "summary": "One strategy with its sections' entries and its outcomes.",
                "security": [["bearerToken": []]],
                "parameters": [["name": "strategyID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
                "responses": [
                    "200": ["description": "The strategy.", "content": json(ref("Strategy"))],
                    "404": ["description": "No such strategy, or not one the user may see.", "content": json(ref("Error"))],
                ].merging(errors) { a, _ in a },
            ] as [String: Any],
        ],
        APIRoute.openAPI.openAPIPath: [
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
            "schemas": agreementSchemas.merging(performanceSchemas) { a, _ in a }.merging(renewalSchemas) { a, _ in a }.merging(riskSchemas) { a, _ in a }.merging(recommendationSchemas) { a, _ in a }.merging(auditReportSchemas) { a, _ in a }.merging(intentionsSchemas) { a, _ in a }.merging(accountabilitySchemas) { a, _ in a }.merging(commercialTriageSchemas) { a, _ in a }.merging(engagementSchemas) { a, _ in a }.merging(standardsSchemas) { a, _ in a }.merging(boardReportSchemas) { a, _ in a }.merging(skillsSchemas) { a, _ in a }.merging(rationalisationSchemas) { a, _ in a }.merging(spendSchemas) { a, _ in a }.merging([
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
                "Activity": [
                    "type": "object", "required": ["id", "title", "step", "phase", "level", "tier", "triggers", "organisationIds"],
                    "properties": [
                        "id": ["type": "string", "format": "uuid"], "title": ["type": "string"],
                        "step": ["type": "integer", "minimum": 1, "maximum": 8],
                        "phase": ["type": "string", "enum": CommissioningPhase.allCases.map(\.rawValue)],
                        "level": ["type": "string", "enum": CommissioningLevel.allCases.map(\.rawValue)],
                        "tier": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)],
                        "triggers": ["type": "array", "items": ["type": "string", "enum": CommissioningTrigger.allCases.map(\.rawValue)]],
                        "organisationIds": ["type": "array", "items": ["type": "string", "format": "uuid"]],
                    ],
                ],
                "NewActivity": [
                    "type": "object", "required": ["title", "level", "tier", "organisationIds", "triggers"],
                    "properties": [
                        "title": ["type": "string", "maxLength": 200],
                        "level": ["type": "string", "enum": CommissioningLevel.allCases.map(\.rawValue)],
                        "tier": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)],
                        "tierReason": ["type": "string"],
                        "organisationIds": ["type": "array", "minItems": 1, "items": ["type": "string", "format": "uuid"]],
                        "triggers": ["type": "array", "minItems": 1, "items": ["type": "string", "enum": CommissioningTrigger.allCases.map(\.rawValue)]],
                    ],
                ],
                "Gate": [
                    "type": "object", "required": ["from", "requirements"],
                    "properties": [
                        "from": ["type": "integer"], "to": ["type": "integer", "nullable": true, "description": "Absent at step 8: its gate closes the cycle."],
                        "requirements": ["type": "array", "items": [
                            "type": "object", "required": ["key", "label", "met"],
                            "properties": ["key": ["type": "string"], "label": ["type": "string"], "met": ["type": "boolean"]],
                        ] as [String: Any]],
                    ],
                ],
                "Move": [
                    "type": "object", "required": ["to"],
                    "properties": [
                        "to": ["type": "integer", "minimum": 1, "maximum": 8], "reason": ["type": "string", "description": "Needed to move back."],
                        "exception": ["type": "object", "properties": [
                            "reason": ["type": "string"], "body": ["type": "string", "description": "The body that agreed the exception (required)."],
                            "byMembers": ["type": "boolean"], "decidedOn": ["type": "string", "format": "date", "description": "Required, not in the future."],
                            "minuteReference": ["type": "string"],
                        ], "description": "An approver's exception at an unmet gate, recorded as an approval of the move."],
                    ],
                ],
                "MoveRefused": [
                    "type": "object", "required": ["error", "reason", "missing"],
                    "properties": ["error": ["type": "boolean"], "reason": ["type": "string"], "missing": ["type": "array", "items": ["type": "string"]]],
                ],
                "Document": object(["id", "kind", "title", "status", "version"], [
                    "id": uuid, "kind": ["type": "string", "enum": DocumentKind.allCases.map(\.rawValue)], "title": string,
                    "status": ["type": "string", "enum": DocumentStatus.allCases.map(\.rawValue)], "version": ["type": "integer"],
                    "format": ["type": "string", "enum": TextFormat.allCases.map(\.rawValue)], "body": string,
                ]),
                "NewDocument": object(["kind", "title", "body"], [
                    "kind": ["type": "string", "enum": DocumentKind.allCases.map(\.rawValue)], "title": ["type": "string", "maxLength": 200],
                    "format": ["type": "string", "enum": TextFormat.allCases.map(\.rawValue), "default": "markdown"],
                    "body": ["type": "string", "maxLength": 100_000], "summaryOfChange": string,
                ]),
                "NewVersion": object(["body", "summaryOfChange"], [
                    "format": ["type": "string", "enum": TextFormat.allCases.map(\.rawValue)], "body": ["type": "string", "maxLength": 100_000], "summaryOfChange": string,
                ]),
                "NeedsAnalysisEntry": object(["consideration", "applicable", "text"], [
                    "consideration": ["type": "string", "enum": NeedsConsideration.allCases.map(\.rawValue)], "applicable": ["type": "boolean"],
                    "text": ["type": "string", "description": "What the analysis says; or, when not applicable, why not."],
                ]),
                "NeedsAnalysis": object(["entries"], ["entries": ["type": "array", "items": ref("NeedsAnalysisEntry")]]),
                "NeedsAnalysisEntries": ["type": "array", "items": ref("NeedsAnalysisEntry")],
                "Decision": object(["id", "decided", "optionsConsidered", "chosen", "rationale", "decisionMaker", "decidedOn", "conflictsOfInterest", "approved", "superseded"], [
                    "id": uuid, "decided": string, "optionsConsidered": strings(DeliveryChannel.allCases.map(\.rawValue)),
                    "chosen": ["type": "string", "enum": DeliveryChannel.allCases.map(\.rawValue)], "rationale": string, "decisionMaker": string,
                    "decidedOn": day, "conflictsOfInterest": string, "decommissioningNotConsideredBecause": string, "evidenceLinks": strings(),
                    "supersedesId": ["type": "string", "format": "uuid", "nullable": true], "approved": ["type": "boolean"], "superseded": ["type": "boolean"],
                    "appraisalOptionId": ["type": "string", "format": "uuid", "nullable": true],
                    "departureFromRankingBecause": string,
                    "appraisalSummary": ["type": "string", "description": "The delivery analysis as it stood when the decision was recorded, one line per item."],
                ]),
                "NewDecision": object(["decided", "optionsConsidered", "chosen", "rationale", "decisionMaker", "decidedOn", "conflictsOfInterest"], [
                    "decided": string, "optionsConsidered": strings(DeliveryChannel.allCases.map(\.rawValue)),
                    "chosen": ["type": "string", "enum": DeliveryChannel.allCases.map(\.rawValue)], "rationale": string, "decisionMaker": string,
                    "decidedOn": day, "conflictsOfInterest": string,
                    "decommissioningNotConsideredBecause": ["type": "string", "description": "Needed when decommission is not among the options."],
                    "evidenceLinks": strings(), "supersedesId": ["type": "string", "format": "uuid", "description": "Needed once a decision stands."],
                    "appraisalOptionId": ["type": "string", "format": "uuid", "description": "The delivery analysis's option chosen; every option must be scored."],
                    "departureFromRankingBecause": ["type": "string", "description": "Needed when the chosen option is not ranked first."],
                ]),
                "Approval": object(["id", "subject", "subjectId", "verdict", "approverId", "body", "byMembers", "decidedOn", "minuteReference", "comment"], [
                    "id": uuid, "subject": ["type": "string", "enum": ApprovalSubject.allCases.map(\.rawValue),
                                            "description": "For an exception, the subject is the move it allowed."], "subjectId": uuid,
                    "subjectVersion": ["type": "integer", "nullable": true], "verdict": ["type": "string", "enum": ApprovalVerdict.allCases.map(\.rawValue)],
                    "approverId": uuid, "body": string, "byMembers": ["type": "boolean"], "decidedOn": day, "minuteReference": string, "comment": string,
                ]),
                "NewApproval": object(["subject", "subjectId", "verdict", "body", "decidedOn"], [
                    "subject": ["type": "string", "enum": ["document", "decision", "commercial-model"]], "subjectId": uuid,
                    "verdict": ["type": "string", "enum": ApprovalVerdict.allCases.map(\.rawValue)], "body": string,
                    "byMembers": ["type": "boolean", "description": "The body is of elected members."], "decidedOn": day, "minuteReference": string,
                    "comment": ["type": "string", "description": "Needed to reject or defer."],
                ]),
                "File": object(["id", "filename", "contentType", "size", "version"], [
                    "id": uuid, "filename": string, "contentType": string, "size": ["type": "integer"], "version": ["type": "integer"],
                ]),
                "Appraisal": object(["criteria", "options", "robustness", "decommissioningConsidered"], [
                    "id": uuid, "baseYear": ["type": "integer"],
                    "criteria": ["type": "array", "items": object(["name", "weight"], [
                        "id": uuid, "name": string, "weight": ["type": "number"], "share": ["type": "number", "description": "Share of the total weight, 0–1."],
                    ])],
                    "options": ["type": "array", "items": object(["id", "channel", "weightedScore", "rank", "npsv", "bcr"], [
                        "id": uuid, "channel": ["type": "string", "enum": DeliveryChannel.allCases.map(\.shortName)], "name": string,
                        "description": string, "isCurrent": ["type": "boolean"], "governance": string, "policyAlignment": string,
                        "otherResources": string, "risks": string, "strengths": string, "weaknesses": string, "opportunities": string, "threats": string,
                        "outcomeIds": ["type": "array", "items": uuid, "description": "The activity's outcomes the option would achieve."],
                        "optimismBias": ref("OptimismBias"),
                        "commercialModel": ["allOf": [ref("CommercialModel")], "nullable": true, "description": "External and partnership options only."],
                        "cashFlows": ["type": "array", "items": object(["id", "kind", "description", "firstYear", "lastYear", "schedule"], [
                            "id": uuid, "kind": ["type": "string", "enum": CashFlowLine.Kind.allCases.map(\.rawValue)], "description": string,
                            "category": ["type": "string", "nullable": true, "enum": CostCategory.allCases.map(\.rawValue)],
                            "firstYear": ["type": "integer"], "lastYear": ["type": "integer"],
                            "annualAmount": ["type": "number", "nullable": true], "schedule": ["type": "string", "enum": DiscountSchedule.allCases.map(\.rawValue)],
                        ])],
                        "weightedScore": ["type": "number", "nullable": true, "description": "Null until every option is scored on every criterion."],
                        "rank": ["type": "integer", "nullable": true], "npsv": ["type": "number", "description": "Net present social value, £."],
                        "bcr": ["type": "number", "nullable": true, "description": "Benefit–cost ratio; null without costs."],
                        "presentValueCosts": ["type": "number"], "presentValueBenefits": ["type": "number"],
                        "paybackYear": ["type": "integer", "nullable": true],
                    ])],
                    "scores": ["type": "array", "items": object(["optionId", "criterionId", "score", "justification"], [
                        "optionId": uuid, "criterionId": uuid, "score": ["type": "number"], "justification": string,
                    ])],
                    "robustness": ["type": "array", "items": object(["optionId", "shareFirst"], [
                        "optionId": uuid, "shareFirst": ["type": "number", "description": "Share of perturbed weightings in which the option comes first."],
                    ])],
                    "switchingPoints": ["type": "array", "items": object(["criterionId", "currentShare"], [
                        "criterionId": uuid, "currentShare": ["type": "number"],
                        "switchingShare": ["type": "number", "nullable": true, "description": "Null: never within 0–100%."],
                        "newTopOptionId": ["type": "string", "format": "uuid", "nullable": true],
                        "weightNeeded": ["type": "number", "nullable": true],
                    ])],
                    "topOptionId": ["type": "string", "format": "uuid", "nullable": true], "verdict": ["type": "string", "nullable": true],
                    "decommissioningConsidered": ["type": "boolean"], "includesCurrentOrInHouse": ["type": "boolean"], "problems": strings(),
                ]),
                "NewAppraisal": object(["baseYear", "template"], [
                    "baseYear": ["type": "integer"], "template": ["type": "string", "enum": CriteriaTemplate.allCases.map(\.rawValue)],
                    "decommissioningNotAppraisedBecause": string,
                ]),
                "NewCriterion": object(["name", "weight"], ["name": string, "weight": ["type": "number", "minimum": 0]]),
                "Weights": object(["weights"], ["weights": ["type": "object", "additionalProperties": ["type": "number"],
                                                            "description": "Criterion identifier → weight."]]),
                "NewOption": object(["channel", "name", "description"], [
                    "channel": ["type": "string", "enum": DeliveryChannel.allCases.map(\.shortName)], "name": string, "description": string,
                    "isCurrent": ["type": "boolean"], "governance": string, "policyAlignment": string, "otherResources": string, "risks": string,
                    "strengths": string, "weaknesses": string, "opportunities": string, "threats": string,
                    "optimismBias": ref("OptimismBias"),
                    "outcomeIds": ["type": "array", "items": uuid, "description": "Outcomes of the activity the option would achieve."],
                ]),
                "CommercialModelTerms": object(["terms"], [
                    "terms": object([], Dictionary(uniqueKeysWithValues: CommercialTerm.allCases.map { term in
                        (term.rawValue, ["type": "string", "description": term == .duration ? "Whole years, the initial term then each optional extension: 3+2, 3+1+1." : term.hint] as [String: Any])
                    })),
                ]),
                "CommercialModel": object(["id", "version", "isComplete", "missing", "terms", "forMembers"], [
                    "id": uuid, "version": ["type": "integer", "description": "Counts each change; an approval is of one version."],
                    "isComplete": ["type": "boolean"], "missing": ["type": "array", "items": ["type": "string", "enum": CommercialTerm.allCases.map(\.rawValue)]],
                    "terms": ["type": "object", "additionalProperties": ["type": "string"], "description": "Heading → text."],
                    "forMembers": ["type": "array", "items": ["type": "string"], "description": "The headings members may want to approve themselves."],
                    "approvedByMembers": ["type": "boolean", "description": "The current version stands approved by a body of elected members."],
                ]),
                "OptimismBias": object(["components", "mitigation"], [
                    "components": ["type": "array", "items": object(["type", "share"], [
                        "type": ["type": "string", "enum": ProjectType.allCases.map(\.rawValue)],
                        "share": ["type": "number", "minimum": 0, "maximum": 1, "description": "Share of the spend the type's uplift applies to (capital, or operating for outsourcing)."],
                    ])],
                    "mitigation": ["type": "number", "minimum": 0, "maximum": 1, "description": "How far the causes of optimism are mitigated; reduces every uplift."],
                ]),
                "Scores": object(["scores"], ["scores": ["type": "array", "items": object(["optionId", "criterionId", "score", "justification"], [
                    "optionId": uuid, "criterionId": uuid, "score": ["type": "number"], "justification": string,
                ])]]),
                "NewCashFlow": object(["kind", "description", "firstYear"], [
                    "kind": ["type": "string", "enum": CashFlowLine.Kind.allCases.map(\.rawValue)], "description": string,
                    "category": ["type": "string", "enum": CostCategory.allCases.map(\.rawValue)],
                    "firstYear": ["type": "integer"], "lastYear": ["type": "integer"],
                    "annualAmount": ["type": "number", "description": "£ a year in real prices; leave out for a benefit that is not monetised."],
                    "schedule": ["type": "string", "enum": DiscountSchedule.allCases.map(\.rawValue)],
                ]),
                "NewRuling": object(["verdict", "body", "decidedOn"], [
                    "verdict": ["type": "string", "enum": ApprovalVerdict.allCases.map(\.rawValue)], "body": string,
                    "byMembers": ["type": "boolean", "description": "The body is of elected members."], "decidedOn": day, "minuteReference": string,
                    "comment": ["type": "string", "description": "Needed to reject or defer."],
                ]),
                "NewStrategy": object(["organisationId", "title"], [
                    "organisationId": uuid, "title": string, "summary": string, "reviewOn": day,
                ]),
                "NewStrategyEntry": object(["section", "text"], [
                    "section": ["type": "string", "enum": StrategySection.allCases.map(\.rawValue)], "text": string,
                    "detail": ["type": "string", "description": "The reason, nature of engagement, assumptions or measure, as the section asks."],
                    "cost": string, "utilisation": string, "satisfaction": string,
                ]),
                "People": object([], [
                    "accountableOfficerId": uuid, "commissioningLeadId": uuid, "procurementSpecialistId": uuid, "contractManagerId": uuid,
                    "budgetHolderIds": ["type": "array", "items": uuid], "tier": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)],
                    "tierReason": string, "strategyId": uuid,
                ]),
                "PeopleView": object(["budgetHolderIds", "tier", "tierReason"], [
                    "accountableOfficerId": ["type": "string", "format": "uuid", "nullable": true],
                    "commissioningLeadId": ["type": "string", "format": "uuid", "nullable": true],
                    "procurementSpecialistId": ["type": "string", "format": "uuid", "nullable": true],
                    "contractManagerId": ["type": "string", "format": "uuid", "nullable": true],
                    "budgetHolderIds": ["type": "array", "items": uuid], "tier": ["type": "string", "enum": ActivityTier.allCases.map(\.rawValue)],
                    "tierReason": string, "strategyId": ["type": "string", "format": "uuid", "nullable": true],
                ]),
                "Evidence": object(["id", "source", "observedOn", "indicator", "value", "link"], [
                    "id": uuid, "source": string, "observedOn": day, "indicator": string, "value": string, "link": string,
                ]),
                "NewEvidence": object(["source", "observedOn", "indicator", "value"], [
                    "source": string, "observedOn": day, "indicator": string, "value": string, "link": ["type": "string", "format": "uri"],
                ]),
                "Outcome": object(["id", "statement", "iStatement", "measures", "evidenceIds"], [
                    "id": uuid, "statement": string, "iStatement": string, "measures": strings(), "evidenceIds": ["type": "array", "items": uuid],
                ]),
                "NewOutcome": object(["statement"], [
                    "statement": string, "iStatement": string, "measures": strings(), "evidenceIds": ["type": "array", "items": uuid],
                ]),
                "Milestone": object(["id", "title", "dueOn"], [
                    "id": uuid, "title": string, "dueOn": day, "doneOn": ["type": "string", "format": "date", "nullable": true],
                    "ownerId": ["type": "string", "format": "uuid", "nullable": true],
                ]),
                "NewMilestone": object(["title", "dueOn"], ["title": string, "dueOn": day, "doneOn": day, "ownerId": uuid]),
                "Provider": object(["id", "name"], [
                    "id": uuid, "name": string,
                    "sector": ["type": "string", "nullable": true, "enum": ProviderSector.allCases.map(\.rawValue), "description": "vcse: voluntary, community and social enterprise."],
                    "size": ["type": "string", "nullable": true, "enum": ProviderSize.allCases.map(\.rawValue)],
                    "companyNumber": string, "charityNumber": string, "address": string,
                    "approvedList": ["type": "string", "enum": ApprovedListStatus.allCases.map(\.rawValue)],
                    "partnershipIds": ["type": "array", "items": uuid],
                ]),
                "ProviderChange": object(["sector", "size"], [
                    "sector": ["type": "string", "enum": ProviderSector.allCases.map(\.rawValue)], "size": ["type": "string", "enum": ProviderSize.allCases.map(\.rawValue)],
                    "companyNumber": ["type": "string", "description": "8 digits, or 2 letters then 6 digits."], "charityNumber": string, "address": string,
                    "approvedList": ["type": "string", "enum": ApprovedListStatus.allCases.map(\.rawValue)],
                    "partnershipIds": ["type": "array", "items": uuid, "description": "Partnership ventures it belongs to."],
                ]),
                "Strategy": object(["id", "organisationId", "title", "summary", "status", "complete", "stillToWrite"], [
                    "id": uuid, "organisationId": uuid, "title": string, "summary": string,
                    "status": ["type": "string", "enum": DocumentStatus.allCases.map(\.rawValue)],
                    "reviewOn": ["type": "string", "format": "date", "nullable": true], "complete": ["type": "boolean"],
                    "stillToWrite": strings(),
                    "entries": ["type": "array", "items": object(["section", "text"], [
                        "section": ["type": "string", "enum": StrategySection.allCases.map(\.rawValue)], "text": string, "detail": string,
                        "cost": string, "utilisation": string, "satisfaction": string,
                    ])],
                    "outcomes": ["type": "array", "items": ref("Outcome")],
                ]),
                "ActivityRecords": object(["activity", "gate", "documents", "decisions", "approvals", "evidence", "outcomes", "milestones"], [
                    "activity": ref("Activity"), "gate": ref("Gate"), "documents": ["type": "array", "items": ref("Document")],
                    "decisions": ["type": "array", "items": ref("Decision")], "approvals": ["type": "array", "items": ref("Approval")],
                    "evidence": ["type": "array", "items": ref("Evidence")], "outcomes": ["type": "array", "items": ref("Outcome")],
                    "milestones": ["type": "array", "items": ref("Milestone")],
                ]),
                "OrganisationList": [
                    "type": "object", "required": ["items", "total", "page", "per"],
                    "properties": [
                        "items": ["type": "array", "items": ref("Organisation")], "total": ["type": "integer"],
                        "page": ["type": "integer"], "per": ["type": "integer"],
                    ],
                ],
            ] as [String: Any]) { a, _ in a },
        ] as [String: Any],
    ] }

    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }()
}
