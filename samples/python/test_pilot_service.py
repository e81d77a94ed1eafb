"""The sample's own tests: python3 -m unittest (from this folder). Standard library only."""

import http.server
import json
import os
import re
import threading
import unittest

from evalframework_client import Collector, CollectorError, TrackedCase, new_event_id, now, pseudonym
from pilot_service import PermitQuestionDesk

PRIVACY_DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "privacy.md")
KEY = "example-pseudonym-key-2026"


def vectors():
    """The rows of the pseudonym test-vector table in docs/privacy.md: (what, key, message, pseudonym)."""
    with open(PRIVACY_DOC, encoding="utf-8") as doc:
        lines = doc.read().split("\n")
    header = lines.index("| what | pseudonym key | message | pseudonym |")
    rows = []
    for line in lines[header + 2:]:
        if not line.startswith("|"):
            break
        rows.append(tuple(cell.strip() for cell in line.strip("|").split("|")))
    return rows


class PseudonymTests(unittest.TestCase):
    def test_every_vector_of_the_doc(self):
        rows = vectors()
        self.assertGreaterEqual(len(rows), 7)
        for what, key, message, expected in rows:
            with self.subTest(what=what, message=message):
                self.assertEqual(expected, pseudonym(key, message))

    def test_tracked_case_sends_the_pseudonym_never_the_reference(self):
        case = TrackedCase("demo", KEY, "DNR-2025-000123")
        case.started("building-permit-question", "manual")
        case.completed("resolved")

        self.assertEqual(pseudonym(KEY, "DNR-2025-000123"), case.case_id)
        self.assertNotIn("DNR-2025-000123", json.dumps(case.events))
        self.assertTrue(all(e["caseId"] == case.case_id for e in case.events))

    def test_short_pseudonym_key_refused(self):
        with self.assertRaises(ValueError):
            TrackedCase("demo", "fifteen-chars-x", "c-1")


class EventTests(unittest.TestCase):
    def test_event_ids_are_time_ordered_uuid7_within_the_contract(self):
        ids = [new_event_id() for _ in range(200)]

        self.assertEqual(len(ids), len(set(ids)))
        for event_id in ids:
            self.assertRegex(event_id, r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        self.assertEqual(sorted(i[:13] for i in ids), [i[:13] for i in ids])

    def test_time_is_rfc3339_utc_with_milliseconds(self):
        self.assertRegex(now(), r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")

    def test_case_events_carry_the_wire_fields_and_leave_out_unset_ones(self):
        case = TrackedCase("demo", KEY, "c-42")
        started = case.started("building-permit-question", "ai_assisted")
        usage = case.ai_usage("mistral-small-3.1", 250, 40, 812.5)
        effort = case.effort("kommunvagledare", 540)
        completed = case.completed("resolved")

        common = {"id", "type", "time", "pilot", "caseId"}
        self.assertEqual(common | {"caseType", "arm"}, set(started))
        self.assertEqual(common | {"model", "inputTokens", "outputTokens", "durationMs"}, set(usage))
        self.assertEqual(common | {"role", "seconds"}, set(effort))
        self.assertEqual(common | {"outcome"}, set(completed))
        self.assertEqual(["case.started", "ai.usage", "human.effort", "case.completed"], [e["type"] for e in case.events])


class _Collector(http.server.BaseHTTPRequestHandler):
    """A loopback HTTP server that answers from a script of (status, headers, body) and keeps what it was sent."""

    script = []
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.path, self.headers["Authorization"], body))
        status, headers, answer = type(self).script.pop(0)
        payload = json.dumps(answer).encode("utf-8")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


class CollectorTests(unittest.TestCase):
    def setUp(self):
        _Collector.script = []
        _Collector.received = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def test_unavailable_then_stored_resends_the_same_ids(self):
        _Collector.script = [
            (503, {"Retry-After": "0"}, {"title": "Storage unavailable"}),
            (200, {}, {"accepted": 4, "duplicates": 0, "rejected": []}),
        ]
        desk = PermitQuestionDesk(Collector(self.url, "the-key"), "demo", KEY)

        _, case_id, result = desk.answer("DNR-2025-000123", "Do I need a permit?", with_ai=True)

        self.assertEqual(4, result["accepted"])
        self.assertEqual(2, len(_Collector.received))
        self.assertEqual(_Collector.received[0][2], _Collector.received[1][2])
        path, authorization, body = _Collector.received[1]
        self.assertEqual("/api/v1/events", path)
        self.assertEqual("Bearer the-key", authorization)
        self.assertEqual({case_id}, {e["caseId"] for e in json.loads(body)["events"]})

    def test_bad_request_is_not_retried(self):
        _Collector.script = [(400, {"Content-Type": "application/problem+json"}, {"errors": {"events[0].arm": ["must be one of manual, ai_assisted"]}})]
        case = TrackedCase("demo", KEY, "c-1")
        case.started("building-permit-question", "robot")

        with self.assertRaises(CollectorError) as refused:
            Collector(self.url, "the-key").send(case.events)

        self.assertEqual(400, refused.exception.status)
        self.assertIn("events[0].arm", refused.exception.problem["errors"])
        self.assertEqual(1, len(_Collector.received))


if __name__ == "__main__":
    unittest.main()
