"""Made-up OCDS releases that exercise the merge rules: identifiers written as numbers and as text,
duplicates within one release, objects without an id, whole lists, nulls, whole and decimal numbers."""
import random


def release_package(count, seed):
    chance = random.Random(seed)
    processes = max(1, count // 10)
    releases = []
    for number in range(count):
        release = {"ocid": f"ocds-test-{chance.randrange(processes):05d}", "id": f"r{number}",
                   "date": f"2026-{chance.randint(1, 12):02d}-{chance.randint(1, 28):02d}T00:00:00Z",
                   "tag": [chance.choice(["tender", "award", "contract", "implementation", "tenderUpdate"])], "initiationType": "tender"}
        if chance.random() < 0.7:
            release["tender"] = {
                "id": "t", "title": chance.choice(["Home care", "Day care", None, "Meals"]), "description": chance.choice(["d", None]),
                "status": chance.choice(["planned", "active", "complete"]),
                "value": {"amount": chance.choice([100, 100.0, 250.5, 3]), "currency": "GBP"},
                "submissionMethod": chance.sample(["electronicSubmission", "written", "inPerson"], chance.randint(0, 2)),
                "items": [{"id": str(chance.randint(1, 3)), "description": chance.choice(["a", "b"]), "quantity": chance.randint(1, 5)}
                          for _ in range(chance.randint(0, 3))]}
        if chance.random() < 0.5:
            release["parties"] = [{"id": f"p{chance.randint(1, 3)}", "name": chance.choice(["Alpha", "Beta"]),
                                   "roles": chance.sample(["buyer", "supplier", "payer"], chance.randint(1, 2)),
                                   "additionalIdentifiers": [{"scheme": "GB-COH", "id": str(chance.randint(1, 9))}]}
                                  for _ in range(chance.randint(1, 3))]
        if chance.random() < 0.4:
            release["awards"] = [{"id": chance.choice([1, "1", "2"]), "status": chance.choice(["pending", "active"]),
                                  "suppliers": [{"id": f"p{chance.randint(1, 3)}", "name": "S"}], "value": {"amount": chance.randint(1, 9)}}]
        if chance.random() < 0.3:
            release["contracts"] = [{"id": "c1", "awardID": "1", "implementation": {
                "transactions": [{"id": f"tx{chance.randint(1, 4)}", "value": {"amount": chance.randint(1, 99)}}]}}]
        if chance.random() < 0.2:
            release["notes"] = [{"text": chance.choice(["x", "y"])}]
        if chance.random() < 0.3:
            release["buyer"] = {"id": "p1", "name": "Buyer"}
        releases.append(release)
    return {"uri": "https://example.org/releases.json", "publisher": {"name": "Test"}, "publishedDate": "2026-12-04T00:00:00Z",
            "version": "1.1", "releases": releases}
