"""Checking region files: strict YAML, the JSON Schema, the rules of meaning, problems and
their messages, the check cache, the loader and the validator command."""
