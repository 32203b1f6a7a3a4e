"""Autograder for the sequence-models assignment suite."""

__all__ = ["config"]
