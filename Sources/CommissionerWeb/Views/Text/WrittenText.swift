import CommissionerDomain

/// A document's text as a page shows it. Plain text keeps its paragraphs and line breaks. Markdown
/// supports what documents need — headings, paragraphs, bulleted and numbered lists, bold, italics,
/// code and links — and nothing else: every character a person wrote is escaped, raw HTML is shown
/// as text, and only web links (https://, http://) or links within Commissioner (/…) become links.
enum WrittenText {
    static func render(_ text: String, format: TextFormat) -> HTML {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch format {
        case .plain:
            return paragraphs(lines).map { paragraph in
                "<p class=\"body\">\(paragraph.enumerated().map { index, line in index == 0 ? HTML(text: line) : "<br>\(line)" as HTML })</p>" as HTML
            }.joined()
        case .markdown:
            return markdown(lines)
        }
    }

    private static func paragraphs(_ lines: [String]) -> [[String]] {
        var result: [[String]] = [[]]
        for line in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { if !result.last!.isEmpty { result.append([]) } } else { result[result.count - 1].append(line) }
        }
        return result.filter { !$0.isEmpty }
    }

    private enum Block {
        case heading(Int, String)
        case paragraph([String])
        case bullets([String])
        case numbers([String])
        /// A table written as lines of `| cell | cell |`, the second a separator (`| --- |`).
        case table([[String]])
    }

    private static func markdown(_ lines: [String]) -> HTML {
        var blocks: [Block] = []
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                blocks.append(.paragraph([]))
                continue
            }
            if line.hasPrefix("#") {
                let level = line.prefix(while: { $0 == "#" }).count
                let rest = line.dropFirst(level)
                if level <= 6, rest.hasPrefix(" ") {
                    blocks.append(.heading(level, rest.trimmingCharacters(in: .whitespaces)))
                    continue
                }
            }
            if line.hasPrefix("|") && line.hasSuffix("|") && line.count > 1 {
                let cells = BusinessCaseDocument.cells(line.count > 2 ? line : "| " + line.dropFirst().dropLast() + " |")
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
                if case .table(let rows)? = blocks.last { blocks[blocks.count - 1] = .table(rows + [cells]) } else { blocks.append(.table([cells])) }
                continue
            }
            if line.hasPrefix("\\") {
                blocks.append(.paragraph([String(line.dropFirst())]))
                continue
            }
            if line.hasPrefix("- ") || line.hasPrefix("* ") {
                let item = String(line.dropFirst(2))
                if case .bullets(let items)? = blocks.last { blocks[blocks.count - 1] = .bullets(items + [item]) } else { blocks.append(.bullets([item])) }
                continue
            }
            if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty,
               line[line.index(after: dot)...].hasPrefix(" ") {
                let item = line[line.index(after: dot)...].trimmingCharacters(in: .whitespaces)
                if case .numbers(let items)? = blocks.last { blocks[blocks.count - 1] = .numbers(items + [item]) } else { blocks.append(.numbers([item])) }
                continue
            }
            if case .paragraph(let existing)? = blocks.last, !existing.isEmpty { blocks[blocks.count - 1] = .paragraph(existing + [line]) } else { blocks.append(.paragraph([line])) }
        }
        return blocks.map { block -> HTML in
            switch block {
            case .heading(let level, let text):
                let (tag, style) = level <= 1 ? ("h2", "heading-m") : level == 2 ? ("h3", "heading-s") : ("h4", "heading-s")
                return "<\(tag) class=\"\(style)\">\(inline(text))</\(tag)>"
            case .paragraph(let lines):
                return lines.isEmpty ? .empty : "<p class=\"body\">\(inline(lines.joined(separator: " ")))</p>"
            case .bullets(let items):
                return "<ul class=\"list list-bullet\">\(items.map { "<li>\(inline($0))</li>" as HTML })</ul>"
            case .numbers(let items):
                return "<ol class=\"list list-number\">\(items.map { "<li>\(inline($0))</li>" as HTML })</ol>"
            case .table(let rows):
                guard let headers = rows.first else { return .empty }
                return Components.table(caption: "", headers: headers, rows: rows.dropFirst().map { $0.map { HTML(text: $0) } }, emptyMessage: "")
            }
        }.joined()
    }

    /// Bold, italics, code and links within a line.
    static func inline(_ text: String) -> HTML {
        var pieces: [HTML] = []
        var plain = ""
        var rest = Substring(text)
        func flush() {
            if !plain.isEmpty { pieces.append(HTML(text: plain)) }
            plain = ""
        }
        while let first = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                flush()
                pieces.append("<strong>\(inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])))</strong>")
                rest = rest[end.upperBound...]
            } else if first == "*" || first == "_", let end = rest.dropFirst().firstIndex(of: first), end > rest.index(after: rest.startIndex) {
                flush()
                pieces.append("<em>\(inline(String(rest[rest.index(after: rest.startIndex)..<end])))</em>")
                rest = rest[rest.index(after: end)...]
            } else if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                flush()
                pieces.append("<code>\(String(rest[rest.index(after: rest.startIndex)..<end]))</code>")
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                      let end = rest[close...].firstIndex(of: ")") {
                let label = String(rest[rest.index(after: rest.startIndex)..<close])
                let target = String(rest[rest.index(close, offsetBy: 2)..<end]).trimmingCharacters(in: .whitespaces)
                flush()
                if target.hasPrefix("https://") || target.hasPrefix("http://") || (target.hasPrefix("/") && !target.hasPrefix("//")) {
                    pieces.append("<a href=\"\(target)\">\(inline(label))</a>")
                } else {
                    pieces.append(HTML(text: String(rest[...end])))
                }
                rest = rest[rest.index(after: end)...]
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
        return pieces.joined()
    }
}
