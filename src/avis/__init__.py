"""avis — official job notices (avis de vacance de poste) as validated, exchangeable data."""

__version__ = "0.1.0"
