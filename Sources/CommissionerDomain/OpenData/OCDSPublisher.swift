import Foundation

/// Who publishes the open data and under what terms: the `ocid` prefix registered with the Open
/// Contracting Partnership, the grant identifier prefix registered with 360Giving, the publisher's
/// name and the licence.
public struct OCDSPublisher: Sendable, Equatable {
    public var ocidPrefix: String
    public var grantPrefix: String
    public var name: String
    public var licenceURL: String
    public var licenceName: String

    public static let openGovernmentLicence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    public static let openGovernmentLicenceName = "Open Government Licence v3.0"
    /// The prefix a fresh installation uses until its own is set (the OCDS documentation's example prefix).
    public static let placeholderPrefix = "ocds-213czf"
    public static let placeholderGrantPrefix = "360G-commissioner"

    public init(ocidPrefix: String = OCDSPublisher.placeholderPrefix, grantPrefix: String = OCDSPublisher.placeholderGrantPrefix, name: String = "",
                licenceURL: String = OCDSPublisher.openGovernmentLicence, licenceName: String = OCDSPublisher.openGovernmentLicenceName) {
        self.ocidPrefix = ocidPrefix
        self.grantPrefix = grantPrefix
        self.name = name
        self.licenceURL = licenceURL
        self.licenceName = licenceName
    }

    /// The extensions every package lists: metrics (KPIs), the UK extension (measure classification,
    /// VCSE status, no agreed metrics rationale) and party scale (SME).
    public static let extensions = [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json",
        "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_partyDetails_scale_extension/master/extension.json",
    ]

    /// A prefix as the Open Contracting Partnership issues them: `ocds-` and six letters or digits.
    public static func prefixProblem(_ prefix: String) -> String? {
        let bytes = Array(prefix.utf8)
        let valid = bytes.count == 11 && prefix.hasPrefix("ocds-")
            && bytes[5...].allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return valid ? nil : "The ocid prefix must be the one the Open Contracting Partnership registered for you: \"ocds-\" and six lower-case letters or digits, such as ocds-213czf"
    }

    public func ocid(agreementID: String) -> String { "\(ocidPrefix)-\(agreementID)" }

    /// The agreement an `ocid` of this publisher names, if it is one.
    public func agreementID(ocid: String) -> String? {
        let head = ocidPrefix + "-"
        return ocid.hasPrefix(head) ? String(ocid.dropFirst(head.count)) : nil
    }

    /// A release package's opening fields, before its `releases`.
    /// `policy` is the page that says what is published and what is withheld.
    public func packageHead(uri: String, publishedDate: String, policy: String) -> JSONObject {
        JSONObject([("uri", .string(uri)), ("version", .string("1.1")), ("extensions", .array(Self.extensions.map(JSONValue.string))),
                    ("publishedDate", .string(publishedDate)), ("publisher", .object(JSONObject([("name", .string(name))]))),
                    ("license", .string(licenceURL)), ("publicationPolicy", .string(policy))])
    }
}
