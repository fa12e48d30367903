"""The public open data as an outside checker reads it, without signing in: every page of the OCDS
release package and the bulk download validate against the OCDS 1.1.5 schemas (with the metrics and UK
extensions), every record package with and without its versioned release; each record's compiled
release is what the reference merge (ocdsmerge, PyPI) makes of the same releases; the demo's home care
contract (over £5m) shows three KPIs and rated assessments; what the publisher withheld is absent;
and the confidential agreement and the grants appear nowhere. Run by scripts/e2e on SQLite and PostgreSQL."""
import json
import os
import sys
import warnings

import ocdsmerge
import requests

import open_data_schemas as schemas
from checks import Checks

BASE = os.environ["COMMISSIONER_URL"].rstrip("/")
check = Checks(("open data " + os.environ.get("DATABASE_NAME", "")).strip())
public = requests.Session()

page = public.get(BASE + "/open-data")
check(page.status_code == 200 and "Open Government Licence v3.0" in page.text and "/ocds/releases.json" in page.text,
      f"the open data page is public and names the licence and downloads ({page.status_code})")
outputs = {"/open-data": page.text}

releases = []
url = BASE + "/ocds/releases.json"
pages = 0
while url and pages < 50:
    response = public.get(url)
    pages += 1
    check(response.status_code == 200 and response.headers["content-type"].startswith("application/json"), f"{url} answers JSON ({response.status_code})")
    package = response.json()
    outputs[url] = response.text
    found = schemas.problems(schemas.release_package, package)
    check(not found, f"{url} is a valid OCDS 1.1.5 release package: {found}")
    check(set(package["extensions"]) >= {"https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json"},
          "the package lists the metrics extension it uses")
    releases += package["releases"]
    url = package.get("links", {}).get("next")
check(releases, "the demo publishes releases")
bad_page = public.get(BASE + "/ocds/releases.json?page=0")
check(bad_page.status_code == 400 and "page must be a whole number" in bad_page.text, f"page=0 is refused, naming the field ({bad_page.status_code})")

bulk = public.get(BASE + "/ocds/releases/all.json")
outputs["all.json"] = bulk.text
check(bulk.status_code == 200 and not schemas.problems(schemas.release_package, bulk.json()),
      f"the bulk download is a valid release package: {schemas.problems(schemas.release_package, bulk.json()) if bulk.ok else bulk.status_code}")
check(sorted(r["id"] for r in bulk.json()["releases"]) == sorted(r["id"] for r in releases), "the bulk download holds the same releases as the pages")
check(len({(r["ocid"], r["id"]) for r in releases}) == len(releases), "every release id is unique within its ocid")

merger = ocdsmerge.Merger(schema=schemas.release_schema())
by_ocid = {}
for release in releases:
    by_ocid.setdefault(release["ocid"], []).append(release)
records = {}
for ocid, own in by_ocid.items():
    for versioned in (False, True):
        response = public.get(f"{BASE}/ocds/records/{ocid}.json" + ("?versioned=true" if versioned else ""))
        outputs[response.url] = response.text
        ok = response.status_code == 200
        check(ok, f"the record package of {ocid} answers ({response.status_code})")
        if not ok:
            continue
        package = response.json()
        found = schemas.problems(schemas.record_package, package)
        check(not found, f"the record package of {ocid} (versioned={versioned}) is valid: {found}")
        record = package["records"][0]
        check(("versionedRelease" in record) == versioned, f"versionedRelease is there only when asked for ({ocid})")
        records[ocid] = record
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reference = merger.create_compiled_release(sorted(own, key=lambda r: r["date"]))
            if versioned:
                versioned_reference = merger.create_versioned_release(sorted(own, key=lambda r: r["date"]))
        check(record["compiledRelease"] == json.loads(json.dumps(reference)),
              f"the compiled release of {ocid} is what ocdsmerge makes of its releases")
        if versioned:
            check(record["versionedRelease"] == json.loads(json.dumps(versioned_reference)), f"the versioned release of {ocid} matches ocdsmerge's")

def compiled_with(title):
    for record in records.values():
        release = record["compiledRelease"]
        if any(c.get("title") == title for c in release.get("contracts", [])):
            return release
    return None

home_care = compiled_with("Home care and community nursing")
check(home_care is not None, "the home care contract is published")
if home_care:
    contract = home_care["contracts"][0]
    check(contract["value"]["amount"] > 5_000_000 and len(contract.get("agreedMetrics", [])) == 3,
          f"home care is over £5m with three agreed metrics (KPIs): {contract.get('value')} {len(contract.get('agreedMetrics', []))}")
    classes = [o["measureClassification"]["id"] for m in contract.get("implementation", {}).get("metrics", [])
               for o in m["observations"] if "measureClassification" in o]
    check("slightlyBelow" in classes, f"its reviews rated approaching target are published as slightlyBelow: {sorted(set(classes))}")
    check(contract.get("implementation", {}).get("transactions"), "its payments are published as transactions")
    check(home_care["tag"] == ["compiled"] and home_care["id"] == f"{home_care['ocid']}-{home_care['date']}", "the compiled release's tag and id")

placements = compiled_with("Secure mental health placements (off-island)")
check(placements is not None and not placements["contracts"][0].get("implementation", {}).get("transactions"),
      "the secure placements' payments, withheld by the publisher, are not published")

everything = "\n".join(outputs.values())
for secret in ("Refuge accommodation and outreach", "HCS-2024-019", "Jersey Women's Refuge"):
    check(secret not in everything, f"the confidential agreement's {secret!r} appears in no public output")
check("Community mental health and wellbeing grant" not in "".join(json.dumps(r) for r in releases), "grants are not published as OCDS")
for person in ("@demo.commissioner.example",):
    check(person not in everything, "no person's email address is published")

grants = public.get(BASE + "/open-data/grants.json")
outputs["grants.json"] = grants.text
check(grants.status_code == 200 and not schemas.problems(schemas.grant_package, grants.json()),
      f"the grants are a valid 360Giving 1.4.3 package: {schemas.problems(schemas.grant_package, grants.json()) if grants.ok else grants.status_code}")
check(any(g["title"] == "Community mental health and wellbeing grant" for g in grants.json().get("grants", [])), "the demo's grant is published in 360Giving's form")
grants_csv = public.get(BASE + "/open-data/grants.csv")
outputs["grants.csv"] = grants_csv.text
check(grants_csv.status_code == 200 and grants_csv.text.startswith("Identifier,Title,Description,Currency,Amount Awarded"), "the grants download as 360Giving CSV")
register = public.get(BASE + "/open-data/contracts.csv")
outputs["contracts.csv"] = register.text
check(register.status_code == 200 and register.text.startswith("Reference Number,Title of Agreement") and "HCS-2024-031" in register.text,
      "the Transparency Code contracts register downloads as CSV")

unknown = public.get(BASE + "/ocds/records/ocds-213czf-00000000-0000-0000-0000-000000000000.json")
check(unknown.status_code == 404, f"an unknown ocid is 404 ({unknown.status_code})")
sys.exit(check.finish())
