import Foundation

/// Which fields of a release merge by a rule other than the default, read from the release schema in use
/// (so that a custom schema changes them): fields marked `omitWhenMerged` are left out of merged releases;
/// arrays marked `wholeListMerge`, arrays of anything but objects, and arrays of objects without an `id` are
/// replaced whole. Paths name properties only (never array positions): `awards.suppliers`.
public struct OCDSMergeRules: Sendable, Equatable {
    public enum Rule: String, Sendable {
        case omitWhenMerged
        case wholeListMerge
    }

    public private(set) var rules: [[String]: Rule]

    public init(rules: [[String]: Rule]) {
        self.rules = rules
    }

    public subscript(path: [String]) -> Rule? { rules[path] }

    public struct SchemaFailure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The rules of a release schema (JSON Schema with local `$ref`s to its `definitions`).
    public init(schema: JSONValue) throws {
        guard let root = schema.object, let properties = root["properties"]?.object else {
            throw SchemaFailure(message: "The schema has no top-level \"properties\": it is not a release schema")
        }
        var rules: [[String]: Rule] = [:]
        try Self.collect(properties, path: [], root: root, into: &rules, depth: 0)
        self.rules = rules
    }

    static func resolve(_ value: JSONObject, root: JSONObject) throws -> JSONObject {
        var current = value
        var hops = 0
        while let reference = current["$ref"]?.string {
            hops += 1
            guard hops < 64, reference.hasPrefix("#/") else { throw SchemaFailure(message: "The schema's reference \(reference) is not to a part of the schema itself") }
            var node = JSONValue.object(root)
            for part in reference.dropFirst(2).split(separator: "/") {
                let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard let next = node.object?[key] else { throw SchemaFailure(message: "The schema's reference \(reference) leads nowhere") }
                node = next
            }
            guard let object = node.object else { throw SchemaFailure(message: "The schema's reference \(reference) is not to an object") }
            // Keywords beside a `$ref` are ignored, as the reference implementation's JSON reference library does.
            current = object
        }
        return current
    }

    static func types(_ value: JSONObject) -> [String] {
        switch value["type"] {
        case .string(let type): [type]
        case .array(let types): types.compactMap(\.string)
        default: []
        }
    }

    static func collect(_ properties: JSONObject, path: [String], root: JSONObject, into rules: inout [[String]: Rule], depth: Int) throws {
        guard depth < 32 else { return }
        for (key, raw) in properties.entries {
            guard let declared = raw.object else { continue }
            let value = try resolve(declared, root: root)
            let path = path + [key]
            let types = types(value)
            if value["omitWhenMerged"] == .bool(true) || value["mergeStrategy"] == .string("ocdsOmit") {
                rules[path] = .omitWhenMerged
            } else if types.contains("array") && (value["wholeListMerge"] == .bool(true) || value["mergeStrategy"] == .string("ocdsVersion")) {
                rules[path] = .wholeListMerge
            } else if types.contains("object"), let nested = value["properties"]?.object {
                try collect(nested, path: path, root: root, into: &rules, depth: depth + 1)
            } else if types.contains("array"), let declaredItems = value["items"]?.object {
                let items = try resolve(declaredItems, root: root)
                let itemTypes = Self.types(items)
                if itemTypes.contains(where: { $0 != "object" }) {
                    rules[path] = .wholeListMerge
                } else if itemTypes.contains("object"), let itemProperties = items["properties"]?.object {
                    if itemProperties["id"] == nil {
                        rules[path] = .wholeListMerge
                    } else {
                        try collect(itemProperties, path: path, root: root, into: &rules, depth: depth + 1)
                    }
                }
            }
        }
    }
}

extension OCDSMergeRules {
    /// The OCDS 1.1.5 release schema as published (Apache 2.0, beside it), carried with the program.
    public static func bundledSchema() throws -> JSONValue {
        guard let url = Bundle.module.url(forResource: "ocds-1.1.5-release-schema", withExtension: "json", subdirectory: "Schemas") else {
            throw SchemaFailure(message: "The bundled OCDS 1.1.5 release schema is missing from this build")
        }
        return try JSONReader.read(try Data(contentsOf: url))
    }
}

extension OCDSMergeRules {
    private static let bundledRules = Result { try OCDSMergeRules(schema: bundledSchema()) }

    /// The rules of the bundled schema, read once: what Commissioner's own publication is merged by.
    public static func bundled() throws -> OCDSMergeRules { try bundledRules.get() }
}
