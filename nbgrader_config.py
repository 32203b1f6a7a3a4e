"""nbgrader configuration: this repository is the course directory.

The instructor's notebooks live in ``solutions/`` (nbgrader's "source"), the student releases in
``assignments/`` (nbgrader's "release"). Hidden check modules never leave ``solutions/``.
"""

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "assignments"
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    "hidden_checks.py",
    "test_*.py",
    "equivalent_mutants.yml",
    "rules.yml",
    "*.db",
    "mistakes",
    "correct",
]
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# zip_collect: files downloaded from an LMS as ASSIGNMENT_STUDENT_attempt_TIMESTAMP_NOTEBOOK.ipynb
c.FileNameCollectorPlugin.named_regexp = (
    r".*_(?P<student_id>[A-Za-z0-9]+)_attempt_(?P<timestamp>[0-9\-]+)_(?P<file_id>\w+)"
)

# nbgrader runs grade cells in the student's kernel; each grade cell calls the sandboxed autograder,
# which grades the whole notebook once (see autograder/integrations/nbgrader/autograde.py), so allow it the time to do so.
c.ExecutePreprocessor.timeout = 600

# Feedback: strip the hidden-test blocks restored for autograding (nbgrader issues #917, #1363); the
# autograder's own messages for hidden checks carry only pass/fail and a hint.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
