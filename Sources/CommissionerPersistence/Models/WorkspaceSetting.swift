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
