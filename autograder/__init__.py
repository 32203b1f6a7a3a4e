"""Autograder for the sequence-models assignment suite."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("nlp-rnn-autograder")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["config", "__version__"]
