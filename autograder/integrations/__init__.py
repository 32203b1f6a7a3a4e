"""Glue to other tools: nbgrader, Gradescope, the in-notebook self-check, pytest."""
