"""Hooks: how a lower layer lets a higher one act, without importing it.

The apps form layers (docs/architecture.md): an app imports only apps below it. When a
write in a lower app must be followed by work that a higher app owns (an article is
hidden, so discovery's search index and home cache must follow), the lower app declares
a `Hook` and calls it inside the action that performs the write; the higher app
registers its receiver in its `AppConfig.ready()`. It is a plain list of functions,
called in order, synchronously, inside the caller's transaction; an exception in a
receiver propagates (and rolls the write back) exactly as a direct call would.

Django's signals would do the same, but a hook is typed, named in one module per app,
and `receivers()` lets a test check that every hook is wired; and nothing is connected
implicitly by importing a module.
"""

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Hook(Generic[P]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._receivers: list[Callable[P, object]] = []

    def register(self, receiver: Callable[P, object]) -> Callable[P, object]:
        """Add `receiver` (once: registering twice, e.g. a second ready(), is a no-op)."""
        if receiver not in self._receivers:
            self._receivers.append(receiver)
        return receiver

    def receivers(self) -> tuple[Callable[P, object], ...]:
        return tuple(self._receivers)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for receiver in self._receivers:
            receiver(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._receivers)} receiver(s)>"
