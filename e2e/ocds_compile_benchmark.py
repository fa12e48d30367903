"""Times `commissioner ocds compile --versioned` against the reference merges on PyPI, on the same input in the
same run: ocdsmerge (Python) and ocdsmerge-rs (Rust, which needs its releases sorted by date, so the input is
written sorted). All three are given the local release schema, so none makes a network call. Prints each one's
time and peak memory, the ratios, and how many contracting processes' records agree with ocdsmerge's.
Usage: ocds_compile_benchmark.py BINARY RELEASES PROCESSES WORKDIR"""
import json
import os
import resource
import subprocess
import sys
import time
import warnings
from collections import OrderedDict

from ocds_releases import release_package

binary, count, processes, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "CommissionerDomain", "OpenData", "Schemas",
                           "ocds-1.1.5-release-schema.json")
package = release_package(count, seed=7)
for release in package["releases"]:  # the wanted number of processes
    release["ocid"] = f"ocds-test-{int(release['ocid'].rsplit('-', 1)[1]) % processes:05d}"
package["releases"].sort(key=lambda release: release["date"])
source = os.path.join(work, "releases.json")
with open(source, "w") as file:
    json.dump(package, file)
print(f"{count} releases across {len({r['ocid'] for r in package['releases']})} processes, {os.path.getsize(source) // 1048576} MB, sorted by date")


def timed(label, command):
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{label} failed: {result.stderr[-2000:]}")
    peak = int(result.stderr.strip().splitlines()[-1]) // 1024
    print(f"{label}: {seconds:.1f} s, peak RSS {peak} MB", flush=True)
    return seconds


ours = os.path.join(work, "ours.json")
commissioner = timed("commissioner ocds compile --versioned", ["sh", "-c", f'"{binary}" ocds compile --versioned --schema "{schema_path}" "{source}" > "{ours}" 2>/dev/null'])
python = sys.executable
reference = os.path.join(work, "ocdsmerge.json")
rust = os.path.join(work, "ocdsmerge-rs.json")
runner = os.path.join(work, "merge.py")
with open(runner, "w") as file:
    file.write('''
import json, sys, warnings
from collections import OrderedDict
warnings.simplefilter("ignore")
which, schema_path, source, target = sys.argv[1:5]
schema = json.load(open(schema_path))
if which == "ocdsmerge":
    import ocdsmerge
    merger = ocdsmerge.Merger(schema=schema)
else:
    import ocdsmerge_rs
    merger = ocdsmerge_rs.Merger(rules=ocdsmerge_rs.Merger.get_rules(ocdsmerge_rs.Merger.dereference(schema)))
by = OrderedDict()
for release in json.load(open(source))["releases"]:
    by.setdefault(release["ocid"], []).append(release)
records = [{"ocid": ocid, "compiledRelease": merger.create_compiled_release(releases), "versionedRelease": merger.create_versioned_release(releases)}
           for ocid, releases in by.items()]
json.dump({"records": records}, open(target, "w"))
''')
python_seconds = timed("ocdsmerge 0.8.0 (Python)", [python, runner, "ocdsmerge", schema_path, source, reference])
rust_seconds = timed("ocdsmerge-rs 0.1.6 (Rust)", [python, runner, "ocdsmerge-rs", schema_path, source, rust])
print(f"ratios: ocdsmerge takes {python_seconds / commissioner:.2f}× Commissioner's time; ocdsmerge-rs takes {rust_seconds / commissioner:.2f}× "
      f"({'Commissioner faster' if commissioner < rust_seconds else 'ocdsmerge-rs faster'})")


def records(path):
    with open(path) as file:
        return {record["ocid"]: record for record in json.load(file)["records"]}


expected, mine, theirs = records(reference), records(ours), records(rust)
agree = sum(1 for ocid, record in expected.items()
            if mine.get(ocid, {}).get("compiledRelease") == record["compiledRelease"] and mine[ocid].get("versionedRelease") == record["versionedRelease"])
rust_agree = sum(1 for ocid, record in expected.items()
                 if theirs.get(ocid, {}).get("compiledRelease") == record["compiledRelease"] and theirs[ocid].get("versionedRelease") == record["versionedRelease"])
print(f"output: Commissioner agrees with ocdsmerge on {agree} of {len(expected)} processes; ocdsmerge-rs on {rust_agree} of {len(expected)}")
