"""Takes out of the held-out NLU files every message that is a training example or near one
(tests/evaluation/overlap.py), and the intents left with none. Run after a set is written or
the training data grows: `python -m tests.evaluation.prune` (the overlap test says when).
Evaluation messages are never moved into data/."""

from __future__ import annotations

import re
from pathlib import Path

from tests.evaluation.overlap import TrainingExamples
from tests.evaluation.sets import held_out_files, training_examples

_EMPTY_INTENT = re.compile(r"  - intent: [\w/]+\n    examples: \|\n(?=  - intent|\Z)")


def prune(path: Path, training: TrainingExamples) -> int:
    kept, removed = [], 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.strip()
        if line.startswith("      - ") and training.too_close(stripped[2:]):
            removed += 1
            continue
        kept.append(line)
    path.write_text(_EMPTY_INTENT.sub("", "".join(kept)), encoding="utf-8")
    return removed


def main() -> None:
    training = TrainingExamples(training_examples())
    for path in held_out_files():
        print(f"{path.name}: {prune(path, training)} taken out")


if __name__ == "__main__":
    main()
