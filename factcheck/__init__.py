"""factcheck: find the figures in a set of articles that cannot all be right."""

__version__ = "0.1.0"
