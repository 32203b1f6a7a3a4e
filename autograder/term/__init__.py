"""The term around grading: marks given by hand, deadlines and extensions, and what they do to a result.

``grading.yml`` declares, per assignment, the questions marked by hand (``manual:``), the due date
(``due:``) and what lateness costs (``late:``, the course's over each assignment's). The term's
records, kept beside the course and never committed (they name students), hold the rest:

- ``term/manual/NAME.csv``: ``student,question,points,comment``, one row per mark
  (:mod:`autograder.term.records`);
- ``term/extensions.csv``: ``student,assignment,due``, a later due date for one student.

:func:`autograder.term.adjust.load` reads them all (every problem named with its file and line) and
:meth:`autograder.term.adjust.Term.apply` turns an automatic result into the one every output shows:
a row per manual question (``manual.<question>``, marked or not), a ``late.penalty`` row when the
submission came after its due date, and the score and maximum that follow. A result's submission
time comes from nbgrader's ``timestamp.txt`` or the LMS download's name
(:func:`autograder.term.deadlines.submission_time`), recorded when it is graded.
"""
