"""PlanDesk checks: the rule engine and the rules a careful proofreader applies to an annual plan.

The package never imports Qt; the GUI, the CLI and the tests all call :func:`run_checks`.
"""

from __future__ import annotations

from checks.config import CheckConfig, load_config
from checks.engine import Context, Finding, Fix, Rule, Severity, run_checks

__all__ = ["CheckConfig", "Context", "Finding", "Fix", "Rule", "Severity", "load_config", "run_checks"]
