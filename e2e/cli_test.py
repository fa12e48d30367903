"""The command line as an operator uses it, on an SQLite file while the server runs on it:
users, tokens, backup, a contracts register import, audit verify (and its failure when an event is tampered with), --help,
the refusals of APP_ENV=production, `ocds compile` against the reference merge (ocdsmerge), and `ocds export` and
`ocds import`. Run by scripts/e2e."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import warnings
from collections import OrderedDict

import ocdsmerge
import requests

from checks import Checks
from ocds_releases import release_package

BINARY = os.environ["COMMISSIONER_BINARY"]
DATABASE = os.environ["SQLITE_PATH"]
BASE = os.environ["COMMISSIONER_URL"].rstrip("/")
check = Checks("cli")


def run(*arguments, env=None):
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update({"SQLITE_PATH": DATABASE, **(env or {})})
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, env=environment, timeout=120)


for command in (["--help"], ["users", "--help"], ["users", "create", "--help"], ["tokens", "create", "--help"],
                ["audit", "verify", "--help"], ["backup", "--help"], ["demo", "--help"], ["migrate", "--help"], ["serve", "--help"]):
    result = run(*command)
    check(result.returncode == 0 and "Usage" in result.stdout + result.stderr, f"commissioner {' '.join(command)} prints help")

created = run("users", "create", "--email", "cli.lead@example.org", "--password", "a long enough passphrase",
              "--name", "Lead made on the command line", "--role", "commissioning-lead", "--organisation", "Public Health")
check(created.returncode == 0, f"users create: {created.stdout}{created.stderr}")
refused = run("users", "create", "--email", "not-an-email", "--password", "short")
check(refused.returncode != 0 and "--email: Enter an email address in the correct format" in refused.stderr,
      f"users create names the bad option: {refused.stderr}")
wrong_role = run("users", "create", "--email", "x@example.org", "--password", "a long enough passphrase", "--role", "provider", "--organisation", "Public Health")
check(wrong_role.returncode != 0 and "--role: The provider role cannot be held in a department" in wrong_role.stderr, f"role refused: {wrong_role.stderr}")

tokens = run("tokens", "create", "--email", "cli.lead@example.org")
token = tokens.stdout.strip().splitlines()[-1] if tokens.stdout.strip() else ""
check(tokens.returncode == 0 and token.startswith("cmr_"), "tokens create prints the token as its last line")
me = requests.get(BASE + "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
check(me.status_code == 200 and me.json().get("email") == "cli.lead@example.org", f"the printed token works on the API ({me.status_code})")

reset = run("users", "reset-password", "--email", "cli.lead@example.org", "--password", "another long passphrase")
check(reset.returncode == 0, f"users reset-password: {reset.stderr}")
deactivated = run("users", "deactivate", "--email", "cli.lead@example.org")
check(deactivated.returncode == 0, f"users deactivate: {deactivated.stderr}")
me = requests.get(BASE + "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
check(me.status_code == 401, "a deactivated user's token stops working")
last_admin = run("users", "deactivate", "--email", "administrator@demo.commissioner.example")
check(last_admin.returncode != 0 and "last active administrator" in last_admin.stderr, f"the last administrator stays: {last_admin.stderr}")

with tempfile.TemporaryDirectory() as folder:
    copy = os.path.join(folder, "copy.sqlite")
    backup = run("backup", "--output", copy)
    check(backup.returncode == 0 and os.path.exists(copy), f"backup writes a copy while the server runs: {backup.stderr}")
    if os.path.exists(copy):
        with sqlite3.connect(copy) as connection:
            check(connection.execute("SELECT COUNT(*) FROM users WHERE email = 'cli.lead@example.org'").fetchone()[0] == 1,
                  "the backup holds the latest records")
    postgres = run("backup", env={"DATABASE_URL": "postgres://u:p@127.0.0.1:1/x"})
    check(postgres.returncode != 0, "backup on PostgreSQL says to use pg_dump")

with tempfile.TemporaryDirectory() as folder:
    register = os.path.join(folder, "cli-register.csv")
    with open(register, "w", encoding="utf-8") as file:
        file.write("Reference,Title,Supplier,Value,Start,End\nCLI-2026-001,Community transport,Les Amis,24000,2026-04-01,2027-03-31\n")
    by_manager = ["--organisation", "Health and Community Services", "--by", "contract-manager@demo.commissioner.example"]
    imported = run("register", "import", register, *by_manager)
    check(imported.returncode == 0 and "Imported 1 agreement for Health and Community Services" in imported.stdout,
          f"register import brings a contracts register in: {imported.stdout}{imported.stderr}")
    again = run("register", "import", register, *by_manager)
    check(again.returncode != 0 and "Nothing was imported" in again.stderr and "Line 2, Reference: An agreement with the reference CLI-2026-001 is already recorded" in again.stderr,
          f"the same register again is refused by line: {again.stderr}")
    budget = run("register", "import", register, "--organisation", "Health and Community Services", "--by", "budget-holder@demo.commissioner.example")
    check(budget.returncode != 0 and "contract manager, commissioning lead or procurement specialist" in budget.stderr,
          f"only those who keep agreements import a register: {budget.stderr}")

verified = run("audit", "verify")
check(verified.returncode == 0 and "intact" in verified.stdout, f"audit verify passes an untouched trail: {verified.stdout}{verified.stderr}")

production = run("serve", env={"APP_ENV": "production"})
check(production.returncode != 0 and "APP_SECRET" in production.stderr, "production refuses the default secret")
demo_in_production = run("serve", env={"APP_ENV": "production", "APP_SECRET": "x" * 40})
check(demo_in_production.returncode != 0 and "demo workspace" in demo_in_production.stderr, "production refuses the demo workspace")

# `ocds compile` gives, for every contracting process, the compiled and versioned releases the reference
# implementation (ocdsmerge, from PyPI) gives for the same releases and the same local schema.
# The release schema the program carries: the published OCDS 1.1.5 file, as in ../shared/standards.
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "CommissionerDomain", "OpenData", "Schemas",
                      "ocds-1.1.5-release-schema.json")
with tempfile.TemporaryDirectory() as folder:
    package = release_package(3000, seed=2026)
    path = os.path.join(folder, "releases.json")
    with open(path, "w") as file:
        json.dump(package, file)
    compiled = run("ocds", "compile", "--versioned", path)
    check(compiled.returncode == 0, f"ocds compile runs: {compiled.stderr[-500:]}")
    records = {record["ocid"]: record for record in json.loads(compiled.stdout)["records"]} if compiled.returncode == 0 else {}
    by_process = OrderedDict()
    for release in package["releases"]:
        by_process.setdefault(release["ocid"], []).append(release)
    merger = ocdsmerge.Merger(schema=os.path.normpath(SCHEMA))
    differences = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for ocid, releases in by_process.items():
            ours = records.get(ocid, {})
            if merger.create_compiled_release(releases) != ours.get("compiledRelease"):
                differences.append(f"{ocid} compiled")
            if merger.create_versioned_release(releases) != ours.get("versionedRelease"):
                differences.append(f"{ocid} versioned")
    check(len(records) == len(by_process) and not differences,
          f"ocds compile matches ocdsmerge on {len(by_process)} processes ({len(differences)} differ: {differences[:5]})")
    bad = os.path.join(folder, "bad.json")
    with open(bad, "w") as file:
        file.write('{"releases": [{"ocid": "ocds-x", "id": "1"}]}')
    refused = run("ocds", "compile", bad)
    check(refused.returncode != 0 and "date" in refused.stderr, f"ocds compile refuses a release without a date: {refused.stderr}")

# `ocds export --folder` writes every download, and each validates; `ocds import` brings the releases in for another
# organisation (and again changes nothing); a 2 GB file is refused before it is read.
import open_data_schemas as schemas
with tempfile.TemporaryDirectory() as folder:
    exported = run("ocds", "export", "--folder", folder)
    check(exported.returncode == 0 and "record package" in exported.stdout, f"ocds export --folder: {exported.stdout}{exported.stderr[-500:]}")
    with open(os.path.join(folder, "releases.json")) as file:
        package = json.load(file)
    check(package["releases"] and not schemas.problems(schemas.release_package, package), "the exported release package is valid OCDS 1.1.5")
    records = os.listdir(os.path.join(folder, "records"))
    with open(os.path.join(folder, "records", records[0])) as file:
        check(not schemas.problems(schemas.record_package, json.load(file)), "an exported record package is valid")
    with open(os.path.join(folder, "grants.json")) as file:
        check(not schemas.problems(schemas.grant_package, json.load(file)), "the exported grants are valid 360Giving")
    check(open(os.path.join(folder, "contracts-register.csv")).readline().startswith("Reference Number,"), "the contracts register is exported")
    stdout = run("ocds", "export")
    check(stdout.returncode == 0 and json.loads(stdout.stdout)["releases"], "ocds export writes the release package alone to standard output")
    by = ["--organisation", "Public Health", "--by", "administrator@demo.commissioner.example"]
    importer = ["--organisation", "Health and Community Services", "--by", "contract-manager@demo.commissioner.example"]
    first = run("ocds", "import", os.path.join(folder, "releases.json"), *importer)
    check(first.returncode == 0 and "agreements added" in first.stdout, f"ocds import: {first.stdout}{first.stderr[-500:]}")
    again = run("ocds", "import", os.path.join(folder, "releases.json"), *importer)
    check(again.returncode == 0 and " 0 agreements added, 0 brought up to date" in again.stdout, f"importing the same file again changes nothing: {again.stdout}")
    huge = os.path.join(folder, "huge.json")
    with open(huge, "wb") as file:
        file.truncate(2 * 1024 ** 3)  # sparse: no disk is used
    refused = run("ocds", "import", huge, *importer)
    check(refused.returncode != 0 and "The file is 2.0 GB: at most 512 MB" in refused.stderr, f"a 2 GB file is refused: {refused.stderr[-300:]}")
    not_json = os.path.join(folder, "register.csv")
    with open(not_json, "w") as file:
        file.write("Reference,Title\n")
    refused = run("ocds", "import", not_json, *importer)
    check(refused.returncode != 0 and "The file is not JSON" in refused.stderr, f"a file that is not JSON is refused: {refused.stderr[-300:]}")
    nobody = run("ocds", "import", os.path.join(folder, "releases.json"), *by)
    check(nobody.returncode != 0 and "--by" in nobody.stderr, f"an importer who keeps no agreements there is refused: {nobody.stderr[-300:]}")

# Tamper with one event, as someone with direct access to the file could.
with sqlite3.connect(DATABASE) as connection:
    connection.execute("DROP TRIGGER audit_events_no_update")
    connection.execute("UPDATE audit_events SET actor_label = 'someone else' WHERE sequence = 3")
broken = run("audit", "verify")
check(broken.returncode != 0 and "Audit event 3" in broken.stderr and "altered" in broken.stderr,
      f"audit verify names the altered event: {broken.stdout}{broken.stderr}")

sys.exit(check.finish())
