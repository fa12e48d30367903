"""The API checks itself against its own description: the OpenAPI document validates (openapi-spec-validator),
and a bounded schemathesis run (five generated requests an operation, derandomised so every run sends the
same ones) as an administrator finds no server error and no response that breaks the document. The two
uploads of CSV files are left out: schemathesis cannot write text/csv bodies. Run by scripts/e2e."""
import os
import re
import subprocess
import sys

import requests
from openapi_spec_validator import validate

from checks import Checks

BASE = os.environ["COMMISSIONER_URL"].rstrip("/")
TOKEN = os.environ["API_TOKEN"]
check = Checks("api contract")

document = requests.get(BASE + "/api/v1/openapi.json")
check(document.status_code == 200, f"the OpenAPI document is served ({document.status_code})")
try:
    validate(document.json())
    check(True, "")
except Exception as error:  # the validator's own error names the place
    check(False, f"the OpenAPI document validates: {str(error)[:1000]}")

schemathesis = os.path.join(os.path.dirname(sys.executable), "st")
result = subprocess.run(
    [schemathesis, "run", BASE + "/api/v1/openapi.json", "--base-url", BASE, "-H", f"Authorization: Bearer {TOKEN}",
     "--checks", "not_a_server_error,response_schema_conformance", "--hypothesis-max-examples", "5", "--hypothesis-derandomize",
     "--exclude-path", "/api/v1/contracts-register/imports", "--exclude-path", "/api/v1/spend-imports"],
    capture_output=True, text=True, timeout=900)
summary = [line for line in result.stdout.splitlines() if re.search(r"not_a_server_error|response_schema_conformance|passed|failed", line)]
check(result.returncode == 0, "schemathesis finds no server error and no response outside the document:\n" + result.stdout[-4000:])
operations = re.search(r"(\d+) passed", result.stdout)
check(operations is not None and int(operations.group(1)) > 100, f"schemathesis tried every operation: {' / '.join(summary[-3:])}")
print("\n".join(summary[-3:]), flush=True)
sys.exit(check.finish())
