import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The public open data page (no sign-in): every download, its form, licence and last update.
struct OpenDataPage {
    var publisher: OCDSPublisher
    var publishedAgreements: Int
    var perPage: Int
    var lastChanged: Date?
    var publishedGrants: Int
    var grantsLastChanged: Date?

    func render(_ context: PageContext) -> HTML {
        let pages = max(1, (publishedAgreements + perPage - 1) / perPage)
        let updated = lastChanged.map { Components.date($0) } ?? "Nothing published yet"
        let grantsUpdated = grantsLastChanged.map { Components.date($0) } ?? "Nothing published yet"
        let licence: HTML = "<a href=\"\(publisher.licenceURL)\">\(publisher.licenceName)</a>"
        let rows: [[HTML]] = [
            ["<a href=\"\(SiteRoute.ocdsReleases.path)\">OCDS release package</a>",
             HTML(text: "The contracting processes' releases (planning, tender, award, contract, implementation), \(perPage) agreements a page: \(pages) page\(pages == 1 ? "" : "s"), each linking to the next."),
             "OCDS 1.1 JSON", licence, HTML(text: updated)],
            ["<a href=\"\(SiteRoute.ocdsReleasesAll.path)\" download>All releases in one file</a>",
             HTML(text: "Every published release in one release package, for loading in bulk."), "OCDS 1.1 JSON", licence, HTML(text: updated)],
            ["Record packages", "One per contracting process at /ocds/records/{ocid}.json, with the compiled release; add ?versioned=true for the versioned release.",
             "OCDS 1.1 JSON", licence, HTML(text: updated)],
            ["<a href=\"\(SiteRoute.openDataContractsCSV.path)\" download>Contracts register</a>",
             "The published contracts over £5,000 in the Local Government Transparency Code 2015's fields: reference, title, department, description, supplier and registration numbers, values, dates, procurement route, SME and voluntary sector.",
             "CSV", licence, HTML(text: updated)],
            ["<a href=\"\(SiteRoute.openDataGrants.path)\">Grants</a>",
             HTML(text: "\(publishedGrants) grant\(publishedGrants == 1 ? "" : "s") to the voluntary and community sector and others, in the 360Giving Data Standard 1.4."),
             "360Giving JSON", licence, HTML(text: grantsUpdated)],
            ["<a href=\"\(SiteRoute.openDataGrantsCSV.path)\" download>Grants as a spreadsheet</a>", "The same grants, one row each, with 360Giving's column titles.",
             "360Giving CSV", licence, HTML(text: grantsUpdated)],
            ["<a href=\"\(SiteRoute.intentionsAtom.path)\">Commissioning intentions</a>",
             "What each organisation intends to commission, as published.", "Atom feed", licence, ""],
        ]
        return Layout.page(title: "Open data", context: context) {
            """
            <span class="caption-l">\(publisher.name.isEmpty ? "Commissioner" : publisher.name)</span>
            <h1 class="heading-l">Open data</h1>
            <p class="body">What we commission, the agreements we hold and how they perform, published from our records as they
            stand, under the \(licence). The contracting data follows the Open Contracting Data Standard (OCDS) 1.1, with its
            metrics extension for key performance indicators and the UK extension's classification of performance on the
            Procurement Act 2023's scale. \(publishedAgreements) agreement\(publishedAgreements == 1 ? " is" : "s are") published.</p>
            \(Components.table(caption: "Downloads", headers: ["Download", "What it holds", "Form", "Licence", "Last updated"], rows: rows, emptyMessage: ""))
            <h2 class="heading-m">What is published and what is not</h2>
            <p class="body">An agreement is published once a publisher has approved what it shows, item by item; anything withheld is
            withheld with a reason kept on the record. Contracting process identifiers (ocid) start with the prefix
            <code>\(publisher.ocidPrefix)</code>. Whatever a publisher approves, these are never published:</p>
            <ul class="list list-bullet">\(PublicationChecklist.neverPublished.map { "<li>\($0)</li>" as HTML })</ul>
            <p class="body">Ratings of performance are published with the UK extension's measure classification: good is
            <code>met</code>, approaching target is <code>slightlyBelow</code>, requires improvement is <code>below</code>,
            inadequate is <code>significantlyBelow</code>, and other is <code>other</code>.</p>
            \(context.user?.isAdministrator == true ? "<p class=\"body\"><a href=\"\(SiteRoute.openDataSettings.path)\">Change the publisher, prefix or licence</a></p>" as HTML : HTML.empty)
            """
        }
    }
}

/// An administrator's form for the publisher's name, `ocid` prefix and licence.
struct OpenDataSettingsPage {
    var publisher: OCDSPublisher
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Who publishes the open data", caption: "Open data",
                        intro: """
                        <p class="body">The publisher's name appears in every package; the ocid prefix begins every contracting
                        process's identifier and must be the one the Open Contracting Partnership registered for you; the 360Giving
                        prefix begins every grant's identifier and must be the one 360Giving registered for you; the licence is the
                        terms anyone may reuse the data on.</p>
                        """,
                        action: SiteRoute.openDataSettings.path, errors: errors, submit: "Save",
                        back: ("Back to the open data page", SiteRoute.openData.path), context: context) {
            """
            \(Form.textInput("publisherName", label: "Publisher", value: fields["publisherName"] ?? publisher.name, errors: errors))
            \(Form.textInput("ocidPrefix", label: "ocid prefix", value: fields["ocidPrefix"] ?? publisher.ocidPrefix,
                             hint: "\"ocds-\" and six lower-case letters or digits, such as ocds-213czf", errors: errors, width: "input-width-10"))
            \(Form.textInput("grantPrefix", label: "360Giving prefix", value: fields["grantPrefix"] ?? publisher.grantPrefix,
                             hint: "\"360G-\" and the rest of the prefix 360Giving registered for you, such as 360G-jerseygov", errors: errors, width: "input-width-20"))
            \(Form.textInput("licenceName", label: "Licence", value: fields["licenceName"] ?? publisher.licenceName, errors: errors))
            \(Form.textInput("licenceURL", label: "Licence's web address", value: fields["licenceURL"] ?? publisher.licenceURL, errors: errors))
            """
        }
    }
}
