import CommissionerDomain
import FluentKit
import Foundation

/// The provider directory in the demo workspace: the Jersey strategy's co-design partners, all
/// voluntary and community organisations. Sizes and approved-list standing are illustrative, and no
/// registration number is given: the demo does not invent real organisations' numbers.
enum DemoProviders {
    static let sizes: [String: ProviderSize] = [
        "Family Nursing & Home Care": .medium, "Jersey Hospice Care": .medium, "Macmillan Cancer Support Jersey": .large,
        "Les Amis": .medium, "MyVoice": .micro, "Jersey Recovery College": .micro,
    ]

    static func load(organisations ids: [String: UUID], with writer: RecordWriter) async throws {
        let providers = try await Organisation.query(on: writer.database).filter(\.$kind == .provider).sort(\.$name).all()
        for provider in providers {
            let profile = ProviderProfile(organisationID: try provider.requireID())
            profile.sector = .vcse
            profile.size = sizes[provider.name] ?? .small
            profile.address = "Jersey (illustrative)"
            profile.approvedList = provider.name == "MyVoice" ? .applied : .approved
            try await writer.create(profile)
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        for profile in try await ProviderProfile.query(on: writer.database).all() { try await writer.delete(profile) }
    }
}
