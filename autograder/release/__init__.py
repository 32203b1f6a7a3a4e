"""Making the student release with nbgrader, and validating a course's configuration."""
