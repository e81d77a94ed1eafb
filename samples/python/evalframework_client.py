"""Records cases for EvalFramework over its JSON API, POST /api/v1/events (standard library only).

The pseudonym is the C# SDK's: HMAC-SHA256 keyed with the UTF-8 bytes of the pilot's pseudonym key over the UTF-8
bytes of the case reference, as 64 lower-case hex digits (docs/privacy.md, "Pseudonyms", has the shared test
vectors). The reference itself never leaves the process.
"""

import datetime
import hashlib
import hmac
import json
import os
import time
import urllib.error
import urllib.request

MIN_PSEUDONYM_KEY_LENGTH = 16
"""The pseudonym key's least length in characters, as the C# SDK's options require."""

RETRIED_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
"""Answers after which a batch is sent again, with the same event ids (the collector stores each id once)."""


def pseudonym(key, reference):
    """The pseudonym of a case reference: HMAC-SHA256 under the pilot's key, 64 lower-case hex digits."""
    return hmac.new(key.encode("utf-8"), reference.encode("utf-8"), hashlib.sha256).hexdigest()


def new_event_id():
    """A UUIDv7 (time-ordered, as the wire contract recommends): 48 bits of Unix milliseconds, then random bits."""
    milliseconds = time.time_ns() // 1_000_000
    random = os.urandom(10)
    raw = (milliseconds.to_bytes(6, "big")
           + bytes([0x70 | (random[0] & 0x0F), random[1], 0x80 | (random[2] & 0x3F)])
           + random[3:])
    digits = raw.hex()
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def now():
    """The current time as the wire contract wants it: RFC 3339, UTC, milliseconds, with its offset (Z)."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class CollectorError(Exception):
    """The collector refused a batch (a 4xx answer other than 408 and 429) or could not be reached in time."""

    def __init__(self, message, status=None, problem=None):
        super().__init__(message)
        self.status = status
        self.problem = problem


class Collector:
    """Posts batches of events to one collector with an API key that has the ingest right for the pilot."""

    def __init__(self, base_url, api_key, attempts=5, max_delay=30.0, timeout=10.0):
        if not api_key:
            raise ValueError("api_key: required (a key with the ingest right for the pilot)")
        self._url = base_url.rstrip("/") + "/api/v1/events"
        self._api_key = api_key
        self._attempts = attempts
        self._max_delay = max_delay
        self._timeout = timeout

    def send(self, events):
        """Posts the events as one batch and returns the answer: {"accepted", "duplicates", "rejected"}.

        Network errors, 408, 429 and 5xx answers are retried with the same body (so the same event ids), honouring
        Retry-After, else waiting 0.5 s, 1 s, 2 s ... up to max_delay. A 200 may still reject single events: look
        at "rejected".
        """
        body = json.dumps({"events": events}).encode("utf-8")
        for attempt in range(1, self._attempts + 1):
            request = urllib.request.Request(self._url, data=body, method="POST", headers={
                "Authorization": "Bearer " + self._api_key,
                "Content-Type": "application/json",
            })
            try:
                with urllib.request.urlopen(request, timeout=self._timeout) as answer:
                    return json.load(answer)
            except urllib.error.HTTPError as error:
                problem = _problem(error)
                if error.code not in RETRIED_STATUSES:
                    raise CollectorError(f"the collector refused the batch: {error.code} {problem}", error.code, problem) from None
                delay = _retry_after(error.headers.get("Retry-After"))
                last = CollectorError(f"the collector answered {error.code}", error.code, problem)
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                delay = None
                last = CollectorError(f"the collector could not be reached: {error}")
            if attempt == self._attempts:
                raise last
            time.sleep(min(self._max_delay, delay if delay is not None else 0.5 * 2 ** (attempt - 1)))
        raise AssertionError("unreachable")


class TrackedCase:
    """The events of one case, made with its pseudonym; send them with Collector.send(case.events)."""

    def __init__(self, pilot, pseudonym_key, reference):
        if pseudonym_key is None or len(pseudonym_key) < MIN_PSEUDONYM_KEY_LENGTH:
            raise ValueError(f"pseudonym_key: at least {MIN_PSEUDONYM_KEY_LENGTH} characters (the pilot's secret)")
        self.pilot = pilot
        self.case_id = pseudonym(pseudonym_key, reference)
        self.events = []

    def _add(self, event_type, **fields):
        event = {"id": new_event_id(), "type": event_type, "time": now(), "pilot": self.pilot, "caseId": self.case_id}
        event.update({name: value for name, value in fields.items() if value is not None})
        self.events.append(event)
        return event

    def started(self, case_type, arm, channel=None):
        """case.started: the case type and arm (slugs of the pilot's config), optionally the channel."""
        return self._add("case.started", caseType=case_type, arm=arm, channel=channel)

    def ai_usage(self, model, input_tokens, output_tokens, duration_ms=None, cost_sek=None):
        """ai.usage: one call to a model of the pilot's config, its tokens and how long it took."""
        return self._add("ai.usage", model=model, inputTokens=input_tokens, outputTokens=output_tokens,
                         durationMs=duration_ms, costSek=cost_sek)

    def effort(self, role, seconds):
        """human.effort: seconds (0.001 to 86400) a staff role of the pilot's config worked on the case."""
        return self._add("human.effort", role=role, seconds=seconds)

    def completed(self, outcome):
        """case.completed: resolved, escalated, abandoned or rejected."""
        return self._add("case.completed", outcome=outcome)


def _problem(error):
    """The problem+json of an error answer, or its status line when it has none."""
    try:
        return json.loads(error.read().decode("utf-8"))
    except (ValueError, OSError):
        return error.reason


def _retry_after(value):
    """Retry-After in seconds (the collector sends whole seconds), or None."""
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
