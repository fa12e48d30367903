"""The open-data schemas, read from the copies in e2e/standards (and the release schema the program
carries), never from the network: the OCDS 1.1.5 release schema with the metrics and UK extensions
applied as JSON Merge Patches, the package schemas with their web addresses mapped to those files,
and the 360Giving 1.4.3 schemas (whose package refers to the grant schema at a 1.4.2 address)."""
import copy
import json
import os

from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

HERE = os.path.dirname(os.path.abspath(__file__))
STANDARDS = os.path.join(HERE, "standards")
RELEASE_SCHEMA = os.path.join(HERE, "..", "Sources", "CommissionerDomain", "OpenData", "Schemas", "ocds-1.1.5-release-schema.json")
OCDS_BASE = "https://standard.open-contracting.org/schema/1__1__5/"


def load(*parts):
    with open(os.path.join(STANDARDS, *parts), encoding="utf-8") as file:
        return json.load(file)


def merge_patch(target, patch):
    """RFC 7386: objects merge key by key, null removes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def release_schema():
    with open(RELEASE_SCHEMA, encoding="utf-8") as file:
        schema = json.load(file)
    for extension in ("metrics", "uk"):
        schema = merge_patch(schema, load("ocds-extensions", extension, "release-schema.json"))
    return schema


def versioned_release_schema():
    """The core versioned-release schema, with one change the extensions call for: a party's `details` is an
    open object in the core schema, so its versioned form there is one whole value; the UK extension gives it
    properties, and a merge (ocdsmerge and Commissioner's alike) then versions each property on its own."""
    schema = load("ocds-1.1.5", "versioned-release-validation-schema.json")
    whole = schema["definitions"]["Organization"]["properties"]["details"]
    versioned_property = copy.deepcopy(whole)
    versioned_property["items"]["properties"]["value"] = {}
    schema["definitions"]["Organization"]["properties"]["details"] = {"type": "object", "additionalProperties": versioned_property}
    return schema


def _ocds_registry():
    resources = {
        OCDS_BASE + "release-schema.json": release_schema(),
        OCDS_BASE + "versioned-release-validation-schema.json": versioned_release_schema(),
    }
    return Registry().with_resources((url, Resource.from_contents(contents, default_specification=DRAFT4)) for url, contents in resources.items())


_registry = _ocds_registry()
release_package = Draft4Validator(load("ocds-1.1.5", "release-package-schema.json"), registry=_registry, format_checker=FormatChecker())
record_package = Draft4Validator(load("ocds-1.1.5", "record-package-schema.json"), registry=_registry, format_checker=FormatChecker())

_grant = load("360giving-1.4.3", "360-giving-schema.json")
_giving_registry = Registry().with_resources(
    (url, Resource.from_contents(_grant, default_specification=DRAFT202012))
    for url in ("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json",
                "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json"))
grant_package = Draft202012Validator(load("360giving-1.4.3", "360-giving-package-schema.json"), registry=_giving_registry, format_checker=FormatChecker())


def problems(validator, document, limit=5):
    """The first few problems, each as 'path: message'."""
    found = []
    for error in validator.iter_errors(document):
        found.append("/".join(str(part) for part in error.absolute_path) + ": " + error.message[:300])
        if len(found) >= limit:
            break
    return found
