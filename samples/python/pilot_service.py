"""A pilot service in Python that records its cases for EvalFramework (standard library only).

It answers a citizen's building-permit question, with or without an AI assistant, and records the case as the C#
sample does: case.started, ai.usage for the assistant's call, human.effort for the staff time, case.completed.
Only the HMAC pseudonym of the case reference is sent.

    EVALFW_API_KEY=... EVALFW_PSEUDONYM_KEY=... python3 pilot_service.py --reference DNR-2025-000123

Prints the collector's answer with the case's pseudonym as one JSON line; exit code 0 when every event was stored
(or was already), 1 when the collector refused some or could not be reached, 2 for a wrong command line.
"""

import argparse
import json
import os
import sys
import time

from evalframework_client import Collector, CollectorError, TrackedCase


class CannedAssistant:
    """Stands in for the platform's language model: a fixed answer, tokens counted as the words times 1.3."""

    model = "mistral-small-3.1"

    def complete(self, question):
        started = time.monotonic()
        answer = "A building permit is needed for a new building, an extension or a change of use."
        return {
            "text": answer,
            "input_tokens": round(len(question.split()) * 1.3) + 200,   # the question plus the system prompt
            "output_tokens": round(len(answer.split()) * 1.3),
            "duration_ms": (time.monotonic() - started) * 1000,
        }


class PermitQuestionDesk:
    """Answers a building-permit question and records the case, the way the C# sample's desk does."""

    case_type = "building-permit-question"
    role = "kommunvagledare"

    def __init__(self, collector, pilot, pseudonym_key, assistant=None):
        self._collector = collector
        self._pilot = pilot
        self._pseudonym_key = pseudonym_key
        self._assistant = assistant or CannedAssistant()

    def answer(self, reference, question, with_ai, effort_seconds=None):
        """Handles one question; returns the answer, the case's pseudonym and the collector's answer to its events."""
        started = time.monotonic()

        # 1. Open the case; only the HMAC pseudonym of the reference is kept and sent.
        case = TrackedCase(self._pilot, self._pseudonym_key, reference)
        case.started(self.case_type, "ai_assisted" if with_ai else "manual", channel="e-service")

        # 2. Work on it: the assistant's model, tokens and duration, then the staff time.
        if with_ai:
            reply = self._assistant.complete(question)
            case.ai_usage(self._assistant.model, reply["input_tokens"], reply["output_tokens"], round(reply["duration_ms"], 3))
            text = reply["text"]
        else:
            text = "A case officer will answer within two working days."
        seconds = effort_seconds if effort_seconds is not None else time.monotonic() - started
        case.effort(self.role, max(0.001, round(seconds, 3)))

        # 3. Close it, and send the case's events as one batch (retried with the same ids if the collector is away).
        case.completed("resolved")
        return text, case.case_id, self._collector.send(case.events)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Answer one building-permit question and record the case.")
    parser.add_argument("--collector", default=os.environ.get("EVALFW_COLLECTOR", "http://127.0.0.1:5080"),
                        help="the collector's base address (EVALFW_COLLECTOR; default http://127.0.0.1:5080)")
    parser.add_argument("--key", default=os.environ.get("EVALFW_API_KEY"),
                        help="an API key with the ingest right (EVALFW_API_KEY: keeps it out of the process list)")
    parser.add_argument("--pseudonym-key", default=os.environ.get("EVALFW_PSEUDONYM_KEY"),
                        help="the pilot's pseudonym key, at least 16 characters (EVALFW_PSEUDONYM_KEY)")
    parser.add_argument("--pilot", default="demo", help="the pilot slug (default demo)")
    parser.add_argument("--reference", required=True, help="the case reference (never sent: only its pseudonym)")
    parser.add_argument("--question", default="Do I need a building permit for a conservatory?")
    parser.add_argument("--manual", action="store_true", help="handle the case without the AI assistant")
    parser.add_argument("--effort-seconds", type=float, help="staff time to record (default: the time taken)")
    arguments = parser.parse_args(argv)
    if not arguments.key:
        parser.error("--key or EVALFW_API_KEY is required")
    if not arguments.reference.strip():
        parser.error("--reference: must not be empty (every empty reference has the same pseudonym)")
    if not arguments.pseudonym_key or len(arguments.pseudonym_key) < 16:
        parser.error("--pseudonym-key or EVALFW_PSEUDONYM_KEY is required, at least 16 characters")

    desk = PermitQuestionDesk(Collector(arguments.collector, arguments.key), arguments.pilot, arguments.pseudonym_key)
    try:
        _, case_id, result = desk.answer(arguments.reference, arguments.question, not arguments.manual, arguments.effort_seconds)
    except CollectorError as error:
        print(f"pilot_service: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"caseId": case_id, **result}))
    return 0 if not result.get("rejected") else 1


if __name__ == "__main__":
    sys.exit(main())
