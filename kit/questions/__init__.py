"""The question banks of the graded notebooks, one module per assignment.

Each module has ``QUESTIONS``, a list of :class:`kit.checks.Question`. A
question's ``expected`` function computes the right answer from the notebook's
own two texts, so a teacher can run any notebook on other texts.
"""

__all__: list[str] = []
