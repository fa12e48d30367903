"""Two server processes on one PostgreSQL database: a user signed in on one is signed in on the other,
and signing out on the second ends the session on the first. Run by scripts/e2e."""
import os
import re
import sys

import requests

from checks import Checks

FIRST = os.environ["FIRST_URL"].rstrip("/")
SECOND = os.environ["SECOND_URL"].rstrip("/")
check = Checks("sessions")


def token(html):
    match = re.search(r'name="csrfToken" value="([^"]+)"', html)
    return match.group(1) if match else ""


session = requests.Session()
page = session.get(FIRST + "/sign-in")
signed_in = session.post(FIRST + "/sign-in", data={
    "email": "scrutiny@demo.commissioner.example", "password": "commissioner-demo", "csrfToken": token(page.text),
}, allow_redirects=False)
check(signed_in.status_code == 303, f"signing in on the first server answered {signed_in.status_code}")
home = session.get(SECOND + "/", allow_redirects=False)
check(home.status_code == 200 and "Scrutiny, Public Accounts Committee" in home.text,
      f"the second server knows the user signed in on the first (answered {home.status_code})")
signed_out = session.post(SECOND + "/sign-out", data={"csrfToken": token(home.text)}, allow_redirects=False)
check(signed_out.status_code == 303, "signing out on the second server")
after = session.get(FIRST + "/", allow_redirects=False)
check(after.status_code == 303, "after signing out on the second server, the first sends the user to sign in")
sys.exit(check.finish())
