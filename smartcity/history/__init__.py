"""Git history of region files and what changed in their data, in words."""
