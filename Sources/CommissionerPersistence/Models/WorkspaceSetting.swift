import FluentKit
import Foundation

/// A named value about this installation, such as whether it holds the demo workspace.
public final class WorkspaceSetting: Model, @unchecked Sendable {
    public static let schema = "workspace_settings"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "value") public var value: String

    public init() {}

    public init(key: String, value: String) {
        self.id = key
        self.value = value
    }

    public static let demoWorkspaceKey = "demo-workspace"
}

extension WorkspaceSetting: AuditedRecord {
    public var auditSnapshot: AuditSnapshot { ["key": id, "value": value] }
}

extension WorkspaceSetting {
    /// Sets a value inside the writer's transaction, recording a change only when it differs from what is stored.
    public static func set(_ key: String, to value: String, with writer: RecordWriter) async throws {
        if let stored = try await WorkspaceSetting.find(key, on: writer.database) {
            guard stored.value != value else { return }
            stored.value = value
            try await writer.update(stored)
        } else {
            try await writer.create(WorkspaceSetting(key: key, value: value))
        }
    }
}
