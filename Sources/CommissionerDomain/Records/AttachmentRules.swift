/// Files attached to documents: what may be attached and how big. The type is judged from the file's
/// own first bytes as well as its name, so a renamed program is refused.
public enum AttachmentRules {
    public static let maximumBytes = 5 * 1024 * 1024

    public enum Refusal: Error, Equatable, Sendable {
        case empty
        case tooLarge(bytes: Int)
        case typeNotAllowed(String)
        case contentDoesNotMatch(String)

        public var message: String {
            switch self {
            case .empty: "Choose a file to attach"
            case .tooLarge(let bytes):
                "The file is \(bytes / 1024 / 1024 == 0 ? "\(bytes / 1024) KB" : "\(bytes / 1024 / 1024) MB"); files must be 5 MB or smaller"
            case .typeNotAllowed(let ext): "Files ending .\(ext) cannot be attached; attach PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG"
            case .contentDoesNotMatch(let ext): "The file's content is not a .\(ext) file: check it is the file you meant"
            }
        }
    }

    /// The types allowed, by extension: the content type to serve and how the content must begin.
    static let allowed: [String: (contentType: String, check: @Sendable ([UInt8]) -> Bool)] = [
        "pdf": ("application/pdf", { $0.starts(with: Array("%PDF-".utf8)) }),
        "png": ("image/png", { $0.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }),
        "jpg": ("image/jpeg", { $0.starts(with: [0xFF, 0xD8, 0xFF]) }),
        "jpeg": ("image/jpeg", { $0.starts(with: [0xFF, 0xD8, 0xFF]) }),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", isZip),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", isZip),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", isZip),
        "odt": ("application/vnd.oasis.opendocument.text", isZip),
        "ods": ("application/vnd.oasis.opendocument.spreadsheet", isZip),
        "csv": ("text/csv; charset=utf-8", isText),
        "txt": ("text/plain; charset=utf-8", isText),
    ]

    static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
    static func isText(_ bytes: [UInt8]) -> Bool { !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil }

    /// A name safe to store and to offer back: the last part of any path, without control characters,
    /// at most 200 characters.
    public static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return String(cleaned.suffix(200))
    }

    /// The content type to store and serve, or why the file is refused.
    public static func check(filename: String, bytes: [UInt8]) -> Result<String, Refusal> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.count > maximumBytes { return .failure(.tooLarge(bytes: bytes.count)) }
        let name = safeName(filename)
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        guard let rule = allowed[ext] else { return .failure(.typeNotAllowed(ext.isEmpty ? "(none)" : ext)) }
        guard rule.check(bytes) else { return .failure(.contentDoesNotMatch(ext)) }
        return .success(rule.contentType)
    }
}

import Foundation
