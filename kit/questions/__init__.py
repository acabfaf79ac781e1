"""The question banks of the graded notebooks, one module per assignment.

Each module has ``QUESTIONS``, a list of :class:`kit.checks.Question`. A
question's ``expected`` function computes the right answer from the notebook's
own two texts, so a teacher can run any notebook on other texts.
"""

import os

__all__: list[str] = []

if os.environ.get("KIT_GRADING") == "1":  # kit.checks.GRADING_ENV; importing kit.checks here would loop
    raise ImportError(
        "The question banks hold the expected answers, so they cannot be imported "
        "while kit grade runs a submission."
    )
