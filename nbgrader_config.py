"""nbgrader configuration: this repository is the course directory.

The instructor's notebooks live in ``solutions/`` (nbgrader's "source"), the student releases in
``assignments/`` (nbgrader's "release"). Hidden check modules never leave ``solutions/``.
"""

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "assignments"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "hidden_checks.py", "*.db"]
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
