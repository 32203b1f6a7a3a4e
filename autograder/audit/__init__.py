"""Checking the checks: bundled example submissions and mutation testing."""
