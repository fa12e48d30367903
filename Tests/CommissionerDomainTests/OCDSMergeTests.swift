import CommissionerDomain
import Foundation
import Testing

/// The OCDS merge routine, case by case from the standard's merging rules.
@Suite struct OCDSMergeTests {
    func json(_ text: String) throws -> JSONValue { try JSONReader.read(text) }

    func merge(_ schema: JSONValue? = nil) throws -> OCDSMerge {
        OCDSMerge(rules: try OCDSMergeRules(schema: try schema ?? OCDSMergeRules.bundledSchema()))
    }

    @Test func theBundledSchemasRulesAreTheStandardsOwn() throws {
        let rules = try OCDSMergeRules(schema: try OCDSMergeRules.bundledSchema())
        let expected: [String: OCDSMergeRules.Rule] = [
            "id": .omitWhenMerged, "date": .omitWhenMerged, "tag": .omitWhenMerged,
            "awards.amendment.changes": .wholeListMerge, "awards.amendments.changes": .wholeListMerge,
            "awards.items.additionalClassifications": .wholeListMerge, "awards.suppliers.additionalIdentifiers": .wholeListMerge,
            "buyer.additionalIdentifiers": .wholeListMerge, "contracts.amendment.changes": .wholeListMerge,
            "contracts.amendments.changes": .wholeListMerge, "contracts.implementation.transactions.payee.additionalIdentifiers": .wholeListMerge,
            "contracts.implementation.transactions.payer.additionalIdentifiers": .wholeListMerge,
            "contracts.items.additionalClassifications": .wholeListMerge, "contracts.relatedProcesses.relationship": .wholeListMerge,
            "parties.additionalIdentifiers": .wholeListMerge, "parties.roles": .wholeListMerge, "relatedProcesses.relationship": .wholeListMerge,
            "tender.additionalProcurementCategories": .wholeListMerge, "tender.amendment.changes": .wholeListMerge,
            "tender.amendments.changes": .wholeListMerge, "tender.items.additionalClassifications": .wholeListMerge,
            "tender.procuringEntity.additionalIdentifiers": .wholeListMerge, "tender.submissionMethod": .wholeListMerge,
            "tender.tenderers.additionalIdentifiers": .wholeListMerge,
        ]
        #expect(Dictionary(uniqueKeysWithValues: rules.rules.map { ($0.key.joined(separator: "."), $0.value) }) == expected)
    }

    @Test func releasesAreMergedInDateOrderWithTheCompiledFields() throws {
        var merge = try merge()
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "ocds-x-1", "id": "2", "date": "2026-02-01T00:00:00Z", "tag": ["award"], "tender": {"title": "Later"}}"#),
            try json(#"{"ocid": "ocds-x-1", "id": "1", "date": "2026-01-01T00:00:00Z", "tag": ["tender"], "tender": {"title": "Earlier", "status": "active"}}"#),
        ])
        #expect(compiled == (try json("""
            {"tag": ["compiled"], "id": "ocds-x-1-2026-02-01T00:00:00Z", "date": "2026-02-01T00:00:00Z", "ocid": "ocds-x-1",
             "tender": {"title": "Later", "status": "active"}}
            """)))
    }

    @Test func aNullRemovesAFieldAndEmptyValuesChangeNothing() throws {
        var merge = try merge()
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "a", "date": "1", "tender": {"title": "T", "description": "D", "items": [{"id": "1", "description": "x"}]}, "buyer": {"name": "B"}}"#),
            try json(#"{"ocid": "a", "date": "2", "tender": {"description": null, "items": []}, "buyer": {}}"#),
        ])
        #expect(compiled.object?["tender"] == (try json(#"{"title": "T", "items": [{"id": "1", "description": "x"}]}"#)))
        #expect(compiled.object?["buyer"] == (try json(#"{"name": "B"}"#)))
    }

    @Test func objectsInArraysAreMatchedByIdentifier() throws {
        var merge = try merge()
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "a", "date": "1", "awards": [{"id": "1", "title": "One", "value": {"amount": 10}}, {"id": 2, "title": "Two"}]}"#),
            try json(#"{"ocid": "a", "date": "2", "awards": [{"id": "2", "status": "active"}, {"id": "3", "title": "Three"}, {"id": "1", "value": {"currency": "GBP"}}]}"#),
        ])
        // Matched by `id`, unmatched appended, nested objects merged. An `id` written as the number 2 and one
        // written as the text "2" stay two objects, as the reference implementation keeps them.
        #expect(compiled.object?["awards"] == (try json("""
            [{"id": "1", "title": "One", "value": {"amount": 10, "currency": "GBP"}}, {"id": 2, "title": "Two"}, {"id": "2", "status": "active"},
             {"id": "3", "title": "Three"}]
            """)))
    }

    @Test func duplicateIdentifiersInOneReleaseMergeWithAWarning() throws {
        var merge = try merge()
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "a", "date": "1", "parties": [{"id": "p", "name": "First", "roles": ["buyer"]}, {"id": "p", "name": "Second"}]}"#),
        ])
        #expect(compiled.object?["parties"] == (try json(#"[{"id": "p", "name": "Second", "roles": ["buyer"]}]"#)))
        #expect(merge.warnings.count == 1 && merge.warnings[0].contains("`parties` array"))
    }

    @Test func wholeListsAreReplacedWhole() throws {
        var merge = try merge()
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "a", "date": "1", "tender": {"submissionMethod": ["electronicSubmission", "written"]}, "parties": [{"id": "p", "roles": ["buyer", "payer"], "additionalIdentifiers": [{"id": "1", "scheme": "GB-COH"}]}], "custom": [1, 2]}"#),
            try json(#"{"ocid": "a", "date": "2", "tender": {"submissionMethod": ["inPerson"]}, "parties": [{"id": "p", "roles": ["payer"], "additionalIdentifiers": [{"scheme": "GB-CHC"}]}], "custom": [3]}"#),
        ])
        // Strings by position are never merged; `roles` and `additionalIdentifiers` are whole lists by the schema.
        #expect(compiled.object?["tender"] == (try json(#"{"submissionMethod": ["inPerson"]}"#)))
        #expect(compiled.object?["parties"] == (try json(#"[{"id": "p", "roles": ["payer"], "additionalIdentifiers": [{"scheme": "GB-CHC"}]}]"#)))
        #expect(compiled.object?["custom"] == (try json("[3]")))
    }

    @Test func objectsWithoutAnIdentifierAreAppended() throws {
        var merge = try merge()
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "a", "date": "1", "notes": [{"text": "one"}]}"#),
            try json(#"{"ocid": "a", "date": "2", "notes": [{"text": "two"}]}"#),
        ])
        #expect(compiled.object?["notes"] == (try json(#"[{"text": "one"}, {"text": "two"}]"#)))
    }

    @Test func aCustomSchemaChangesTheRules() throws {
        let schema = try json("""
            {"properties": {"date": {"type": "string", "omitWhenMerged": true}, "tag": {"omitWhenMerged": true},
             "awards": {"type": "array", "wholeListMerge": true, "items": {"$ref": "#/definitions/Award"}},
             "secret": {"type": "string", "omitWhenMerged": true}},
             "definitions": {"Award": {"type": "object", "properties": {"id": {"type": "string"}}}}}
            """)
        var merge = try merge(schema)
        let compiled = try merge.compiledRelease([
            try json(#"{"ocid": "a", "id": "r1", "date": "1", "secret": "s", "awards": [{"id": "1"}, {"id": "2"}]}"#),
            try json(#"{"ocid": "a", "id": "r2", "date": "2", "awards": [{"id": "3"}]}"#),
        ])
        // `id` is not omitted by this schema, so the release's own `id` stands; `secret` is left out; awards replaced whole.
        #expect(compiled.object?["id"] == .string("r2") && compiled.object?["secret"] == nil)
        #expect(compiled.object?["awards"] == (try json(#"[{"id": "3"}]"#)))
    }

    @Test func theVersionedReleaseKeepsEachChangeWithItsRelease() throws {
        var merge = try merge()
        let versioned = try merge.versionedRelease([
            try json(#"{"ocid": "a", "id": "r1", "date": "1", "tag": ["tender"], "tender": {"title": "T", "status": "planned"}, "awards": [{"id": "1", "status": "pending"}]}"#),
            try json(#"{"ocid": "a", "id": "r2", "date": "2", "tag": ["award"], "tender": {"title": "T", "status": "active"}, "awards": [{"id": "1", "status": "active"}]}"#),
            try json(#"{"ocid": "a", "id": "r3", "date": "3", "tag": ["tenderUpdate"], "tender": {"status": null}}"#),
        ])
        #expect(versioned == (try json("""
            {"ocid": "a",
             "tender": {"title": [{"releaseID": "r1", "releaseDate": "1", "releaseTag": ["tender"], "value": "T"}],
                        "status": [{"releaseID": "r1", "releaseDate": "1", "releaseTag": ["tender"], "value": "planned"},
                                   {"releaseID": "r2", "releaseDate": "2", "releaseTag": ["award"], "value": "active"},
                                   {"releaseID": "r3", "releaseDate": "3", "releaseTag": ["tenderUpdate"], "value": null}]},
             "awards": [{"id": "1", "status": [{"releaseID": "r1", "releaseDate": "1", "releaseTag": ["tender"], "value": "pending"},
                                               {"releaseID": "r2", "releaseDate": "2", "releaseTag": ["award"], "value": "active"}]}]}
            """)))
    }

    @Test func releasesWithoutAUsableDateAreRefused() throws {
        var merge = try merge()
        #expect(throws: OCDSMerge.Failure.self) { try merge.compiledRelease([try json(#"{"ocid": "a"}"#)]) }
        #expect(throws: OCDSMerge.Failure.self) { try merge.compiledRelease([try json(#"{"ocid": "a", "date": 5}"#)]) }
        #expect(throws: OCDSMerge.Failure.self) { try merge.compiledRelease([try json(#"{"ocid": "a", "date": "1", "tender": {"x": 1}}"#),
                                                                              try json(#"{"ocid": "a", "date": "2", "tender": [{"id": "1"}]}"#)]) }
    }

    @Test func aRecordPackageHasOneRecordPerProcess() throws {
        var compilation = OCDSCompilation()
        try compilation.add(try json(#"{"uri": "u", "publisher": {"name": "P"}, "releases": [{"ocid": "b", "id": "1", "date": "1"}, {"ocid": "a", "id": "1", "date": "1"}]}"#),
                            source: "one.json")
        try compilation.add(try json(#"[{"ocid": "b", "id": "2", "date": "2", "tender": {"title": "T"}}]"#), source: "two.json")
        var merge = try merge()
        var text = ""
        try compilation.writeRecordPackage(versioned: true, merge: &merge, publishedDate: "2026-12-04T00:00:00Z") { text += $0 }
        let package = try JSONReader.read(text)
        let records = try #require(package.object?["records"]?.array)
        #expect(records.compactMap { $0.object?["ocid"]?.string } == ["b", "a"])
        let title = try json(#"{"title": "T"}"#), publisher = try json(#"{"name": "P"}"#)
        #expect(records[0].object?["releases"]?.array?.count == 2 && records[0].object?["compiledRelease"]?.object?["tender"] == title)
        #expect(records[0].object?["versionedRelease"] != nil && package.object?["publisher"] == publisher)
        #expect(throws: OCDSCompilation.Failure.self) { try compilation.add(try json(#"{"records": []}"#), source: "three.json") }
        #expect(throws: OCDSCompilation.Failure.self) { try compilation.add(try json(#"[{"id": "1"}]"#), source: "four.json") }
        #expect(throws: JSONReader.Failure.self) { try JSONReader.read("{\"a\": }") }
    }
}
