import CommissionerDomain
import CommissionerPersistence
import Foundation
import Vapor

/// A file uploaded and waiting to be imported (a spend file, or a contracts register): kept on disk
/// (so the import can read it a chunk at a time) beside a note of who uploaded it, for which
/// organisation and which import. Only the person who uploaded it may preview or import it, and only
/// as what it was uploaded for. It is removed once imported, or after a day.
struct StagedUpload: Codable, Sendable {
    enum Purpose: String, Codable, Sendable {
        case spend
        case contractsRegister = "contracts-register"
    }

    var id: UUID
    var purpose: Purpose
    var ownerID: UUID
    var organisationID: UUID
    var filename: String
    var byteCount: Int
    var uploadedAt: Date
}

enum StagedUploads {
    static let keptFor: TimeInterval = 24 * 3600

    static func directory(_ app: Application) throws -> URL {
        let url = URL(fileURLWithPath: app.settings.uploadsDirectory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func fileURL(_ id: UUID, in directory: URL) -> URL { directory.appendingPathComponent("\(id.uuidString.lowercased()).csv") }
    static func noteURL(_ id: UUID, in directory: URL) -> URL { directory.appendingPathComponent("\(id.uuidString.lowercased()).json") }

    static func stage(_ bytes: ByteBuffer, for purpose: StagedUpload.Purpose, filename: String, organisationID: UUID, owner: UUID, at date: Date,
                      app: Application) throws -> StagedUpload {
        let directory = try directory(app)
        removeExpired(in: directory)
        let staged = StagedUpload(id: UUID(), purpose: purpose, ownerID: owner, organisationID: organisationID, filename: filename,
                                     byteCount: bytes.readableBytes, uploadedAt: date)
        try Data(bytes.readableBytesView).write(to: fileURL(staged.id, in: directory))
        try JSONEncoder().encode(staged).write(to: noteURL(staged.id, in: directory))
        return staged
    }

    /// Stages the file, then reads its header: a file that cannot be read as delimited text is discarded
    /// at once and refused, before a person is asked to check its columns.
    static func stageReadable(_ bytes: ByteBuffer, for purpose: StagedUpload.Purpose, filename: String, organisationID: UUID, owner: UUID,
                              at date: Date, app: Application) throws -> StagedUpload {
        let staged = try stage(bytes, for: purpose, filename: filename, organisationID: organisationID, owner: owner, at: date, app: app)
        do {
            _ = try DelimitedFile.preview(of: fileURL(staged.id, in: try directory(app)), rows: 1)
        } catch {
            discard(staged.id, app: app)
            throw error
        }
        return staged
    }

    /// The staged file, if it is there and this person uploaded it for this purpose.
    static func find(_ id: UUID, owner: UUID, purpose: StagedUpload.Purpose, app: Application) throws -> (StagedUpload, URL)? {
        let directory = try directory(app)
        guard let data = try? Data(contentsOf: noteURL(id, in: directory)),
              let staged = try? JSONDecoder().decode(StagedUpload.self, from: data), staged.ownerID == owner, staged.purpose == purpose else { return nil }
        let file = fileURL(id, in: directory)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return (staged, file)
    }

    static func discard(_ id: UUID, app: Application) {
        guard let directory = try? directory(app) else { return }
        try? FileManager.default.removeItem(at: fileURL(id, in: directory))
        try? FileManager.default.removeItem(at: noteURL(id, in: directory))
    }

    /// By the files' own age on disk (the machine's clock), whatever clock the application keeps.
    private static func removeExpired(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names {
            let url = directory.appendingPathComponent(name)
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > keptFor else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }
}
