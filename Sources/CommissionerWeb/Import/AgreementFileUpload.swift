import Vapor

/// A file of agreements sent from a form with the organisation that holds them (a contracts register,
/// an OCDS file): the organisation must be one the person keeps agreements in, and the file there and
/// not too large. Each problem is named by its field.
struct AgreementFileUpload: Content {
    var file: File?
    var organisationId: String?

    struct Checked {
        var organisationID: UUID
        var file: File
    }

    func check(organisations: [(id: UUID, name: String)], missing: String, largest: Int, tooLarge: String) -> (Checked?, FieldErrors) {
        var errors = FieldErrors()
        let organisationID = organisationId.flatMap(UUID.init(uuidString:))
        if organisationID == nil || !organisations.contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose the organisation that holds these agreements")
        }
        if file == nil || file!.data.readableBytes == 0 { errors.add("file", missing) }
        else if file!.data.readableBytes > largest { errors.add("file", tooLarge) }
        guard errors.isEmpty, let file, let organisationID else { return (nil, errors) }
        return (Checked(organisationID: organisationID, file: file), errors)
    }
}
