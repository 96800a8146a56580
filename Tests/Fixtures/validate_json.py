"""Validates HeartDesk JSON output against docs/schemas/heartdesk-json.schema.json.

usage: validate_json.py SCHEMA DEFINITION [--lines] < OUTPUT
Reads one JSON document from stdin (or one per line with --lines) and checks each against the
schema's $defs entry DEFINITION. Prints one line per problem and exits 1 if there is any.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, definition = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    target = dict(schema)
    target["$ref"] = f"#/$defs/{definition}"
    validator = jsonschema.Draft202012Validator(target)
    text = sys.stdin.read()
    documents = [line for line in text.splitlines() if line.strip()] if "--lines" in sys.argv[3:] else [text]
    problems = 0
    for number, document in enumerate(documents, start=1):
        for error in validator.iter_errors(json.loads(document)):
            problems += 1
            where = "/".join(str(part) for part in error.absolute_path) or "(top)"
            print(f"document {number}: {where}: {error.message[:300]}")
    if not documents:
        print("no document to validate")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
