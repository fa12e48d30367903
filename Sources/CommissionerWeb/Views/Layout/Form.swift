import Vapor

/// Problems with what someone sent, each tied to the field it is about, in the order of the form.
public struct FieldErrors: Sendable, Equatable {
    public private(set) var items: [(field: String, message: String)] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        if self[field] == nil { items.append((field, message)) }
    }

    public subscript(field: String) -> String? { items.first { $0.field == field }?.message }

    public var dictionary: [String: String] { Dictionary(items.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }) }

    public static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool { lhs.dictionary == rhs.dictionary }
}

/// The GOV.UK form patterns: error summary first, each field with its label, hint and error.
enum Form {
    static func csrf(_ context: PageContext) -> HTML {
        "<input type=\"hidden\" name=\"\(CSRFProtection.fieldName)\" value=\"\(context.csrfToken)\">"
    }

    /// `idPrefix` is the prefix of the fields' ids when a page holds several forms with fields of one name.
    static func errorSummary(_ errors: FieldErrors, idPrefix: String = "") -> HTML {
        guard !errors.isEmpty else { return .empty }
        return """
        <div class="error-summary" role="alert" tabindex="-1">
          <h2 class="error-summary-title">There is a problem</h2>
          <ul>\(errors.items.map { "<li><a href=\"#\(idPrefix)\($0.field)\">\($0.message)</a></li>" as HTML })</ul>
        </div>
        """
    }

    static func textInput(_ name: String, label: String, value: String?, hint: String? = nil, errors: FieldErrors,
                          type: String = "text", autocomplete: String? = nil, width: String = "", id: String? = nil) -> HTML {
        let error = errors[name]
        let id = id ?? name
        let describedBy = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        return """
        <div class="form-group\(error == nil ? "" : " form-group-error")">
          <label class="label" for="\(id)">\(label)</label>
          \(hint.map { "<div class=\"hint\" id=\"\(id)-hint\">\($0)</div>" as HTML })
          \(error.map { "<p class=\"error-message\" id=\"\(id)-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
          <input class="input\(width.isEmpty ? "" : " " + width)\(error == nil ? "" : " input-error")" id="\(id)" name="\(name)" type="\(type)" \
        value="\(type == "password" ? "" : (value ?? ""))"\(autocomplete.map { " autocomplete=\"\($0)\"" as HTML })\
        \(describedBy.isEmpty ? HTML.empty : " aria-describedby=\"\(describedBy)\"" as HTML)>
        </div>
        """
    }

    static func select(_ name: String, label: String, options: [(value: String, title: String)], selected: String?,
                       hint: String? = nil, errors: FieldErrors, blank: String? = nil, id: String? = nil) -> HTML {
        let error = errors[name]
        let id = id ?? name
        let describedBy = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        let blankOption: HTML = blank.map { "<option value=\"\">\($0)</option>" as HTML } ?? .empty
        return """
        <div class="form-group\(error == nil ? "" : " form-group-error")">
          <label class="label" for="\(id)">\(label)</label>
          \(hint.map { "<div class=\"hint\" id=\"\(id)-hint\">\($0)</div>" as HTML })
          \(error.map { "<p class=\"error-message\" id=\"\(id)-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
          <select class="select\(error == nil ? "" : " select-error")" id="\(id)" name="\(name)"\
        \(describedBy.isEmpty ? HTML.empty : " aria-describedby=\"\(describedBy)\"" as HTML)>
            \(blankOption)\(options.map { option in
                "<option value=\"\(option.value)\"\(option.value == selected ? HTML(" selected") : .empty)>\(option.title)</option>" as HTML
            })
          </select>
        </div>
        """
    }

    /// `id` tells apart fields of the same name in several forms on one page; it is the name otherwise.
    static func textarea(_ name: String, label: String, value: String?, hint: String? = nil, errors: FieldErrors, rows: Int = 8, id: String? = nil) -> HTML {
        let error = errors[name]
        let id = id ?? name
        let describedBy = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        return """
        <div class="form-group\(error == nil ? "" : " form-group-error")">
          <label class="label" for="\(id)">\(label)</label>
          \(hint.map { "<div class=\"hint\" id=\"\(id)-hint\">\($0)</div>" as HTML })
          \(error.map { "<p class=\"error-message\" id=\"\(id)-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
          <textarea class="textarea" id="\(id)" name="\(name)" rows="\(rows)"\
        \(describedBy.isEmpty ? HTML.empty : " aria-describedby=\"\(describedBy)\"" as HTML)>\(value ?? "")</textarea>
        </div>
        """
    }

    /// A group of checkboxes, each sent as its own field (`name-value=on`), so plain form decoding reads them.
    static func checkboxes(_ name: String, legend: String, options: [(value: String, title: String)], checked: Set<String>,
                           hint: String? = nil, errors: FieldErrors) -> HTML {
        let error = errors[name]
        return """
        <div class="form-group\(error == nil ? "" : " form-group-error")" id="\(name)">
          <fieldset class="checkboxes">
            <legend class="label">\(legend)</legend>
            \(hint.map { "<div class=\"hint\">\($0)</div>" as HTML })
            \(error.map { "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
            \(options.map { option in
                "<label class=\"checkbox\"><input type=\"checkbox\" name=\"\(name)-\(option.value)\" value=\"on\"\(checked.contains(option.value) ? HTML(" checked") : .empty)> \(option.title)</label>" as HTML
            })
          </fieldset>
        </div>
        """
    }

    static func submit(_ title: String, secondary: Bool = false, warning: Bool = false) -> HTML {
        "<button type=\"submit\" class=\"button\(secondary ? " button-secondary" : "")\(warning ? " button-warning" : "")\">\(title)</button>"
    }
}

/// Reads optional text fields from a form or query, trimmed, with empty as nil.
struct TextFields: Decodable {
    private let values: [String: String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        values = (try? container.decode([String: String].self)) ?? [:]
    }

    init(_ values: [String: String]) { self.values = values }

    subscript(name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Without trimming, for passwords and written text.
    func raw(_ name: String) -> String? { values[name] }

    /// The values ticked in a group of checkboxes named `name-value`.
    func checked(_ name: String, among values: [String]) -> [String] {
        values.filter { self["\(name)-\($0)"] != nil }
    }
}

extension Request {
    func formFields() throws -> TextFields {
        do {
            return try content.decode(TextFields.self)
        } catch {
            throw Abort(.badRequest, reason: "The form could not be read. Send it as a normal web form.")
        }
    }

    func queryFields() -> TextFields { (try? query.decode(TextFields.self)) ?? TextFields([:]) }
}
