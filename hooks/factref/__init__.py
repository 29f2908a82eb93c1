"""factref: a fact-checked reference site generator (load → verify → model → render)."""
