"""Gradescope: its results.json, and the autograder zip it runs."""
