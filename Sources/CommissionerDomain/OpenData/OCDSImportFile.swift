import Foundation

/// An OCDS file brought in as a starting position: a release package, a record package, a JSON array
/// of releases, or JSON Lines (a release on each line). Read into releases; a release that is not an
/// object, or lacks its `ocid`, `id` or `date`, is set aside as a problem naming it and its field, and
/// the rest carry on. A file that is not JSON, not OCDS, or of another version is refused whole.
public struct OCDSImportFile: Sendable {
    public enum Form: String, Sendable {
        case releasePackage = "release package"
        case recordPackage = "record package"
        case releaseArray = "array of releases"
        case jsonLines = "JSON Lines"
    }

    public struct Problem: Sendable, Equatable, Codable {
        /// Which release: its place in the file, and its `ocid` and `id` when it has them.
        public var release: String
        /// The field, as a path such as `contracts/0/period/startDate`, or "(the release)".
        public var field: String
        public var message: String

        public init(release: String, field: String, message: String) {
            self.release = release
            self.field = field
            self.message = message
        }
    }

    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Files larger than this are refused before they are read.
    public static let largestFile = 512 * 1_048_576

    public var form: Form
    public var releases: [JSONObject] = []
    public var problems: [Problem] = []

    /// Refuses a file too large to import, before it is read.
    public static func checkSize(_ bytes: Int) throws {
        guard bytes <= largestFile else {
            throw Refusal(message: "The file is \(size(bytes)): at most \(size(largestFile)) can be imported at once. Split it by ocid into smaller files (JSON Lines split anywhere between lines).")
        }
    }

    public init(_ data: Data) throws {
        try Self.checkSize(data.count)
        let document: JSONValue
        do {
            document = try JSONReader.read(data)
        } catch let failure as JSONReader.Failure {
            guard let lines = Self.jsonLines(data) else { throw Refusal(message: "The file is not JSON: \(failure.message)") }
            form = .jsonLines
            for (index, line) in lines.enumerated() {
                do {
                    add(try JSONReader.read(line.text), place: "line \(line.number)", index: index)
                } catch let failure as JSONReader.Failure {
                    problems.append(Problem(release: "line \(line.number)", field: "(the release)", message: "Not JSON: \(failure.message)"))
                }
            }
            return
        }
        switch document {
        case .array(let items):
            form = .releaseArray
            for (index, item) in items.enumerated() { add(item, place: "release \(index + 1)", index: index) }
        case .object(let package):
            try Self.checkVersion(package["version"])
            if let releases = package["releases"] {
                guard let items = releases.array else { throw Refusal(message: "\"releases\" must be an array of releases") }
                form = .releasePackage
                for (index, item) in items.enumerated() { add(item, place: "release \(index + 1)", index: index) }
            } else if let records = package["records"] {
                guard let items = records.array else { throw Refusal(message: "\"records\" must be an array of records") }
                form = .recordPackage
                for (number, record) in items.enumerated() {
                    let place = "record \(number + 1)"
                    guard let record = record.object else {
                        problems.append(Problem(release: place, field: "(the record)", message: "A record must be a JSON object"))
                        continue
                    }
                    let embedded = (record["releases"]?.array ?? []).filter { $0.object?["id"] != nil }
                    if !embedded.isEmpty {
                        for (index, release) in embedded.enumerated() { add(release, place: "\(place), release \(index + 1)", index: index) }
                    } else if let compiled = record["compiledRelease"] {
                        add(compiled, place: "\(place), compiled release", index: 0)
                    } else {
                        problems.append(Problem(release: place, field: "releases", message: "The record has neither embedded releases nor a compiledRelease to import"))
                    }
                }
            } else if package["ocid"] != nil {
                form = .releaseArray
                add(document, place: "release 1", index: 0)
            } else {
                throw Refusal(message: "The file is JSON but not OCDS: expected a release package (with \"releases\"), a record package (with \"records\"), an array of releases, or JSON Lines of releases")
            }
        default:
            throw Refusal(message: "The file is JSON but not OCDS: expected a release package, a record package, an array of releases, or JSON Lines of releases")
        }
    }

    static func checkVersion(_ version: JSONValue?) throws {
        guard let version else { return }
        guard let text = version.string, ["1.0", "1.1"].contains(text) else {
            let shown = version.string.map { "\"\($0)\"" } ?? JSONWriter.text(version)
            throw Refusal(message: "\"version\" is \(shown): Commissioner imports OCDS 1.1 (and 1.0, which 1.1 reads)")
        }
    }

    /// Each non-empty line, when the file reads as JSON Lines: its first line is a JSON object on its own.
    static func jsonLines(_ data: Data) -> [(number: Int, text: String)]? {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (number: $0.offset + 1, text: String($0.element).trimmingCharacters(in: .whitespacesAndNewlines)) }
            .filter { !$0.text.isEmpty }
        guard lines.count > 1, let first = lines.first, first.text.hasPrefix("{"), (try? JSONReader.read(first.text))?.object != nil else { return nil }
        return lines
    }

    private mutating func add(_ value: JSONValue, place: String, index: Int) {
        guard let release = value.object else {
            problems.append(Problem(release: place, field: "(the release)", message: "A release must be a JSON object"))
            return
        }
        let named = [release["ocid"]?.string, release["id"]?.string].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
        let which = named.isEmpty ? place : "\(place) (\(named))"
        var found: [Problem] = []
        for field in ["ocid", "id"] {
            if release[field] == nil { found.append(Problem(release: which, field: field, message: "Every release needs its \"\(field)\"")) }
            else if release[field]?.string?.isEmpty != false { found.append(Problem(release: which, field: field, message: "\"\(field)\" must be text, not empty")) }
        }
        if let date = release["date"] {
            if date.string.flatMap(OCDSImportFile.day) == nil {
                found.append(Problem(release: which, field: "date", message: "\"date\" must be a date and time such as 2024-04-01T00:00:00Z"))
            }
        } else {
            found.append(Problem(release: which, field: "date", message: "Every release needs its \"date\""))
        }
        if found.isEmpty { releases.append(release) } else { problems += found }
    }

    /// The day of an OCDS date-time (its first ten characters, when the rest is a time).
    public static func day(_ text: String) -> CalendarDay? {
        guard text.count >= 10, let day = CalendarDay(String(text.prefix(10))) else { return nil }
        let rest = text.dropFirst(10)
        return rest.isEmpty || rest.first == "T" ? day : nil
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_073_741_824 ? String(format: "%.1f GB", Double(bytes) / 1_073_741_824) : "\(bytes / 1_048_576) MB"
    }
}
