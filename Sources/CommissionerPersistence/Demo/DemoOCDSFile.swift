import Foundation

/// An illustrative OCDS release package of Cheltenham Borough Council's contracts, as Contracts Finder
/// might publish them, imported by the demo as the council's starting position. One release lacks its
/// date, so the import shows a problem set aside. Suppliers, values and dates are invented.
enum DemoOCDSFile {
    static let filename = "cheltenham-contracts-ocds.json"

    static let text = #"""
    {"uri": "https://example.org/cheltenham/ocds/releases.json", "version": "1.1", "publishedDate": "2026-10-01T09:00:00Z",
     "publisher": {"name": "Cheltenham Borough Council (illustrative)"}, "license": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
     "releases": [
      {"ocid": "ocds-213czf-cbc-gm-2023", "id": "cbc-gm-2023-tender", "date": "2022-11-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender",
       "buyer": {"id": "cbc", "name": "Cheltenham Borough Council"},
       "tender": {"id": "cbc-gm-2023", "title": "Grounds maintenance of parks and open spaces (illustrative)", "status": "active", "procurementMethod": "open",
                  "description": "Mowing, planting and tree care across the borough's parks, cemeteries and open spaces."}},
      {"ocid": "ocds-213czf-cbc-gm-2023", "id": "cbc-gm-2023-award", "date": "2023-02-14T00:00:00Z", "tag": ["award"], "initiationType": "tender",
       "parties": [{"id": "gss", "name": "Green Spaces Services Ltd (illustrative)", "roles": ["supplier"], "details": {"scale": "sme"}}],
       "awards": [{"id": "cbc-gm-2023-award", "status": "active", "date": "2023-02-14T00:00:00Z", "value": {"amount": 1250000, "currency": "GBP"},
                   "suppliers": [{"id": "gss", "name": "Green Spaces Services Ltd (illustrative)"}],
                   "contractPeriod": {"startDate": "2023-04-01T00:00:00Z", "endDate": "2028-03-31T00:00:00Z"}}]},
      {"ocid": "ocds-213czf-cbc-gm-2023", "id": "cbc-gm-2023-contract", "date": "2023-04-01T00:00:00Z", "tag": ["contract"], "initiationType": "tender",
       "contracts": [{"id": "cbc-gm-2023-contract", "awardID": "cbc-gm-2023-award", "title": "Grounds maintenance of parks and open spaces (illustrative)",
                      "status": "active", "value": {"amount": 1250000, "currency": "GBP"},
                      "period": {"startDate": "2023-04-01T00:00:00Z", "endDate": "2028-03-31T00:00:00Z"}}]},
      {"ocid": "ocds-213czf-cbc-lm-2022", "id": "cbc-lm-2022-award", "date": "2022-05-20T00:00:00Z", "tag": ["award"], "initiationType": "tender",
       "tender": {"id": "cbc-lm-2022", "title": "Leisure centre management (illustrative)", "procurementMethod": "selective"},
       "parties": [{"id": "act", "name": "Active Communities Trust (illustrative)", "roles": ["supplier"], "details": {"scale": "sme", "vcse": true}}],
       "awards": [{"id": "cbc-lm-2022-award", "status": "active", "date": "2022-05-20T00:00:00Z", "value": {"amount": 6400000, "currency": "GBP"},
                   "suppliers": [{"id": "act", "name": "Active Communities Trust (illustrative)"}]}],
       "contracts": [{"id": "cbc-lm-2022-contract", "awardID": "cbc-lm-2022-award", "status": "active", "value": {"amount": 6400000, "currency": "GBP"},
                      "period": {"startDate": "2022-07-01T00:00:00Z", "endDate": "2032-06-30T00:00:00Z"}}]},
      {"ocid": "ocds-213czf-cbc-lm-2022", "id": "cbc-lm-2022-amendment-1", "tag": ["contractAmendment"], "initiationType": "tender",
       "contracts": [{"id": "cbc-lm-2022-contract", "value": {"amount": 6650000, "currency": "GBP"}}]}
     ]}
    """#
}
