@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
import Testing
import Vapor
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The business case: assembled from the records in the five cases, printed, downloaded as a Word file
/// that is well-formed Office Open XML, and issued as versions that go for approval.
@Suite struct BusinessCaseTests {
    /// The parts of a .docx, each parsed as XML (a malformed part fails here, as it would in Word).
    func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            _ = try XMLDocument(data: bytes)
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test(arguments: TestDatabase.all)
    func theBusinessCaseIsAssembledPrintedDownloadedAndIssued(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let path = "/activities/\(nursing.uuidString.lowercased())/business-case"
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            let page = try await scrutiny.get(path)
            for text in ["Business case: Community nursing recommissioning", "Strategic case", "Economic case", "Commercial case", "Financial case",
                         "Management case", "Partnership with on-island providers is the robust choice", "Islanders get co-ordinated health and care in the community",
                         "3 years, then up to 2 optional extensions (1 + 1 years): 5 years at most", "Net present social value", "Download as Word"] {
                #expect(page.body.contains(HTML(text: text).description), "\(text)")
            }
            #expect(!page.body.contains("Issue the version"), "scrutiny reads but does not issue")

            let word = try await scrutiny.download(path + ".docx")
            #expect(word.status == .ok && word.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(word.headers.first(name: .contentDisposition)?.contains("business-case.docx") == true)
            let docx = try parts(word.data)
            #expect(Set(docx.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                                       "word/numbering.xml", "word/document.xml"])
            let body = try #require(docx["word/document.xml"])
            #expect(body.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Economic case</w:t>"))
            #expect(body.contains("Partnership with on-island providers") && body.contains("<w:tblHeader/>"))

            // The lead issues it as version 1 of the business case document; the Word file of that version reads back the same.
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            #expect(try await lead.get(path).body.contains("Issue the version"))
            let blank = try await lead.post(path + "/versions", ["summaryOfChange": " "])
            #expect(blank.status == .unprocessableEntity && blank.body.contains("Say what changed in this version"))
            #expect(try await Document.query(on: app.db).filter(\.$activity.$id == nursing).filter(\.$kind == .businessCase).count() == 0)
            try await lead.get(path)
            let issued = try await lead.post(path + "/versions", ["summaryOfChange": "First draft for the Health and Care Board"])
            #expect(issued.status == .seeOther)
            let document = try #require(try await Document.query(on: app.db).filter(\.$activity.$id == nursing).filter(\.$kind == .businessCase).first())
            #expect(document.currentVersion == 1 && document.status == .draft)
            let documentPage = try await lead.get(try #require(issued.location))
            #expect(documentPage.body.contains("<table class=\"table\">") && documentPage.body.contains("Commercial case"))
            try await lead.get(path)
            #expect(try await lead.post(path + "/versions", ["summaryOfChange": "After the market test"]).status == .seeOther)
            let history = try await lead.get(path)
            #expect(history.body.contains("After the market test") && history.body.contains("First draft for the Health and Care Board"))
            let version1 = try await lead.download(path + ".docx?version=1")
            #expect(version1.status == .ok && version1.headers.first(name: .contentDisposition)?.contains("business-case-version-1.docx") == true)
            #expect(try parts(version1.data)["word/document.xml"]?.contains("Version 1, issued") == true)
            #expect(try await lead.download(path + ".docx?version=9").status == .notFound)
        }
    }

    @Test func wordEscapesWhatPeopleWrite() {
        #expect(WordDocument.escape("Tom & Jerry <b> \"quoted\"\u{1}") == "Tom &amp; Jerry &lt;b&gt; &quot;quoted&quot;")
    }
}
