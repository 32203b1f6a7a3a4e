"""nbgrader: grade cells under ``nbgrader autograde``, the gradebook, the autograded tree."""
