import CommissionerDomain
import FluentKit
import Foundation

/// The publisher's settings, kept as workspace settings: the `ocid` prefix, the publisher's name and
/// the licence the open data is published under.
public enum OpenDataSettings {
    public static let prefixKey = "open-data.ocid-prefix"
    public static let grantPrefixKey = "open-data.grant-prefix"
    public static let nameKey = "open-data.publisher-name"
    public static let licenceURLKey = "open-data.licence-url"
    public static let licenceNameKey = "open-data.licence-name"
    public static let keys = [prefixKey, grantPrefixKey, nameKey, licenceURLKey, licenceNameKey]

    public static func publisher(on database: any Database) async throws -> OCDSPublisher {
        let stored = Dictionary(try await sql(database).select().column("key").column("value").from(WorkspaceSetting.schema)
            .where("key", .in, keys).all().map { (try $0.decode(column: "key", as: String.self), try $0.decode(column: "value", as: String.self)) },
                                uniquingKeysWith: { first, _ in first })
        var publisher = OCDSPublisher()
        if let prefix = stored[prefixKey], !prefix.isEmpty { publisher.ocidPrefix = prefix }
        if let prefix = stored[grantPrefixKey], !prefix.isEmpty { publisher.grantPrefix = prefix }
        publisher.name = stored[nameKey] ?? ""
        if let url = stored[licenceURLKey], !url.isEmpty { publisher.licenceURL = url }
        if let name = stored[licenceNameKey], !name.isEmpty { publisher.licenceName = name }
        return publisher
    }

    /// Writes what differs from what is stored, in one transaction.
    public static func save(_ publisher: OCDSPublisher, with writer: RecordWriter) async throws {
        let values = [prefixKey: publisher.ocidPrefix, grantPrefixKey: publisher.grantPrefix, nameKey: publisher.name, licenceURLKey: publisher.licenceURL, licenceNameKey: publisher.licenceName]
        try await writer.transaction { writer in
            for key in keys { try await WorkspaceSetting.set(key, to: values[key]!, with: writer) }
        }
    }
}
