"""A fake CloudKit Web Services public database for the tests, in Apple's documented shapes.

Its records are the gallery fixture (tests/fixtures/gallery/performances/*.json) as MicroJam's
`Performance` records. It answers POST {prefix}/database/1/{container}/{environment}/public/records/query
(filterBy EQUALS on Performer or Instrument, sorted by Date, at most 2 records a page with a
continuationMarker) and .../records/lookup (NOT_FOUND for names it lacks). The API token decides the
rest: "test-token" works; "throttle-once" answers the first query of each body 429 THROTTLED with
retryAfter; "bad-token" answers 421 AUTHENTICATION_REQUIRED.
"""

import datetime
import json
import os
import threading

PAGE = 2
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_records = []
_throttled = set()
_lock = threading.Lock()


def records():
    if not _records:
        folder = os.path.join(ROOT, "tests", "fixtures", "gallery", "performances")
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                p = json.load(f)
            when = datetime.datetime.fromisoformat(p["date"].replace("Z", "+00:00"))
            _records.append({
                "recordName": p["id"],
                "recordType": "Performance",
                "fields": {
                    "Date": {"value": int(when.timestamp() * 1000), "type": "TIMESTAMP"},
                    "Performer": {"value": p["performer"], "type": "STRING"},
                    "Instrument": {"value": p["instrument"], "type": "STRING"},
                    "Touches": {"value": p["touches"], "type": "STRING"},
                    "ReplyTo": {"value": p["reply_to"] or "", "type": "STRING"},
                    "Colour": {"value": p["colour"], "type": "STRING"},
                    "BackgroundColour": {"value": p["background_colour"], "type": "STRING"},
                    "PerformedAt": {"value": {"latitude": 59.94, "longitude": 10.72}, "type": "LOCATION"},
                },
                "created": {"timestamp": int(when.timestamp() * 1000), "userRecordName": "_private-user"},
            })
    return _records


def error(status, code, reason, **extra):
    return status, {"uuid": "fake-uuid", "serverErrorCode": code, "reason": reason, **extra}


def answer(path, token, body):
    """(status, JSON answer) for a POST to `path` (after the prefix) with this token and body."""
    if token == "bad-token":
        return error(421, "AUTHENTICATION_REQUIRED", "request needs authorization")
    if token not in ("test-token", "throttle-once"):
        return error(401, "AUTHENTICATION_FAILED", "unknown API token")
    try:
        request = json.loads(body or "{}")
    except ValueError:
        return error(400, "BAD_REQUEST", "body is not JSON")
    if token == "throttle-once":
        with _lock:
            first = body not in _throttled
            _throttled.add(body)
        if first:
            return error(429, "THROTTLED", "slow down", retryAfter=0.2)
    if path.endswith("/public/records/lookup"):
        by_name = {r["recordName"]: r for r in records()}
        found = [by_name.get(r.get("recordName")) or {"recordName": r.get("recordName"), "reason": "Record not found",
                                                     "serverErrorCode": "NOT_FOUND"} for r in request.get("records", [])]
        return 200, {"records": found}
    if path.endswith("/public/records/query"):
        query = request.get("query", {})
        if query.get("recordType") != "Performance":
            return error(400, "BAD_REQUEST", "unknown record type")
        chosen = records()
        for f in query.get("filterBy", []):
            if f.get("comparator") != "EQUALS":
                return error(400, "BAD_REQUEST", "only EQUALS is faked")
            chosen = [r for r in chosen if r["fields"].get(f["fieldName"], {}).get("value") == f["fieldValue"]["value"]]
        for s in reversed(query.get("sortBy", [])):
            chosen = sorted(chosen, key=lambda r: r["fields"][s["fieldName"]]["value"], reverse=not s.get("ascending", True))
        start = int(request.get("continuationMarker") or 0)
        limit = min(int(request.get("resultsLimit") or PAGE), PAGE)
        page = chosen[start:start + limit]
        result = {"records": page}
        if start + limit < len(chosen):
            result["continuationMarker"] = str(start + limit)
        return 200, result
    return error(404, "NOT_FOUND", "no such endpoint")
