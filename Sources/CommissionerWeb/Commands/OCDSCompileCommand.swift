import CommissionerDomain
import Foundation

/// `commissioner ocds compile [--versioned] [--schema PATH] FILE…`: reads release packages or JSON arrays of
/// releases and writes a record package to standard output: one record per `ocid` with its compiled release
/// (and its versioned release with `--versioned`), merged by the rules of the release schema given (the
/// bundled OCDS 1.1.5 schema by default). Needs no database, so it runs before the application starts.
public enum OCDSCompileCommand {
    public static func handles(_ arguments: [String]) -> Bool {
        Array(arguments.dropFirst().prefix(2)) == ["ocds", "compile"]
    }

    static let usage = "usage: commissioner ocds compile [--versioned] [--schema PATH] FILE…"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs the command; warnings go to standard error.
    public static func run(_ arguments: [String], output: (String) throws -> Void, warn: (String) -> Void) throws {
        var versioned = false, schemaPath: String?, files: [String] = []
        var rest = Array(arguments.dropFirst(3))[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--versioned": versioned = true
            case "--schema":
                guard let path = rest.popFirst() else { throw Failure(description: "--schema needs the path of a release schema\n\(usage)") }
                schemaPath = path
            case "--help", "-h": try output(usage + "\n"); return
            default:
                guard !argument.hasPrefix("--") else { throw Failure(description: "Unknown option \(argument)\n\(usage)") }
                files.append(argument)
            }
        }
        guard !files.isEmpty else { throw Failure(description: "Name at least one file of releases\n\(usage)") }
        let schema: JSONValue
        do {
            schema = try schemaPath.map { try JSONReader.read(try Data(contentsOf: URL(fileURLWithPath: $0))) } ?? OCDSMergeRules.bundledSchema()
        } catch let failure as JSONReader.Failure {
            throw Failure(description: "\(schemaPath ?? "The bundled schema"): \(failure.message)")
        }
        var merge = OCDSMerge(rules: try OCDSMergeRules(schema: schema))
        var compilation = OCDSCompilation()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw Failure(description: "Cannot read \(file)") }
            do {
                try compilation.add(try JSONReader.read(data), source: file)
            } catch let failure as JSONReader.Failure {
                throw Failure(description: "\(file): \(failure.message)")
            }
        }
        let published = ISO8601DateFormatter().string(from: Date())
        try compilation.writeRecordPackage(versioned: versioned, merge: &merge, publishedDate: published, output)
        for warning in merge.warnings.prefix(20) { warn("warning: \(warning)") }
        if merge.warnings.count > 20 { warn("warning: and \(merge.warnings.count - 20) more like these") }
    }
}
