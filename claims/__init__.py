"""claims: who claims what across outlets, which claims agree and which clash."""

__version__ = "0.1.0"
