import Foundation

/// The OCDS merge routine: the releases of one contracting process (one `ocid`) merged, in date order, into
/// a compiled release (the latest value of every field) and, on request, a versioned release (every value
/// each field has had, with the release that gave it). Written from the standard's merging rules and kept
/// to what the reference implementation (`ocdsmerge`) gives for the same releases and schema:
/// - releases are sorted by `date` (stably); a release without a string `date` is refused;
/// - fields marked `omitWhenMerged` (`id`, `date`, `tag` in 1.1.5) are left out; the compiled release gets
///   `tag` `["compiled"]`, the last release's `date`, and `id` `"{ocid}-{date}"`;
/// - a `null` removes the field; empty objects and arrays change nothing;
/// - objects in an array are matched by `id`, unmatched ones appended; two objects with the same `id` in one
///   release: the last wins, with a warning; objects without an `id` are always appended. (An `id` written
///   as a number and the same digits written as text share their fields' paths but are built as two
///   objects: the reference's behaviour, kept so that the output is the same.)
/// - arrays of anything but objects, arrays the schema's rules merge whole, and arrays the schema gives
///   objects without an `id` are replaced whole;
/// - in a versioned release a value is added to a field's history only when it changes.
public struct OCDSMerge: Sendable {
    public let rules: OCDSMergeRules

    public init(rules: OCDSMergeRules) {
        self.rules = rules
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A step in a flattened path: a property, or an object in an array (matched by its `id`, or by a
    /// unique token when it has none).
    enum Part: Hashable {
        case key(String)
        case item(identifier: String, original: JSONValue?)

        static func == (lhs: Part, rhs: Part) -> Bool {
            switch (lhs, rhs) {
            case (.key(let a), .key(let b)): a == b
            case (.item(let a, _), .item(let b, _)): a == b
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .key(let key): hasher.combine(0); hasher.combine(key)
            case .item(let identifier, _): hasher.combine(1); hasher.combine(identifier)
            }
        }
    }

    /// Paths and their values, in the order they were first set.
    struct Flattened {
        var order: [[Part]] = []
        var values: [[Part]: JSONValue] = [:]

        subscript(path: [Part]) -> JSONValue? {
            get { values[path] }
            set {
                guard let newValue else { return }
                if values.updateValue(newValue, forKey: path) == nil { order.append(path) }
            }
        }
    }

    /// Warnings met while merging (objects sharing an `id` within one release).
    public private(set) var warnings: [String] = []

    // MARK: Flattening

    private static let uniqueCounter = Counter()

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }

    func flatten(_ value: JSONValue, path: [Part], rulePath: [String], into flattened: inout Flattened, warnings: inout [String]) {
        var children: [(Part, [String], JSONValue)] = []
        switch value {
        case .object(let object):
            children = object.entries.map { (.key($0.key), rulePath + [$0.key], $0.value) }
        case .array(let items):
            var seen: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                let original = item.object?["id"]
                let identifier = original?.identifierText ?? "\u{0}no-id-\(Self.uniqueCounter.next())"
                if let earlier = seen[identifier], earlier != index {
                    warnings.append("Multiple objects have the `id` value \(identifier) in the `\(rulePath.joined(separator: "."))` array")
                } else {
                    seen[identifier] = index
                }
                children.append((.item(identifier: identifier, original: original), rulePath, item))
            }
        default:
            return
        }
        for (part, childRulePath, child) in children {
            let rule = rules[childRulePath]
            if rule == .omitWhenMerged { continue }
            let path = path + [part]
            let isContainer: Bool
            switch child {
            case .object, .array: isContainer = true
            default: isContainer = false
            }
            let arrayOfOtherThanObjects = child.array.map { $0.contains { $0.object == nil } } ?? false
            if rule == .wholeListMerge || !isContainer || arrayOfOtherThanObjects {
                flattened[path] = child
            } else if !(child.object?.isEmpty ?? false) && !(child.array?.isEmpty ?? false) {
                flatten(child, path: path, rulePath: childRulePath, into: &flattened, warnings: &warnings)
            }
        }
    }

    // MARK: Unflattening

    func unflatten(_ flattened: Flattened) throws -> JSONValue {
        // A tree built with references, then turned into values.
        final class Node {
            enum Kind { case object, array }
            var kind: Kind
            var keys: [String] = []
            var children: [String: Node] = [:]
            var leaves: [String: JSONValue] = [:]
            var items: [Node] = []
            init(_ kind: Kind) { self.kind = kind }

            func value() -> JSONValue {
                switch kind {
                case .array: return .array(items.map { $0.value() })
                case .object:
                    var object = JSONObject()
                    for key in keys {
                        if let child = children[key] { object[key] = child.value() } else if let leaf = leaves[key] { object[key] = leaf }
                    }
                    return .object(object)
                }
            }
        }
        // Objects in arrays are told apart by their path and their `id` as it was written: paths match an
        // `id` by its text (1 and "1" alike), but the objects built keep 1 and "1" apart, as the reference does.
        struct IdentifierPath: Hashable {
            var prefix: [Part]
            var typed: String
        }
        let root = Node(.object)
        var identifiers: [IdentifierPath: Node] = [:]
        for path in flattened.order {
            var current = root
            for (index, part) in path.enumerated() {
                let end = index + 1
                switch part {
                case .item(let identifier, let original):
                    let idPath = IdentifierPath(prefix: Array(path[..<index]), typed: Self.typedIdentifier(identifier, original))
                    if identifiers[idPath] == nil {
                        let node = Node(.object)
                        if let original, !original.isNull {
                            node.keys.append("id")
                            node.leaves["id"] = original
                        }
                        identifiers[idPath] = node
                        guard current.kind == .array else {
                            throw Failure(message: "An earlier release had an object for /\(Self.describe(path[..<index])), but a later release has an array")
                        }
                        current.items.append(node)
                    }
                    current = identifiers[idPath]!
                case .key(let key):
                    guard current.kind == .object else {
                        throw Failure(message: "An earlier release had an array for /\(Self.describe(path[..<index])), but a later release has an object with a \"\(key)\" key")
                    }
                    if let child = current.children[key] {
                        current = child
                    } else if current.leaves[key] != nil && end < path.count {
                        throw Failure(message: "An earlier release had a value for /\(Self.describe(path[..<end])), but a later release has an object or array")
                    } else if current.leaves[key] != nil {
                        continue
                    } else if end < path.count {
                        let child: Node
                        if case .item = path[end] { child = Node(.array) } else { child = Node(.object) }
                        current.keys.append(key)
                        current.children[key] = child
                        current = child
                    } else if let value = flattened.values[path], !value.isNull {
                        current.keys.append(key)
                        current.leaves[key] = value
                    }
                }
            }
        }
        return root.value()
    }

    /// An `id` as the reference compares it when building objects: by type as well as text, except that
    /// numbers (and true and false) compare by value.
    static func typedIdentifier(_ identifier: String, _ original: JSONValue?) -> String {
        switch original {
        case .string(let text): "s:" + text
        case .integer(let value): "n:" + String(value)
        case .number(let value): value == value.rounded() && abs(value) < 9e18 ? "n:" + String(Int64(value)) : "n:" + String(value)
        case .bool(let value): value ? "n:1" : "n:0"
        case .null: "o:None"
        case .array, .object: "o:" + identifier
        case nil: "u:" + identifier
        }
    }

    static func describe(_ parts: ArraySlice<Part>) -> String {
        parts.map { part in
            switch part {
            case .key(let key): key
            case .item(let identifier, _): identifier
            }
        }.joined(separator: "/")
    }

    // MARK: Merging

    /// The releases in date order (stable), or a refusal naming the release without a usable `date`.
    public static func sorted(_ releases: [JSONValue]) throws -> [JSONValue] {
        var dated: [(String, Int, JSONValue)] = []
        for (index, release) in releases.enumerated() {
            guard let object = release.object else { throw Failure(message: "Release \(index + 1) is not a JSON object") }
            guard let date = object["date"] else { throw Failure(message: "The `date` field of at least one release is missing (release \(index + 1))") }
            guard let text = date.string else {
                throw Failure(message: date.isNull ? "The `date` field of at least one release is null (release \(index + 1))"
                                                   : "The `date` field of at least one release is not a string (release \(index + 1))")
            }
            dated.append((text, index, release))
        }
        return dated.sorted { ($0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars)) || ($0.0 == $1.0 && $0.1 < $1.1) }.map(\.2)
    }

    /// The compiled release of one contracting process's releases.
    public mutating func compiledRelease(_ releases: [JSONValue]) throws -> JSONValue {
        var data = Flattened()
        data[[.key("tag")]] = .array([.string("compiled")])
        for release in try Self.sorted(releases) {
            var object = release.object!
            let ocid = object["ocid"] ?? .null
            let date = object["date"] ?? .null
            object["tag"] = nil
            var flat = Flattened()
            // Found into a local list: passing `self.warnings` while `self` is read would copy it at every warning.
            var found: [String] = []
            flatten(.object(object), path: [], rulePath: [], into: &flat, warnings: &found)
            warnings += found
            data[[.key("id")]] = .string("\(ocid.string ?? ocid.identifierText)-\(date.string ?? "")")
            data[[.key("date")]] = date
            data[[.key("ocid")]] = ocid
            for path in flat.order { data[path] = flat.values[path] }
        }
        return try unflatten(data)
    }

    /// The versioned release of one contracting process's releases.
    public mutating func versionedRelease(_ releases: [JSONValue]) throws -> JSONValue {
        var data = Flattened()
        for release in try Self.sorted(releases) {
            var object = release.object!
            let ocid = object["ocid"] ?? .null
            let releaseID = object["id"] ?? .null
            let date = object["date"] ?? .null
            let tag = object["tag"] ?? .null
            object["tag"] = nil
            var flat = Flattened()
            // Found into a local list: passing `self.warnings` while `self` is read would copy it at every warning.
            var found: [String] = []
            flatten(.object(object), path: [], rulePath: [], into: &flat, warnings: &found)
            warnings += found
            let ocidPath: [Part] = [.key("ocid")]
            data[ocidPath] = ocid
            for path in flat.order where path != ocidPath {
                let value = flat.values[path]!
                if let history = data.values[path] {
                    guard case .array(let versions) = history, let last = versions.last?.object?["value"], !value.sameValue(as: last) else { continue }
                    data.values[path] = .array(versions + [Self.version(releaseID, date, tag, value)])
                } else {
                    data[path] = .array([Self.version(releaseID, date, tag, value)])
                }
            }
        }
        return try unflatten(data)
    }

    static func version(_ releaseID: JSONValue, _ date: JSONValue, _ tag: JSONValue, _ value: JSONValue) -> JSONValue {
        .object(JSONObject([("releaseID", releaseID), ("releaseDate", date), ("releaseTag", tag), ("value", value)]))
    }
}
