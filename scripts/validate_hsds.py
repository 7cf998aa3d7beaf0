#!/usr/bin/env python3
"""Checks an HSDS 3.0 export (`pathways export hsds DIR`) against the HSDS 3.0 JSON schemas.

Usage: scripts/validate_hsds.py DIR [--schemas SCHEMA_DIR] [--allow-extra-keys]

Each known file of DIR (organizations.json, services.json, locations.json, service_at_locations.json,
taxonomies.json, taxonomy_terms.json) must be a JSON array of objects of one kind. Every object is validated with
Draft 2020-12 (the dialect HSDS's openapi.json declares), `$ref`s resolved to the sibling schema files, and the
formats HSDS uses checked (uuid, email, uri, date-time). On top of the schemas, which leave objects open:
- a key the schema does not define is a failure (so private keys cannot leak out), unless --allow-extra-keys;
- ids must be unique within a file, and references between the files must resolve (a service's organization, a
  place's location, an attribute's taxonomy term, a term's taxonomy and parent).

One property from a later HSDS is known: a service's `capacities` (HSDS 3.1 `service_capacity`, which 3.0 lacks and
Pathways exports for bed counts). It is checked against the fields HSDS 3.1 defines for it and its `unit` (written
out below from the 3.1 specification, not copied from it), closed like the rest, and each capacity's `service_id`
must be its service's id.

Every failure is printed as `FILE[INDEX] JSON_PATH: message`. Exit status: 0 when all is valid, 1 on any failure,
2 when the export or the schemas cannot be read.
"""

import argparse
import copy
import datetime
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as e:  # jsonschema before 4.18 has no `referencing`
    sys.exit(f"validate_hsds: needs jsonschema 4.18 or later (python3 -m pip install jsonschema): {e}")

FILES = {
    "organizations.json": "organization.json",
    "services.json": "service.json",
    "locations.json": "location.json",
    "service_at_locations.json": "service_at_location.json",
    "taxonomies.json": "taxonomy.json",
    "taxonomy_terms.json": "taxonomy_term.json",
}
DEFAULT_SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "hsds-3"

# HSDS 3.1's `service_capacity` and its `unit`, as 3.1 defines their fields: the one property of a later version a
# Pathways export carries (a service's `capacities`).
UNIT_31 = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "name": {"type": "string"},
        "scheme": {"type": "string"},
        "identifier": {"type": "string"},
        "uri": {"type": "string", "format": "uri"},
    },
    "required": ["id", "name"],
}
SERVICE_CAPACITY_31 = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "service_id": {"type": "string", "format": "uuid"},
        "unit": UNIT_31,
        "unit_id": {"type": "string", "format": "uuid"},
        "available": {"type": "number"},
        "maximum": {"type": "number"},
        "description": {"type": "string"},
        "updated": {"type": "string", "format": "date-time"},
    },
    "required": ["id", "unit", "available", "updated"],
}

# RFC 3986: an absolute URI has a scheme, and no URI contains spaces or control characters.
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]*$")


def format_checker():
    """The formats HSDS uses. jsonschema checks `uri` and `date-time` only when optional packages are installed;
    here they are always checked, by a plain rule when those packages are missing."""
    checker = copy.deepcopy(jsonschema.Draft202012Validator.FORMAT_CHECKER)
    if "uri" not in checker.checkers:
        checker.checks("uri")(lambda v: not isinstance(v, str) or bool(URI.match(v)))
    if "date-time" not in checker.checkers:

        def date_time(v):
            if not isinstance(v, str):
                return True
            if not re.match(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", v):
                return False
            try:
                datetime.datetime.fromisoformat(v.replace("Z", "+00:00").replace("z", "+00:00"))
            except ValueError:
                return False
            return True

        checker.checks("date-time")(date_time)
    return checker


def load_schemas(folder, closed):
    """Every schema of the folder, keyed by file name; closed: each object rejects keys it does not define."""
    schemas = {}
    for path in sorted(folder.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(schema, dict) or "properties" not in schema:
            continue
        if path.name == "service.json":
            capacity = copy.deepcopy(SERVICE_CAPACITY_31)
            if closed:
                capacity["additionalProperties"] = False
                capacity["properties"]["unit"]["additionalProperties"] = False
            properties = dict(schema["properties"], capacities={"type": "array", "items": capacity})
            schema = dict(schema, properties=properties)
        if closed:
            schema = dict(schema, additionalProperties=False)
        schemas[path.name] = schema
    missing = sorted(set(FILES.values()) - set(schemas))
    if missing:
        raise ValueError(f"{folder} lacks {', '.join(missing)}")
    return schemas


def validators(schemas):
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items()
    )
    checker = format_checker()
    return {
        name: jsonschema.Draft202012Validator(
            # A base URI, so that bare `"$ref": "attribute.json"` resolves to the sibling in the registry.
            dict(schema, **{"$id": name}),
            registry=registry,
            format_checker=checker,
        )
        for name, schema in schemas.items()
    }


def walk(value, path="$"):
    """Every object in a document with its JSON path."""
    if isinstance(value, dict):
        yield path, value
        for k, v in value.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]")


def references(docs, fail):
    """Ids unique per file, and the references between files resolve."""
    ids = {}
    for file, objects in docs.items():
        seen = {}
        for i, obj in enumerate(objects):
            oid = obj.get("id") if isinstance(obj, dict) else None
            if oid in seen:
                fail(file, i, "$.id", f"{oid} is also the id of item {seen[oid]}")
            seen.setdefault(oid, i)
        ids[file] = set(seen)

    def check(file, i, path, value, target, what):
        if target in ids and isinstance(value, str) and value not in ids[target]:
            fail(file, i, path, f"{what} {value} is not in {target}")

    for i, s in enumerate(docs.get("services.json", [])):
        check("services.json", i, "$.organization_id", s.get("organization_id"), "organizations.json", "organization")
        for j, sal in enumerate(s.get("service_at_locations") or []):
            loc = sal.get("location_id") or (sal.get("location") or {}).get("id")
            check("services.json", i, f"$.service_at_locations[{j}]", loc, "locations.json", "location")
        for j, capacity in enumerate(s.get("capacities") or []):
            if isinstance(capacity, dict) and capacity.get("service_id") not in (None, s.get("id")):
                fail("services.json", i, f"$.capacities[{j}].service_id", "is not the id of its service")
    for i, sal in enumerate(docs.get("service_at_locations.json", [])):
        check("service_at_locations.json", i, "$.service_id", sal.get("service_id"), "services.json", "service")
        check("service_at_locations.json", i, "$.location_id", sal.get("location_id"), "locations.json", "location")
    for i, t in enumerate(docs.get("taxonomy_terms.json", [])):
        check("taxonomy_terms.json", i, "$.taxonomy_id", t.get("taxonomy_id"), "taxonomies.json", "taxonomy")
        check("taxonomy_terms.json", i, "$.parent_id", t.get("parent_id"), "taxonomy_terms.json", "parent term")
    for file, objects in docs.items():
        for i, obj in enumerate(objects):
            for path, o in walk(obj):
                term = o.get("taxonomy_term")
                if path.split(".")[-1].startswith("attributes[") and isinstance(term, dict):
                    check(file, i, f"{path}.taxonomy_term.id", term.get("id"), "taxonomy_terms.json", "term")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="the folder `pathways export hsds` wrote")
    parser.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS, help="the HSDS 3.0 schema folder")
    parser.add_argument("--allow-extra-keys", action="store_true", help="accept keys the schemas do not define")
    args = parser.parse_args()

    try:
        checkers = validators(load_schemas(args.schemas, closed=not args.allow_extra_keys))
    except (OSError, ValueError) as e:
        print(f"validate_hsds: cannot read the schemas: {e}", file=sys.stderr)
        return 2
    docs = {}
    for file in FILES:
        path = args.dir / file
        if not path.exists():
            continue
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{file}: not readable JSON: {e}", file=sys.stderr)
            return 2
        if not isinstance(value, list):
            print(f"{file}: must be a JSON array of objects", file=sys.stderr)
            return 2
        docs[file] = value
    if not docs:
        print(f"validate_hsds: {args.dir} has none of {', '.join(FILES)}", file=sys.stderr)
        return 2
    others = sorted(p.name for p in args.dir.glob("*.json") if p.name not in FILES)
    for name in others:
        print(f"{name}: not an HSDS object file, not checked", file=sys.stderr)

    failures = 0

    def fail(file, index, path, message):
        nonlocal failures
        failures += 1
        print(f"{file}[{index}] {path}: {message}")

    for file, objects in docs.items():
        validator = checkers[FILES[file]]
        for i, obj in enumerate(objects):
            for error in sorted(validator.iter_errors(obj), key=lambda e: e.json_path):
                fail(file, i, error.json_path, error.message)
    references(docs, fail)

    total = sum(len(v) for v in docs.values())
    if failures:
        print(f"{failures} failure(s) in {total} objects", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(v)} in {k}" for k, v in docs.items())
    print(f"valid HSDS 3.0: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
