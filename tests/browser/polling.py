"""Waiting for a page condition without eval: the views' CSP has no ``'unsafe-eval'``.

Playwright's ``wait_for_function`` checks a string expression once, and when that first
check fails it polls by evaluating the string in the page, which the page's CSP blocks
(and reports as a violation). On a loaded machine the first check fails more often, so
those waits failed there only. :func:`wait_until` polls from Python instead:
``page.evaluate`` is not subject to the page's CSP.
"""

from __future__ import annotations

import time
from typing import Any

import pytest


def wait_until(page: Any, expression: str, arg: Any = None, *, timeout: float = 30_000,
               every: float = 25) -> Any:
    """Evaluate ``expression`` (with ``arg``) in ``page`` until it is truthy; return its value.

    ``timeout`` and ``every`` are in milliseconds, as Playwright counts them; the test
    fails when the time is up.
    """
    deadline = time.monotonic() + timeout / 1000
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"page condition not met within {timeout / 1000:.0f} s: {expression}")
        page.wait_for_timeout(every)
