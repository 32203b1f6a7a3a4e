"""Running student code: the single-use worker, its isolation, the fork server, the wire protocol."""
