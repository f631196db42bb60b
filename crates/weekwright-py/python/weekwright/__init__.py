"""Plan a runner's week as a system: stress, then recovery, then adaptation.

`generate`, `score`, `block` and `paces` return what the weekwright command line prints with
`--format json`, as dicts with the same keys and numbers. Bad input raises `ValueError`
with the command line's message; constraints that admit no week raise `NoWeekFits`, a
`ValueError`. The engine runs with the GIL released, one thread a call unless asked.
"""

from ._native import NoWeekFits, __version__, block, generate, paces, score

__all__ = ["NoWeekFits", "__version__", "block", "generate", "paces", "score"]
