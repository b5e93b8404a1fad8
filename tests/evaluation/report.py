"""What users see, measured on the evaluation sets written blind (tests/blind/, docs/evaluation.md):
per language, the intent accuracy (a fallback is a miss; an FAQ question counts as right only
with the right answer), the same on the messages far from every training example (difflib ratio
below 0.7 to each), and the FAQ answer selection. Each message is read as the assistant reads the
first message of a conversation: the model, then the answer-first reading with nothing asked yet
(rasa_patches/answer_first.py); the classifier alone is scored beside it. Writes
docs/nlu-blind.md and results/nlu-blind.json; exits non-zero below the targets.

Usage: python -m tests.evaluation.report [--model models/assistant.tar.gz]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import logging
import sys
from pathlib import Path

from tests.evaluation.overlap import TrainingExamples
from tests.evaluation.sets import BLIND, HELD_OUT, ROOT, nlu_examples, training_examples

FAR_BELOW = 0.7  # best difflib ratio to any training example
TARGETS = {"far_accuracy": 0.93, "faq_selection": 0.90}
LANGUAGES = ("fr", "en")


def predicted(parse_data: dict) -> str:
    """The intent a user would be answered for: the FAQ answer chosen for an FAQ question."""
    name = (parse_data.get("intent") or {}).get("name") or "nlu_fallback"
    if name == "faq":
        selected = (parse_data.get("response_selector") or {}).get("faq") or {}
        return (selected.get("response") or {}).get("intent_response_key") or "faq"
    return name


async def parse_all(model: Path, texts: list[str]) -> list[tuple[dict, dict]]:
    """Each text's reading at the first message of a conversation, and the classifier's alone."""
    import structlog
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.shared.core.trackers import DialogueStateTracker

    import rasa_patches
    from rasa_patches import answer_first

    # Rasa logs every parse at debug level: the report says what matters.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    # The reading this report measures; the others change no parse. A server started without all
    # of them says so (pipeline/typed_answers.py): not this report's case.
    rasa_patches.install([answer_first.PATCH])
    quiet = logging.getLogger("pipeline.typed_answers")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        agent = Agent.load(str(model))
    finally:
        quiet.setLevel(level)  # the same process may run other tests next
    parsed = []
    for text in texts:
        opening = DialogueStateTracker.from_events("evaluation", [], agent.domain.slots)
        read = await agent.processor.parse_message(UserMessage(text), opening)
        parsed.append((read, await agent.parse_message(text)))
    return parsed


def score(rows: list[dict]) -> dict:
    def accuracy(selected, right="right"):
        return sum(r[right] for r in selected) / len(selected) if selected else None

    far = [r for r in rows if r["closest"] < FAR_BELOW]
    faq = [r for r in rows if r["expected"].startswith("faq/")]
    return {
        "messages": len(rows),
        "accuracy": accuracy(rows),
        "far_messages": len(far),
        "far_accuracy": accuracy(far),
        "faq_messages": len(faq),
        "faq_selection": accuracy(faq),
        "classifier_accuracy": accuracy(rows, "classifier_right"),
        "classifier_far_accuracy": accuracy(far, "classifier_right"),
        "classifier_faq_selection": accuracy(faq, "classifier_right"),
        "fallbacks": sum(r["predicted"] == "nlu_fallback" for r in rows),
    }


def blind_files(language: str) -> list[Path]:
    return sorted(BLIND.glob(f"nlu*_{language}.yml"))


def legacy_files(language: str) -> list[Path]:
    """The held-out messages of before (tests/nlu_heldout/), training examples taken out."""
    return [HELD_OUT / f"{language}.yml"]


def evaluate(model: Path, files=blind_files) -> dict[str, dict]:
    training = TrainingExamples(training_examples())
    results = {}
    for language in LANGUAGES:
        examples = [example for path in files(language) for example in nlu_examples(path)]
        parsed = asyncio.run(parse_all(model, [text for _, text in examples]))
        rows = [
            {
                "text": text,
                "expected": expected,
                "predicted": predicted(read),
                "right": predicted(read) == expected,
                "classifier": predicted(alone),
                "classifier_right": predicted(alone) == expected,
                "closest": round(training.best_ratio(text), 3),
            }
            for (expected, text), (read, alone) in zip(examples, parsed, strict=True)
        ]
        results[language] = {"score": score(rows), "rows": rows}
    return results


def markdown(results: dict[str, dict]) -> str:
    lines = [
        "# What users see, on messages written blind",
        "",
        "Messages written by a helper session that saw the reference documents and the list of "
        "intents only (docs/evaluation.md), none of them a training example or near one "
        "(tests/evaluation/test_overlap.py). A fallback is a miss; an FAQ question is right only "
        f"when its own answer is chosen. *Far*: messages whose difflib ratio to every training "
        f"example is below {FAR_BELOW}. Each message is read as the first message of a "
        "conversation is (the model, then the answer-first reading with nothing asked yet); "
        "the classifier alone, in brackets. Made by `python -m tests.evaluation.report` "
        "(part of `make test`).",
        "",
        "| language | messages | accuracy | far messages | far accuracy (target ≥ 0.93) "
        "| FAQ questions | FAQ answer right (target ≥ 0.90) | fallbacks |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for language, result in results.items():
        s = result["score"]
        lines.append(
            f"| {language} | {s['messages']} | {s['accuracy']:.3f} "
            f"({s['classifier_accuracy']:.3f}) | {s['far_messages']} | "
            f"{s['far_accuracy']:.3f} ({s['classifier_far_accuracy']:.3f}) | "
            f"{s['faq_messages']} | {s['faq_selection']:.3f} "
            f"({s['classifier_faq_selection']:.3f}) | {s['fallbacks']} |"
        )
    for language, result in results.items():
        misses = [r for r in result["rows"] if not r["right"]]
        confusions = collections.Counter((r["expected"], r["predicted"]) for r in misses)
        lines += ["", f"## {language}: confusions (expected → predicted)", ""]
        lines += [f"- {e} → {p}: {n}" for (e, p), n in confusions.most_common(15)] or ["- none"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(ROOT / "models" / "assistant.tar.gz"))
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="write the report and exit 0 (the targets are gated by tests/evaluation/test_targets.py)",
    )
    arguments = parser.parse_args()
    results = evaluate(Path(arguments.model))
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "nlu-blind.json").write_text(json.dumps(results, indent=1))
    (ROOT / "docs" / "nlu-blind.md").write_text(markdown(results), encoding="utf-8")
    failed = []
    for language, result in results.items():
        s = result["score"]
        print(
            f"blind NLU ({language}): accuracy {s['accuracy']:.3f}, far {s['far_accuracy']:.3f} "
            f"({s['far_messages']}), FAQ answers {s['faq_selection']:.3f}, "
            f"fallbacks {s['fallbacks']}"
        )
        failed += [f"{language} {k}" for k, target in TARGETS.items() if s[k] < target]
    if failed:
        print("below target: " + ", ".join(failed), file=sys.stderr)
        return 0 if arguments.report_only else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
