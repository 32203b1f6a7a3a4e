"""Grading many submissions: locally with a process pool, or on a Dask cluster; output sinks."""
