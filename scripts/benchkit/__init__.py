"""The benchmark's own helpers (not part of the runtime package): progress bars (rich, the
`bench` extra) and the reference sites it compares the build with (stock MkDocs, Hugo)."""
