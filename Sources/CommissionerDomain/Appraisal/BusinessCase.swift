import Foundation

/// HM Treasury's five cases a business case is written in: is there a case for change, which option is
/// best value, can it be bought, is it affordable, and can it be delivered.
public enum FiveCase: String, CaseIterable, Codable, Sendable {
    case strategic
    case economic
    case commercial
    case financial
    case management

    public var title: String {
        switch self {
        case .strategic: "Strategic case"
        case .economic: "Economic case"
        case .commercial: "Commercial case"
        case .financial: "Financial case"
        case .management: "Management case"
        }
    }

    /// The question the case answers.
    public var question: String {
        switch self {
        case .strategic: "Is there a compelling case for change?"
        case .economic: "Which option offers the best public value?"
        case .commercial: "Can the preferred option be secured on workable terms?"
        case .financial: "Is it affordable?"
        case .management: "Can it be delivered, and by whom?"
        }
    }
}

/// A business case as a document: a title, then the five cases, each a run of blocks. It is written as
/// a small Markdown (headings, paragraphs, bulleted lists and tables) for an issued version to keep,
/// and read back from it unchanged.
public struct BusinessCaseDocument: Sendable, Equatable {
    public typealias Block = DocumentBlock

    public struct Section: Sendable, Equatable {
        public var fiveCase: FiveCase
        public var blocks: [Block]

        public init(_ fiveCase: FiveCase, _ blocks: [Block]) {
            self.fiveCase = fiveCase
            self.blocks = blocks
        }
    }

    public var title: String
    public var sections: [Section]

    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    /// One line of text, whatever was written: line breaks become spaces, and a table cell's bar is escaped.
    static func line(_ text: String, cell: Bool = false) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        return cell ? flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") : flat
    }

    /// A paragraph that would read as another block (or is empty) starts with a backslash, taken off when read back.
    static func paragraph(_ text: String) -> String {
        let flat = line(text)
        return flat.isEmpty || ["#", "-", "|", "\\"].contains(where: { flat.hasPrefix($0) }) ? "\\" + flat : flat
    }

    public var markdown: String {
        var lines = ["# " + Self.line(title)]
        for section in sections {
            lines += ["", "## " + section.fiveCase.title]
            for block in section.blocks {
                lines.append("")
                switch block {
                case .heading(let text): lines.append("### " + Self.line(text))
                case .paragraph(let text): lines.append(Self.paragraph(text))
                case .bullets(let items): lines += items.map { "- " + Self.line($0) }
                case .table(let headers, let rows):
                    lines.append("| " + headers.map { Self.line($0, cell: true) }.joined(separator: " | ") + " |")
                    lines.append("|" + headers.map { _ in " --- |" }.joined())
                    lines += rows.map { "| " + $0.map { Self.line($0, cell: true) }.joined(separator: " | ") + " |" }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads back what `markdown` wrote; nil when the text is not a business case in that form.
    public init?(markdown: String) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.hasPrefix("# ") else { return nil }
        title = String(first.dropFirst(2))
        sections = []
        var index = 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isEmpty { continue }
            if line.hasPrefix("## ") {
                guard let fiveCase = FiveCase.allCases.first(where: { $0.title == line.dropFirst(3) }) else { return nil }
                sections.append(Section(fiveCase, []))
                continue
            }
            guard !sections.isEmpty else { return nil }
            if line.hasPrefix("### ") {
                sections[sections.count - 1].blocks.append(.heading(String(line.dropFirst(4))))
            } else if line.hasPrefix("- ") {
                var items = [String(line.dropFirst(2))]
                while index < lines.count, lines[index].hasPrefix("- ") { items.append(String(lines[index].dropFirst(2))); index += 1 }
                sections[sections.count - 1].blocks.append(.bullets(items))
            } else if line.hasPrefix("| ") {
                let headers = Self.cells(line)
                guard index < lines.count, lines[index].hasPrefix("|") else { return nil }
                index += 1
                var rows: [[String]] = []
                while index < lines.count, lines[index].hasPrefix("| ") { rows.append(Self.cells(lines[index])); index += 1 }
                sections[sections.count - 1].blocks.append(.table(headers: headers, rows: rows))
            } else {
                sections[sections.count - 1].blocks.append(.paragraph(line.hasPrefix("\\") ? String(line.dropFirst()) : line))
            }
        }
    }

    /// The cells of a table line, with escaped bars put back.
    public static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst(2).dropLast(2) {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(character)
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}
