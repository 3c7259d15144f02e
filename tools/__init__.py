"""Developer tools for avis (not shipped with the package)."""
