"""The built-in checks of ``toolkit check``, one module each.

To add a check, add a module here with one function decorated with
:func:`toolkit.checks.registry.check` (id, default severity, report ``order``, scope, whether it
needs the glossary); its docstring's first paragraph is what ``toolkit check --list-checks``
shows. Nothing else needs to change: the registry finds it, ``[tool.toolkit.check]`` and
``--fail-on`` know it, and every report format shows its findings.
"""
