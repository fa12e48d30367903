/// The Summary of Findings must be in plain English with every acronym defined (DESIGN.md). This
/// finds the acronyms a document uses that its own glossary does not define.
///
/// An acronym is a word of two or more capital letters (digits and `&` allowed after the first
/// letter), such as HCS, ICT or A&E. The glossary is the part of the text under a heading or line
/// that says "Glossary"; each of its lines defines one term as `TERM: meaning`, `TERM - meaning`,
/// `TERM – meaning`, `TERM — meaning` or `TERM = meaning`, optionally as a list item.
public enum PlainEnglishCheck {
    public struct Result: Equatable, Sendable {
        /// Every acronym used outside the glossary, in order of first use.
        public var used: [String]
        public var defined: Set<String>
        public var undefined: [String] { used.filter { !defined.contains($0) } }
    }

    public static func check(_ text: String) -> Result {
        var used: [String] = []
        var seen: Set<String> = []
        var defined: Set<String> = []
        var inGlossary = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let heading = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            if heading.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":")) == "glossary" {
                inGlossary = true
                continue
            }
            if inGlossary, line.hasPrefix("#") { inGlossary = false }
            if inGlossary, let term = definedTerm(line) {
                defined.insert(term)
                continue
            }
            for word in acronyms(in: line) where !seen.contains(word) {
                seen.insert(word)
                used.append(word)
            }
        }
        return Result(used: used, defined: defined)
    }

    static func definedTerm(_ line: String) -> String? {
        var body = Substring(line)
        if body.hasPrefix("- ") || body.hasPrefix("* ") { body = body.dropFirst(2) }
        for separator in [":", " - ", " – ", " — ", " = "] {
            if let range = body.range(of: separator) {
                let term = body[..<range.lowerBound].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "*"))
                let meaning = body[range.upperBound...].trimmingCharacters(in: .whitespaces)
                if !term.isEmpty, !meaning.isEmpty, term.split(separator: " ").count == 1 { return term }
            }
        }
        return nil
    }

    static func acronyms(in line: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: "&"))
            if trimmed.count >= 2, trimmed.first!.isUppercase, trimmed.filter(\.isUppercase).count >= 2,
               trimmed.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "&" }) {
                result.append(trimmed)
            }
            current = ""
        }
        for character in line {
            if character.isLetter || character.isNumber || character == "&" {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }
}

import Foundation
