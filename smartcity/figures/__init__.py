"""Figures computed from validated regions: counts, progress, overdue work, money, completeness,
indicators against their targets, and the national views across regions."""
