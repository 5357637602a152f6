"""Tools around the data: new region files for editors, and the synthetic national data set."""
