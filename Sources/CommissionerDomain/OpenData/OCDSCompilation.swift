import Foundation

/// Releases read from release packages (or plain JSON arrays of releases) and compiled into a record
/// package: one record per `ocid`, in the order the `ocid`s first appear, each with its releases, its
/// compiled release and, when asked, its versioned release.
public struct OCDSCompilation: Sendable {
    public private(set) var releasesByOCID: [String: [JSONValue]] = [:]
    public private(set) var ocids: [String] = []
    /// The first package's `uri`, `publisher` and `license`, and every package's extensions.
    public private(set) var publisher: JSONValue?
    public private(set) var uri: JSONValue?
    public private(set) var license: JSONValue?
    public private(set) var extensions: [JSONValue] = []

    public init() {}

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Adds the releases of one file: a release package, or a JSON array of releases. `source` names the
    /// file in messages.
    public mutating func add(_ document: JSONValue, source: String) throws {
        let releases: [JSONValue]
        switch document {
        case .array(let items):
            releases = items
        case .object(let package):
            guard let items = package["releases"]?.array else {
                throw Failure(message: "\(source) is neither a release package (an object with \"releases\") nor a JSON array of releases")
            }
            releases = items
            if publisher == nil { publisher = package["publisher"] }
            if uri == nil { uri = package["uri"] }
            if license == nil { license = package["license"] }
            for item in package["extensions"]?.array ?? [] where !extensions.contains(item) { extensions.append(item) }
        default:
            throw Failure(message: "\(source) is neither a release package nor a JSON array of releases")
        }
        for (index, release) in releases.enumerated() {
            guard let object = release.object else { throw Failure(message: "\(source): release \(index + 1) is not a JSON object") }
            guard let ocid = object["ocid"]?.string, !ocid.isEmpty else { throw Failure(message: "\(source): release \(index + 1) has no \"ocid\"") }
            if releasesByOCID[ocid] == nil { ocids.append(ocid) }
            releasesByOCID[ocid, default: []].append(release)
        }
    }

    /// The record of one `ocid`.
    public func record(_ ocid: String, versioned: Bool, merge: inout OCDSMerge) throws -> JSONValue {
        let releases = releasesByOCID[ocid] ?? []
        var record = JSONObject([("ocid", .string(ocid)), ("releases", .array(releases))])
        do {
            record["compiledRelease"] = try merge.compiledRelease(releases)
            if versioned { record["versionedRelease"] = try merge.versionedRelease(releases) }
        } catch let failure as OCDSMerge.Failure {
            throw Failure(message: "\(ocid): \(failure.message)")
        }
        return .object(record)
    }

    /// The record package, written a record at a time to `write`.
    public func writeRecordPackage(versioned: Bool, merge: inout OCDSMerge, publishedDate: String, _ write: (String) throws -> Void) throws {
        var head = JSONObject([("uri", uri ?? .string("")), ("publisher", publisher ?? .object(JSONObject([("name", .string(""))]))),
                               ("publishedDate", .string(publishedDate)), ("version", .string("1.1"))])
        if let license { head["license"] = license }
        if !extensions.isEmpty { head["extensions"] = .array(extensions) }
        var opening = JSONWriter.text(.object(head))
        opening.removeLast()
        try write(opening + ",\"records\":[")
        for (index, ocid) in ocids.enumerated() {
            try write((index == 0 ? "" : ",") + JSONWriter.text(try record(ocid, versioned: versioned, merge: &merge)))
        }
        try write("]}\n")
    }
}
