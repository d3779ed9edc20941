"""PlanDesk checks: the rule engine and the rules a careful proofreader applies to an annual plan.

The package never imports Qt; the GUI, the CLI and the tests all call :func:`checks.run.run_checks`.
Modules import in one direction: ``finding`` → ``rule`` → ``context`` → ``rules`` (the registry)
→ ``config`` → ``run``. This file imports nothing, so reading a finding loads no rule.
"""
