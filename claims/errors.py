"""Errors the library raises; the CLI prints their message as one line and exits non-zero."""


class ClaimsError(Exception):
    """Base class: the message says what went wrong and what to do next."""

    exit_code = 1


class InputError(ClaimsError):
    """A path, file or record the user gave cannot be read."""

    exit_code = 2


class StoreError(ClaimsError):
    """The store is missing, was built differently, or is damaged."""

    exit_code = 3


class ModelError(ClaimsError):
    """A model could not be loaded."""

    exit_code = 4
