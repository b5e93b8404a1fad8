"""Intent accuracy on the held-out messages (tests/nlu_heldout/, never used for training):
`rasa test nlu` on each language's file with the trained model, a report in
docs/nlu-heldout.md, and a non-zero exit below the target.

Usage: python -m tests.nlu_heldout.report [--model models/assistant.tar.gz]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HELD_OUT = Path(__file__).resolve().parent
TARGET = 0.90
LANGUAGES = ("fr", "en")


def evaluate(model: Path, language: str) -> dict:
    out = ROOT / "results" / f"nlu-heldout-{language}"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "rasa"),
            "test",
            "nlu",
            "--model",
            str(model),
            "--nlu",
            str(HELD_OUT / f"{language}.yml"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    report = json.loads((out / "intent_report.json").read_text())
    errors = (
        json.loads((out / "intent_errors.json").read_text())
        if (out / "intent_errors.json").is_file()
        else []
    )
    return {
        "accuracy": report["accuracy"],
        "support": report["weighted avg"]["support"],
        "report": report,
        "errors": errors,
    }


def markdown(results: dict[str, dict]) -> str:
    lines = [
        "# Intent accuracy on held-out messages",
        "",
        "Messages written apart from the training data, from the intents' descriptions alone "
        "(`tests/nlu_heldout/`), never used for training. Made by `make nlu-heldout` (part of "
        f"`make test`, which fails below {TARGET:.2f}).",
        "",
        "| language | messages | intent accuracy | target |",
        "|---|---|---|---|",
    ]
    for language, result in results.items():
        lines.append(
            f"| {language} | {result['support']} | {result['accuracy']:.3f} | ≥ {TARGET:.2f} |"
        )
    for language, result in results.items():
        lines += [
            "",
            f"## {language}: the weakest intents",
            "",
            "| intent | precision | recall | f1 | messages |",
            "|---|---|---|---|---|",
        ]
        per_intent = [
            (name, values)
            for name, values in result["report"].items()
            if isinstance(values, dict)
            and "f1-score" in values
            and name not in ("macro avg", "weighted avg", "micro avg")
        ]
        for name, values in sorted(per_intent, key=lambda item: item[1]["f1-score"])[:8]:
            lines.append(
                f"| {name} | {values['precision']:.2f} | {values['recall']:.2f} | "
                f"{values['f1-score']:.2f} | {values['support']} |"
            )
        confusions = collections.Counter(
            (error["intent"], error["intent_prediction"]["name"]) for error in result["errors"]
        )
        lines += ["", f"## {language}: confusions (expected → predicted)", ""]
        lines += [
            f"- {expected} → {predicted}: {count}"
            for (expected, predicted), count in confusions.most_common(12)
        ] or ["- none"]
        lines += ["", f"## {language}: every message not understood", ""]
        lines += [
            f"- “{error['text']}”: {error['intent']} → {error['intent_prediction']['name']}"
            for error in result["errors"]
        ] or ["- none"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "models" / "assistant.tar.gz"))
    arguments = parser.parse_args()
    results = {language: evaluate(Path(arguments.model), language) for language in LANGUAGES}
    (ROOT / "docs" / "nlu-heldout.md").write_text(markdown(results), encoding="utf-8")
    for language, result in results.items():
        print(f"held-out intent accuracy ({language}): {result['accuracy']:.3f}")
    missed = [language for language, result in results.items() if result["accuracy"] < TARGET]
    if missed:
        print(f"below the target of {TARGET:.2f}: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
