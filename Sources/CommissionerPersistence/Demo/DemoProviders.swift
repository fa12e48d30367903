import CommissionerDomain
import FluentKit
import Foundation

/// The provider directory in the demo workspace: the Jersey strategy's co-design partners, all
/// voluntary and community organisations, and three illustrative off-island providers (two NHS
/// trusts and a private company) for the off-island tertiary contracts. Sizes and approved-list standing are illustrative, and no
/// registration number is given: the demo does not invent real organisations' numbers.
enum DemoProviders {
    static let sizes: [String: ProviderSize] = [
        "Family Nursing & Home Care": .medium, "Jersey Hospice Care": .medium, "Macmillan Cancer Support Jersey": .large,
        "Les Amis": .medium, "MyVoice": .micro, "Jersey Recovery College": .micro,
        "Southern Tertiary Hospitals NHS Trust (illustrative)": .large, "Children's Specialist Hospital NHS Trust (illustrative)": .large,
        "Mainland Secure Care Ltd (illustrative)": .medium,
    ]
    static let sectors: [String: ProviderSector] = [
        "Southern Tertiary Hospitals NHS Trust (illustrative)": .public, "Children's Specialist Hospital NHS Trust (illustrative)": .public,
        "Mainland Secure Care Ltd (illustrative)": .private,
    ]

    static func load(organisations ids: [String: UUID], with writer: RecordWriter) async throws {
        let providers = try await Organisation.query(on: writer.database).filter(\.$kind == .provider).sort(\.$name).all()
        for provider in providers {
            let profile = ProviderProfile(organisationID: try provider.requireID())
            profile.sector = sectors[provider.name] ?? .vcse
            profile.size = sizes[provider.name] ?? .small
            profile.address = sectors[provider.name] == nil ? "Jersey (illustrative)" : "England (illustrative)"
            profile.approvedList = provider.name == "MyVoice" ? .applied : .approved
            try await writer.create(profile)
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        for profile in try await ProviderProfile.query(on: writer.database).all() { try await writer.delete(profile) }
    }
}
