"""Grading one submission: prepare the reference, run the worker, judge what it returned."""
