"""One base for our NLU components that train a small model of their own with the Rasa model
(pipeline/polarity.py, second_opinion.py, faq_answers.py): the model is fitted in `fit`, pickled
into the component's own resource of the model archive, and loaded with it. A model archive
without NLU data loads with no model, and the component then leaves messages as they are."""

from __future__ import annotations

import hashlib
import inspect
import pickle
import sys
from pathlib import Path
from typing import Any, Dict, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData

_FILE = "model.pkl"
# What the objects pickled into the model are made of: the readers of words and their words.
_PROJECT = Path(__file__).resolve().parent.parent
_PICKLED_CODE = (_PROJECT / "reading", _PROJECT / "languages")


class TrainedModelComponent(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """The source of the component and of the readers it pickles: Rasa's training cache
        keys on config and data only, and would restore a model pickled by code since moved or
        changed."""
        digest = hashlib.sha256(inspect.getsource(sys.modules[cls.__module__]).encode())
        for folder in _PICKLED_CODE:
            for path in sorted(folder.rglob("*.py")) + sorted(folder.glob("*.yml")):
                digest.update(path.read_bytes())
        return digest.hexdigest()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "TrainedModelComponent":
        return cls(config, model_storage, resource)

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[Any] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    def fit(self, training_data: TrainingData) -> Any:
        """The component's model, fitted on the training data."""
        raise NotImplementedError

    def train(self, training_data: TrainingData) -> Resource:
        self.model = self.fit(training_data)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _FILE).write_bytes(pickle.dumps(self.model))
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "TrainedModelComponent":
        try:
            with model_storage.read_from(resource) as directory:
                model = pickle.loads((directory / _FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            model = None  # not trained (a model without NLU data)
        return cls(config, model_storage, resource, model)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
