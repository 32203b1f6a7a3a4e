"""The course on disk: an assignment's source, checks and release; reading notebooks."""
