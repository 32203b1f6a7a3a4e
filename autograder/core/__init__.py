"""Plain data every stage shares: the course's configuration, tolerances, results, the wire format."""
