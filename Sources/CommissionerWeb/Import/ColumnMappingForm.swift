import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Reads which column holds each field of an imported file from a form or a query: `column-<field>` =
/// the column's number (1 for the first) or its header. A field left out is guessed from the headers;
/// one set blank is not read. Each problem is named under the field's own form name.
enum ColumnMappingForm {
    static func read<Field: ImportField>(_ type: Field.Type, _ fields: TextFields, raw: (String) -> String?,
                                         headers: [String]) -> (ColumnMapping<Field>, FieldErrors) {
        var mapping = ColumnMapping<Field>.guess(headers: headers)
        var errors = FieldErrors()
        for field in Field.allCases {
            let name = "column-\(field.rawValue)"
            guard let given = raw(name) else { continue }
            let text = given.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { mapping.columns[field] = nil; continue }
            if let number = Int(text), (1...headers.count).contains(number) { mapping.columns[field] = number - 1 }
            else if let index = headers.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(text) == .orderedSame }) { mapping.columns[field] = index }
            else { errors.add(name, "\(field.title): the file has no column \"\(text)\"") }
        }
        for problem in mapping.problems(headerCount: headers.count) where errors["column-\(problem.field.rawValue)"] == nil {
            errors.add("column-\(problem.field.rawValue)", problem.message)
        }
        return (mapping, errors)
    }

    /// Field errors for a refused file: the file's problems under `file`, and a count of the rows' under `problems`.
    static func errors(_ refusal: ImportRefusal) -> FieldErrors {
        var errors = FieldErrors()
        for problem in refusal.fileProblems { errors.add("file", problem) }
        if refusal.rowProblemCount > 0 {
            errors.add("problems", "\(refusal.rowProblemCount.formatted()) \(refusal.rowProblemCount == 1 ? "problem" : "problems") in the file's rows: nothing was imported. Correct the file and upload it again.")
        }
        return errors
    }

    /// The command line's `--column field=Header,field=3` as the form's `column-<field>` values.
    static func commandLine<Field: ImportField>(_ type: Field.Type, _ option: String?, example: String) throws -> [String: String] {
        var given: [String: String] = [:]
        for pair in (option ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0) }
            guard parts.count == 2, Field(rawValue: parts[0]) != nil else {
                throw CommandFailure("--column takes field=header, such as \(example); \"\(pair)\" is not one")
            }
            given["column-\(parts[0])"] = parts[1]
        }
        return given
    }

    /// A refused file for the command line: nothing imported, then every problem shown, one a line.
    static func commandLineFailure(_ refusal: ImportRefusal) -> CommandFailure {
        var lines = refusal.fileProblems
        lines += refusal.rowProblems.map { "Line \($0.line), \($0.column): \($0.message)" }
        if refusal.rowProblemCount > refusal.rowProblems.count { lines.append("…and \(refusal.rowProblemCount - refusal.rowProblems.count) more problems.") }
        return CommandFailure("Nothing was imported.\n" + lines.joined(separator: "\n"))
    }
}
