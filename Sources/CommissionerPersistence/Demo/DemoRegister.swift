import Foundation

/// A contracts register for the demo workspace to import: Health and Community Services' agreements
/// with partners from the Jersey strategy's partner list that are not yet in the workspace, in the
/// Transparency Code's fields under a register's own headers. The agreements are illustrative; one
/// supplier (an advocacy charity) is not yet in the provider directory, so importing adds it.
public enum DemoRegister {
    public static let holder = "Health and Community Services"
    public static let offeredFilename = "hcs-contracts-register-2025-q3.csv"

    public static let offeredFile = """
        Contract Ref,Contract Title,Department,Description,Supplier,Company Number,Charity Number,Total Value,Annual Value,Start Date,End Date,Procurement Route,SME,VCS
        HCS-2022-044,Dementia advice and day opportunities,Health and Community Services,"Dementia advisers, memory cafés and day opportunities",Dementia Jersey,,,"£540,000.00",,01/04/2022,31/03/2027,Open tender,Yes,Yes
        HCS-2023-019,Supported employment for adults with learning disabilities,Health and Community Services,Job coaching and supported employment,Enable Jersey,,,,"£120,000.00",01/10/2023,30/09/2026,Direct award,Yes,Yes
        HCS-2024-052,Independent mental health advocacy,Health and Community Services,Statutory advocacy under the Mental Health (Jersey) Law 2016,MyVoice,,,"£255,000.00","£85,000.00",01/07/2024,30/06/2027,Invitation to quote,Yes,Yes
        HCS-2025-011,Residential rehabilitation for alcohol and drugs,Health and Community Services,Residential recovery placements and aftercare,Silkworth Charity Group,,,"£390,000.00",,01/04/2025,31/03/2028,Open tender,Yes,Yes
        HCS-2025-023,Carers' advice and support line,Health and Community Services,"Advice, information and a support line for unpaid carers",Carers Jersey (illustrative),,1234,"£96,000.00",,01/01/2026,31/12/2027,Grant award,Yes,Yes

        """
}
