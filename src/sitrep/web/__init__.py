"""The analyst-facing outputs: the offline web UI (static/, served by sitrep.api) and the HTML report."""
