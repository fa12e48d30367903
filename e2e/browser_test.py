"""In a real browser: the demo administrator adds an organisation and a user, signs out, and the new
user signs in. Every page visited must pass axe-core with no serious or critical violation.

Run by scripts/e2e, which starts the server. Needs COMMISSIONER_URL, AXE_JS and a chromedriver."""
import datetime
import os
import tempfile
import sys
import traceback
import uuid

from checks import Checks

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["COMMISSIONER_URL"].rstrip("/")
AXE = open(os.environ["AXE_JS"], encoding="utf-8").read()
SHOTS = os.environ.get("SCREENSHOTS")
ADMIN = "administrator@demo.commissioner.example"
PASSWORD = "commissioner-demo"

check = Checks("browser")


def audit_accessibility(driver, name):
    """Runs axe-core on the page; serious and critical violations fail."""
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r)).catch(e => done({error: String(e)}));"
    )
    if "error" in result:
        check(False, f"axe could not run on {name}: {result['error']}")
        return
    bad = [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        nodes = ", ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in violation["nodes"][:3])
        print(f"  axe {violation['impact']}: {violation['id']} on {name}: {violation['help']} ({nodes})", flush=True)
    check(not bad, f"{name} has {len(bad)} serious or critical accessibility violations")
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def fill(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def choose(driver, name, visible_text_start):
    select = Select(driver.find_element(By.NAME, name))
    for option in select.options:
        if option.text.startswith(visible_text_start):
            select.select_by_visible_text(option.text)
            return
    raise AssertionError(f"no option starting {visible_text_start!r} in {name}")


def navigate(driver, click):
    """Clicks, then waits until the next page has replaced this one."""
    driver.execute_script("window.commissionerPreviousPage = true")
    click()
    WebDriverWait(driver, 15).until(lambda d: d.execute_script(
        "return window.commissionerPreviousPage === undefined && document.readyState === 'complete'"))


def submit(driver):
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click)


def follow(driver, text):
    navigate(driver, driver.find_element(By.LINK_TEXT, text).click)


def sign_in(driver, email, password):
    driver.get(BASE + "/sign-in")
    fill(driver, "email", email)
    fill(driver, "password", password)
    submit(driver)


def sign_out(driver):
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "header form button[type=submit]").click)


def main():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(30)
    suffix = uuid.uuid4().hex[:6]
    council = f"Stroud District Council {suffix}"
    email = f"head.of.commissioning.{suffix}@stroud.example"
    new_password = "a long enough passphrase"
    try:
        driver.get(BASE + "/sign-in")
        check("Sign in to Commissioner" in driver.page_source, "the sign-in page shows its heading")
        audit_accessibility(driver, "01-sign-in")

        fill(driver, "email", ADMIN)
        fill(driver, "password", "wrong password")
        submit(driver)
        check("The email address or password is incorrect" in driver.page_source, "a wrong password is explained")
        audit_accessibility(driver, "02-sign-in-error")

        sign_in(driver, ADMIN, PASSWORD)
        check(driver.current_url.rstrip("/") == BASE, f"signing in lands on the home page, not {driver.current_url}")
        check("Administrator, Government of Jersey" in driver.page_source, "the home page says who is signed in")
        audit_accessibility(driver, "03-home")

        follow(driver, "Organisations")
        audit_accessibility(driver, "04-organisations")
        follow(driver, "Add an organisation")
        submit(driver)
        check("There is a problem" in driver.page_source, "an empty form is answered with an error summary")
        audit_accessibility(driver, "05-new-organisation-errors")
        fill(driver, "name", council)
        choose(driver, "kind", "Commissioning body")
        submit(driver)
        check(council in driver.find_element(By.TAG_NAME, "h1").text, "the new organisation's page opens")
        audit_accessibility(driver, "06-organisation")

        follow(driver, "Users")
        audit_accessibility(driver, "07-users")
        follow(driver, "Add a user")
        fill(driver, "email", email)
        fill(driver, "displayName", f"Head of Commissioning, {council}")
        fill(driver, "password", new_password)
        choose(driver, "organisationID", council)
        choose(driver, "role", "Commissioning lead")
        audit_accessibility(driver, "08-new-user")
        submit(driver)
        check(f"Head of Commissioning, {council}" in driver.find_element(By.TAG_NAME, "h1").text, "the new user's page opens")
        check("Commissioning lead" in driver.page_source, "the new user holds the role")
        audit_accessibility(driver, "09-user")

        follow(driver, "Audit trail")
        check(council in driver.page_source, "the audit trail shows the new organisation")
        audit_accessibility(driver, "10-audit-trail")
        follow(driver, "API tokens")
        audit_accessibility(driver, "11-api-tokens")

        follow(driver, "Commissioning activities")
        check("Community nursing recommissioning" in driver.page_source, "the board shows the demo's activities")
        audit_accessibility(driver, "11a-activities")
        follow(driver, "Community nursing recommissioning")
        check("cannot be waived" in driver.page_source, "the activity page shows its gate as a task list")
        audit_accessibility(driver, "11b-activity")

        sign_out(driver)
        check("/sign-in" in driver.current_url, "signing out returns to the sign-in page")

        # The commissioning lead records the decision to commission community nursing; the approver approves it.
        sign_in(driver, "commissioning-lead@demo.commissioner.example", PASSWORD)
        driver.get(BASE + "/activities?view=table")
        check("Shown as a table" in driver.page_source, "the board shows as a table")
        audit_accessibility(driver, "13-activities-table")
        follow(driver, "Community nursing recommissioning")
        follow(driver, "Summary of Findings: community nursing")
        check("Every acronym used" in driver.page_source, "the Summary of Findings passes its plain-English check")
        audit_accessibility(driver, "14-document")
        driver.back()
        follow(driver, "Needs Analysis: community nursing")
        follow(driver, "Address the nine considerations")
        audit_accessibility(driver, "15-needs-analysis")
        driver.back()
        driver.back()
        links = [link.get_attribute("href") for link in driver.find_elements(By.TAG_NAME, "a")]
        evidence = next(href for href in links if "/evidence/" in href and not href.endswith("/new"))
        outcome = next(href for href in links if "/outcomes/" in href and not href.endswith("/new"))
        driver.get(evidence)
        check("Change evidence" in driver.page_source and "Remove the evidence" in driver.page_source, "an item of evidence can be corrected or removed")
        audit_accessibility(driver, "15b-evidence-change")
        driver.get(outcome)
        check("Change the outcome" in driver.page_source, "an outcome can be changed or removed")
        audit_accessibility(driver, "15c-outcome-change")
        activity_url = outcome.split("/outcomes/")[0]
        driver.get(activity_url + "/appraisal")
        check("is the robust choice" in driver.page_source and "<svg" in driver.page_source,
              "the delivery analysis shows its ranking, robustness and charts")
        audit_accessibility(driver, "15d-appraisal")
        driver.get(activity_url + "/appraisal/scores")
        check("Score the options" in driver.page_source, "the options can be scored with reasons")
        audit_accessibility(driver, "15e-appraisal-scores")
        driver.get(activity_url + "/appraisal")
        follow(driver, "Partnership with on-island providers")
        check("Commercial model" in driver.page_source and "For members" in driver.page_source and "0.966184" in driver.page_source,
              "an option's page shows its commercial model and its economics year by year")
        audit_accessibility(driver, "15f-appraisal-option")
        follow(driver, "Change the commercial model")
        check("Staff transfer and pension liability" in driver.page_source, "the commercial model is written heading by heading")
        audit_accessibility(driver, "15g-commercial-model")
        driver.get(activity_url + "/business-case")
        check("Management case" in driver.page_source and "Download as Word" in driver.page_source,
              "the business case is assembled from the records in the five cases")
        audit_accessibility(driver, "15h-business-case")
        driver.get(BASE + "/providers?size=medium")
        check("Jersey Hospice Care" in driver.page_source and "Download these providers as CSV" in driver.page_source,
              "the provider directory filters by size")
        audit_accessibility(driver, "15i-providers")
        follow(driver, "Jersey Hospice Care")
        check("Approved list" in driver.page_source, "a provider's directory entry shows its standing")
        audit_accessibility(driver, "15j-provider")
        driver.get(activity_url)
        follow(driver, "Record the decision")
        submit(driver)
        check("There is a problem" in driver.page_source, "an empty decision is answered with an error summary")
        audit_accessibility(driver, "16-decision-errors")
        fill(driver, "decided", "Recommission community nursing through competition")
        for option in ("internal", "external-contract", "partnership", "decommission"):
            box = driver.find_element(By.NAME, f"optionsConsidered-{option}")
            if not box.is_selected():
                box.click()
        choose(driver, "chosen", "External contract")
        fill(driver, "rationale", "Best outcomes for Islanders for the money, after market testing")
        fill(driver, "decisionMaker", "Health and Care Board")
        fill(driver, "decidedOn", "2026-11-20")
        fill(driver, "conflictsOfInterest", "None declared")
        submit(driver)
        check("Awaiting approval" in driver.page_source, "the decision is recorded and awaits approval")
        audit_accessibility(driver, "17-decision")
        decision_url = driver.current_url
        follow(driver, "Strategies")
        audit_accessibility(driver, "18-strategies")
        follow(driver, "Commissioning and partnership strategy 2022–2025")
        check("Every section of the minimum requirements is written" in driver.page_source, "the demo strategy is complete")
        audit_accessibility(driver, "19-strategy")
        sign_out(driver)

        sign_in(driver, "approver@demo.commissioner.example", PASSWORD)
        driver.get(decision_url)
        choose(driver, "verdict", "Approved")
        fill(driver, "body", "Health and Care Board")
        fill(driver, "decidedOn", "2026-11-21")
        audit_accessibility(driver, "20-decision-to-approve")
        submit(driver)
        check("Approved" in driver.find_element(By.CSS_SELECTOR, "main .tag").text, "the approver's ruling shows the decision approved")
        driver.get(decision_url.split("/decisions/")[0] + "/move")
        check("Forward to step 5" in driver.page_source, "the move page shows the gate to procurement")
        audit_accessibility(driver, "21-move")
        sign_out(driver)

        # A provider sends its return; the contract manager verifies it.
        sign_in(driver, "provider@demo.commissioner.example", PASSWORD)
        follow(driver, "Agreements")
        check("Specialist palliative" not in driver.page_source, "a provider sees only its own agreements")
        audit_accessibility(driver, "22-provider-agreements")
        follow(driver, "Home care and community nursing")
        check("At least one KPI is outcome-based." in driver.page_source, "the contract page says its KPIs include an outcome-based one")
        audit_accessibility(driver, "23-agreement-performance")
        follow(driver, "Visits started within 15 minutes of the planned time")
        check("<svg class=\"chart\"" in driver.page_source and "Verified (sent late)" in driver.page_source, "a KPI's page shows its trend and late returns")
        audit_accessibility(driver, "24-kpi")
        follow(driver, "The agreement's returns, period by period")
        audit_accessibility(driver, "25-returns")
        # The latest period that has ended: the list runs latest first and includes the periods still running.
        today = datetime.date.today().isoformat()
        ended = [a for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='period=']") if a.get_attribute("href").split("period=")[1] < today]
        navigate(driver, ended[0].click)
        return_url = driver.current_url
        audit_accessibility(driver, "26-return-to-send")
        fields = [f.get_attribute("name") for f in driver.find_elements(By.CSS_SELECTOR, "input[name^='value-']")]
        fill(driver, fields[0], "not a number")
        submit(driver)
        check("as a number" in driver.page_source and "There is a problem" in driver.page_source, "a bad value is refused naming the KPI")
        audit_accessibility(driver, "27-return-errors")
        fill(driver, fields[0], "95.2")
        submit(driver)
        check("95.2%" in driver.page_source, "the return is sent")
        follow(driver, "HCS-2024-031 Home care and community nursing")
        navigate(driver, driver.find_element(By.XPATH, "//main//a[contains(., 'annual evaluation')]").click)
        check("Your comment" in driver.page_source, "the provider may comment on the review shared with it")
        audit_accessibility(driver, "29-review-to-comment")
        fill(driver, "comment", "We accept the improvement plan.")
        submit(driver)
        check("We accept the improvement plan." in driver.page_source, "the provider's comment stays on the review")
        sign_out(driver)

        sign_in(driver, "contract-manager@demo.commissioner.example", PASSWORD)
        driver.get(return_url)
        check("Check the values" in driver.page_source, "the contract manager sees the values to check")
        audit_accessibility(driver, "28-return-to-check")
        verdict = driver.find_elements(By.CSS_SELECTOR, "select[name^='verdict-']")[0]
        Select(verdict).select_by_value("verify")
        navigate(driver, verdict.find_element(By.XPATH, "./ancestor::form//button[@type='submit']").click)
        check("Correct the verified value" in driver.page_source, "the value is verified and can now only be corrected")
        follow(driver, "HCS-2024-031 Home care and community nursing")
        check("Review schedule" in driver.page_source, "the contract page shows the review schedule")
        follow(driver, "Record a review")
        audit_accessibility(driver, "30-review-form")
        submit(driver)
        check("There is a problem" in driver.page_source and "Summarise the review" in driver.page_source, "an empty review is refused naming what is missing")
        audit_accessibility(driver, "31-review-errors")
        follow(driver, "Risks")
        check("<table class=\"heat-map\">" in driver.page_source, "the risk registers show the heat map")
        audit_accessibility(driver, "32-risks")
        navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "The provider cannot staff every commissioned home care visit").click)
        check("Review history" in driver.page_source and "Joint recruitment campaign" in driver.page_source, "a risk shows its mitigations and history")
        review_button = driver.find_element(By.XPATH, "//main//form[contains(@action, '/reviews')]//button[@type='submit']")
        navigate(driver, review_button.click)
        check("Say what the review found" in driver.page_source, "a review without a note is refused")
        audit_accessibility(driver, "33-risk-review-errors")
        fill(driver, "note", "Eight posts filled; the rate review is with the budget holder.")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/reviews')]//button[@type='submit']").click)
        check("Eight posts filled" in driver.page_source, "the review joins the risk's history")
        follow(driver, "Renewals")
        check("Renewals pipeline" in driver.page_source and "chart-timeline" in driver.page_source, "the pipeline shows its timeline")
        audit_accessibility(driver, "34-renewals")
        follow(driver, "Agreements")
        follow(driver, "The contracts register (Transparency Code)")
        check("Competitive flexible procedure" in driver.page_source, "the contracts register shows how each agreement was procured")
        audit_accessibility(driver, "36-contracts-register")
        driver.get(BASE + "/rationalisation")
        check("Overlapping pairs (3)" in driver.page_source, "the rationalisation view finds the overlapping off-island contracts")
        audit_accessibility(driver, "37-rationalisation")
        driver.get(BASE + "/calendar")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/calendar')]//button").click)
        check("/calendar/cal_" in driver.page_source, "the calendar address is shown once")
        audit_accessibility(driver, "38-calendar")
        sign_out(driver)

        # The commissioning lead starts recommissioning a contract whose start date has passed.
        sign_in(driver, "commissioning-lead@demo.commissioner.example", PASSWORD)
        driver.get(BASE + "/renewals?standing=late")
        navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Specialist palliative and end-of-life care").click)
        check("Start recommissioning by" in driver.page_source, "the agreement says when recommissioning must start")
        audit_accessibility(driver, "35-agreement-renewal")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/recommissioning')]//button").click)
        check("Agreements this activity recommissions" in driver.page_source and "Contract renewal" in driver.page_source,
              "one action starts the recommissioning activity, linked back to the agreement")
        sign_out(driver)

        # The budget holder imports the next quarter's spend file and clears a supplier from the queue.
        sign_in(driver, "budget-holder@demo.commissioner.example", PASSWORD)
        follow(driver, "Spend")
        check("Agreements with payments matched to them (3)" in driver.page_source, "spend is shown against the agreements it pays for (the confidential grant's only to those with a part in it)")
        audit_accessibility(driver, "39-spend")
        follow(driver, "Import a spend file")
        audit_accessibility(driver, "40-spend-upload")
        spend_file = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch('/spend/demo-spend-file.csv').then(r => r.text()).then(done).catch(e => done(''));")
        check(spend_file.startswith("Body Name,"), "the demo offers its next spend file")
        path = os.path.join(tempfile.mkdtemp(), "hcs-spend-q3.csv")
        with open(path, "w", encoding="utf-8") as file:
            file.write(spend_file)
        choose(driver, "organisationId", "Health and Community Services")
        driver.find_element(By.NAME, "file").send_keys(path)
        submit(driver)
        check("Check the columns of hcs-spend-q3.csv" in driver.page_source and "Reads as 5 October 2025" in driver.page_source,
              "an uploaded file's columns and first rows are shown before anything is imported")
        audit_accessibility(driver, "41-spend-preview")
        submit(driver)
        WebDriverWait(driver, 30).until(lambda d: "/spend/imports/" in d.current_url)
        check("Payments (22)" in driver.page_source, "the file is imported, its progress shown until it is done")
        audit_accessibility(driver, "42-spend-import")
        follow(driver, "Match waiting payments")
        audit_accessibility(driver, "43-spend-queue")
        row = driver.find_element(By.XPATH, "//main//tr[td[contains(., 'Jersey Electricity plc')]]")
        row.find_element(By.XPATH, ".//input[@name='reason']").send_keys("Electricity for the hospital sites: not spend against an agreement")
        navigate(driver, row.find_element(By.XPATH, ".//form[.//input[@value='set-aside']]//button").click)
        check("Decision recorded: 9 payments left the queue" in driver.page_source, "a supplier's payments are set aside with a reason")
        sign_out(driver)

        # The contract manager brings in agreements already held, from a contracts register.
        sign_in(driver, "contract-manager@demo.commissioner.example", PASSWORD)
        driver.get(BASE + "/contracts-register")
        follow(driver, "Import a contracts register")
        audit_accessibility(driver, "44-register-upload")
        register_file = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch('/contracts-register/demo-register.csv').then(r => r.text()).then(done).catch(e => done(''));")
        check(register_file.startswith("Contract Ref,"), "the demo offers a contracts register to import")
        path = os.path.join(tempfile.mkdtemp(), "hcs-register.csv")
        with open(path, "w", encoding="utf-8") as file:
            file.write(register_file)
        choose(driver, "organisationId", "Health and Community Services")
        driver.find_element(By.NAME, "file").send_keys(path)
        submit(driver)
        check("Every line can be imported" in driver.page_source and "Carers Jersey (illustrative)" in driver.page_source,
              "every line of the register is checked, and the providers it would add are named, before anything is imported")
        audit_accessibility(driver, "45-register-preview")
        submit(driver)
        WebDriverWait(driver, 30).until(lambda d: "/contracts-register/imports/" in d.current_url)
        check("Agreements added" in driver.page_source and "Independent mental health advocacy" in driver.page_source,
              "the register's agreements are imported and listed with the import")
        audit_accessibility(driver, "46-register-import")
        sign_out(driver)

        # Scrutiny keeps its watching brief on the auditor's recommendations, and judges the evidence attached.
        sign_in(driver, "scrutiny@demo.commissioner.example", PASSWORD)
        follow(driver, "Recommendations")
        check("Recommendations (9)" in driver.page_source and "Claimed, awaiting evidence" in driver.page_source,
              "the auditor's nine recommendations, most claimed as addressed without evidence")
        audit_accessibility(driver, "47-recommendations")
        follow(driver, "The watching brief")
        check("Overdue actions (3)" in driver.page_source, "the watching brief lists the improvement plan's overdue actions")
        audit_accessibility(driver, "48-watching-brief")
        navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Implement a systematic approach").click)
        check("Evidence awaiting acceptance" in driver.page_source and "Record the decision" in driver.page_source,
              "scrutiny is asked to decide on the evidence attached")
        audit_accessibility(driver, "49-recommendation")
        r6_url = driver.current_url
        choose(driver, "decision", "Do not accept it")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/decision')]//button[@type='submit']").click)
        check("Say why the evidence is not accepted" in driver.page_source, "evidence is not turned down without a reason")
        audit_accessibility(driver, "50-recommendation-errors")
        # The accountability register, as the response to R3 states it, with the gap the committee would look for.
        driver.get(BASE + "/accountability")
        check("Chief Officer for CLS" in driver.page_source and "Nobody accountable" in driver.page_source,
              "the register shows who is accountable for long-term care, and flags adult social care with nobody accountable")
        audit_accessibility(driver, "50a-accountability-register")
        follow(driver, "Adult social care")
        check("Home care and community nursing" in driver.page_source, "the area lists its live agreement")
        audit_accessibility(driver, "50b-commissioning-area")
        driver.get(r6_url)
        # Scrutiny asks, in confidence, for an example of the contract reviews.
        driver.find_element(By.XPATH, "//summary[contains(., 'Ask for a briefing or an example')]").click()
        choose(driver, "kind", "Example")
        fill(driver, "request", "Show us, in confidence, one contract review held on the standard agenda.")
        driver.find_element(By.NAME, "inConfidence-yes").click()
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/requests')]//button[@type='submit']").click)
        check("In confidence" in driver.page_source and "one contract review held on the standard agenda" in driver.page_source,
              "scrutiny's request is recorded, marked in confidence")
        sign_out(driver)

        # The commissioning lead answers it, then records a new report and its first recommendation.
        sign_in(driver, "commissioning-lead@demo.commissioner.example", PASSWORD)
        follow(driver, "Recommendations")
        follow(driver, "The reports")
        audit_accessibility(driver, "51-audit-reports")
        follow(driver, "Commissioning of Services")
        check("Recommendations (9)" in driver.page_source and "Add an action" in driver.page_source,
              "the report's page lists its recommendations and lets the keepers add to its plan")
        audit_accessibility(driver, "52-audit-report")
        navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Implement a systematic approach").click)
        answer = driver.find_element(By.XPATH, "//main//form[contains(@action, '/answer')]//textarea[@name='answer']")
        answer.send_keys("The review of the hospice agreement, held in March: /agreements?text=hospice")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/answer')]//button[@type='submit']").click)
        check("Answered by" in driver.page_source and "The review of the hospice agreement" in driver.page_source,
              "the request is answered, and the keepers read their answer")
        audit_accessibility(driver, "53-request-answered")
        driver.get(BASE + "/audit-reports/new")
        fill(driver, "title", "Follow-up of Commissioning of Services")
        submit(driver)
        check("There is a problem" in driver.page_source and "reference, for example R.124/2024" in driver.page_source,
              "a report without its reference is refused, naming the field")
        audit_accessibility(driver, "54-new-report-errors")
        fill(driver, "authorBody", "Comptroller and Auditor General")
        fill(driver, "reference", "R.1/2027")
        fill(driver, "publishedOn", "2027-01-15")
        choose(driver, "respondingOrganisationId", "Government of Jersey")
        choose(driver, "scrutinyOrganisationId", "Public Accounts Committee")
        submit(driver)
        check("/audit-reports/" in driver.current_url and "No recommendations recorded yet." in driver.page_source, "the report is recorded")
        # The lead sees the business-planning stages they are responsible for, and starts next year's commissioning intentions.
        follow(driver, "Intentions")
        follow(driver, "The business-planning calendar")
        check("Commissioning Intentions published" in driver.page_source and ">You<" in driver.page_source,
              "the calendar shows each stage's due day, marked for the stages the lead is responsible for")
        audit_accessibility(driver, "55-planning-calendar")
        driver.get(BASE + "/intentions/new")
        choose(driver, "organisationId", "Health and Community Services")
        fill(driver, "year", "2027")
        submit(driver)
        check("Enter a title" in driver.page_source, "intentions without a title are refused, naming the field")
        audit_accessibility(driver, "56-new-intentions-errors")
        fill(driver, "title", "Health and care commissioning intentions 2027")
        submit(driver)
        check("Add an intention" in driver.page_source and "Draft" in driver.page_source, "the draft is started")
        audit_accessibility(driver, "57-intentions-draft")
        # The lead sees which activities need specialist commercial help, and triages one again.
        follow(driver, "Commissioning activities")
        follow(driver, "Specialist commercial help")
        check("Needed, none named" in driver.page_source and "How activities are scored" in driver.page_source,
              "community nursing needs specialist help and no procurement specialist is named")
        audit_accessibility(driver, "57a-commercial-triage")
        follow(driver, "Review of off-island tertiary care contracts")
        check("How the score was reached" in driver.page_source, "the activity shows how its score was reached")
        follow(driver, "Triage it again")
        driver.find_element(By.NAME, "rationale").clear()
        submit(driver)
        check("Say what the judgements rest on" in driver.page_source, "a triage without its reasons is refused, naming the field")
        audit_accessibility(driver, "57b-triage-errors")
        fill(driver, "rationale", "Two of the five contracts end next year; the others are rolled forward.")
        submit(driver)
        check("Two of the five contracts end next year" in driver.page_source and "/activities/" in driver.current_url,
              "the triage is saved and shown on the activity")
        # The lead reads the engagement log, records a meeting, and checks who has not been engaged.
        follow(driver, "Engagement")
        check("Health and care partnership group" in driver.page_source and "Les Amis" in driver.page_source,
              "the log lists the quarter's engagement, with who opted out")
        audit_accessibility(driver, "57c-engagement-log")
        follow(driver, "Record an engagement")
        choose(driver, "organisationId", "Health and Community Services")
        choose(driver, "kind", "Contract meeting")
        fill(driver, "title", "Quarterly contract meeting – refuge")
        fill(driver, "heldOn", "2026-11-20")
        submit(driver)
        check("Say what was heard" in driver.page_source, "an engagement without what was heard is refused, naming the field")
        audit_accessibility(driver, "57d-new-engagement-errors")
        fill(driver, "heard", "Demand for places is up on last year; the refuge asked for a review of the unit price.")
        submit(driver)
        check("Demand for places is up" in driver.page_source and "No providers recorded." in driver.page_source, "the engagement is recorded")
        driver.find_element(By.XPATH, "//summary[contains(., 'Add a provider')]").click()
        choose(driver, "providerId", "Jersey Women's Refuge")
        choose(driver, "participation", "Took part")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[contains(@action, '/participants')]//button[@type='submit']").click)
        check("Jersey Women's Refuge" in driver.page_source and "Took part" in driver.page_source, "the provider that took part is recorded")
        audit_accessibility(driver, "57e-engagement")
        driver.get(BASE + "/engagement/coverage")
        check("Smaller partners" in driver.page_source and "Southern Tertiary Hospitals" in driver.page_source,
              "coverage lists the providers with live agreements nobody has engaged")
        audit_accessibility(driver, "57f-engagement-coverage")
        # The lead reviews the organisation's self-assessment against the ten standards, and rates their own skills.
        follow(driver, "Recommendations")
        follow(driver, "Commissioning standards")
        audit_accessibility(driver, "57g-standards")
        follow(driver, "Health and Community Services")
        check("Standard 10" in driver.page_source and "Cost every directly provided service" in driver.page_source,
              "the self-assessment shows each standard's rating, evidence and action")
        audit_accessibility(driver, "57h-standards-assessment")
        follow(driver, "Rate the standards")
        driver.find_element(By.NAME, "standard1-evidence").clear()
        submit(driver)
        check("Link the records that show standard 1 is largely met" in driver.page_source, "a rating without its evidence is refused")
        audit_accessibility(driver, "57i-standards-errors")
        driver.get(BASE + "/skills")
        choose(driver, "stimulate-market-level", "3: Competent")
        submit(driver)
        check("Skills audit" in driver.page_source and "Stimulate the market" in driver.page_source, "the ratings are saved and the summary shown")
        audit_accessibility(driver, "57j-skills-summary")
        # The lead prepares a month's board report for the department, checks the draft and issues it.
        follow(driver, "Board reports")
        check("Government of Jersey: board report, November 2026" in driver.page_source, "the demo's issued report is listed")
        audit_accessibility(driver, "57k-board-reports")
        choose(driver, "organisationId", "Health and Community Services")
        fill(driver, "month", "2026-13")
        submit(driver)
        check("Enter the month as YYYY-MM" in driver.page_source, "a month badly written is refused, naming the field")
        audit_accessibility(driver, "57l-board-report-errors")
        fill(driver, "month", "2026-10")
        submit(driver)
        check("Health and Community Services: board report, October 2026" in driver.page_source and "Top risks and their movement" in driver.page_source,
              "the month's draft is assembled from the records")
        audit_accessibility(driver, "57m-board-report-draft")
        navigate(driver, driver.find_element(By.XPATH, "//main//form[@method='post']//button[@type='submit']").click)
        check("This is the report as the board saw it" in driver.page_source and "Download it as Word" in driver.page_source,
              "the report is issued and kept as it was")
        audit_accessibility(driver, "57n-board-report-issued")
        # The lead checks the Procurement Act lists, and the open data checklist of a published contract.
        driver.get(BASE + "/agreements/procurement-act")
        check("Fewer than three KPIs" in driver.page_source and "OIT-2022-003" in driver.page_source, "contracts over £5m without three KPIs are listed")
        audit_accessibility(driver, "57o-procurement-act")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Not assessed in the last 12 months").click()
        check("HCS-2024-031" in driver.page_source, "a contract not assessed for 12 months is listed")
        follow(driver, "HCS-2024-031: Home care and community nursing")
        follow(driver, "Open data checklist")
        check("Open data: redaction checklist" in driver.page_source and "Never published" in driver.page_source, "the checklist shows what is published")
        audit_accessibility(driver, "57p-open-data-checklist")
        driver.find_element(By.NAME, "withhold-payments").click()
        navigate(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Approve again with these choices']").click)
        check("Give the reason payments from the spend records is withheld" in driver.page_source, "withholding without a reason is refused")
        audit_accessibility(driver, "57q-open-data-checklist-errors")
        driver.get(BASE + "/open-data/imports/new")
        check("Import OCDS data" in driver.page_source, "the OCDS import form")
        audit_accessibility(driver, "57r-ocds-import")
        sign_out(driver)

        # Anyone reads the open data page.
        driver.get(BASE + "/open-data")
        check("Open Government Licence v3.0" in driver.page_source and "Contracts register" in driver.page_source, "the open data page is public")
        audit_accessibility(driver, "57s-open-data")

        # Anyone, signed in or not, reads the published intentions and follows their feed.
        driver.get(BASE + "/intentions")
        check("Health and care commissioning intentions 2025" in driver.page_source and "intentions 2027" not in driver.page_source,
              "the public page lists the published intentions and not the draft")
        audit_accessibility(driver, "58-public-intentions")
        follow(driver, "Health and care commissioning intentions 2025")
        check("To move resources to meet the health and care needs of Islanders" in driver.page_source and "HCS Board" in driver.page_source,
              "the published intentions are open to everyone")
        audit_accessibility(driver, "59-published-intentions")

        sign_in(driver, email, new_password)
        check(f"Head of Commissioning, {council}" in driver.page_source, "the new user signs in and sees their name")
        check(council in driver.page_source, "the new user sees their organisation")
        check(">Users<" not in driver.page_source, "the new user does not see the administrators' areas")
        audit_accessibility(driver, "12-new-user-home")
    except Exception as error:  # a step that could not be taken is a failure, not a crash
        traceback.print_exc()
        check(False, f"the browser flow stopped: {error!r}")
    finally:
        driver.quit()
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
