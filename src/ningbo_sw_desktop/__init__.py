"""Ningbo Social Work Desktop: offline-first casework for community social-work offices."""

__version__ = "0.1.0"
