"""The page template, style sheet and script of ``langnghe report``, inlined into each report."""
