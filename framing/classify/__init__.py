"""Sentence classifiers: biased wording and news frames, trainable on a user's own labels.

    from framing.classify import load_models, read_labels, train_model, save_model
    models = load_models()                        # the shipped defaults (framing/models/*.json)
    models = load_models("my_model.json")         # a user's model takes over its task
    data = read_labels("labels.csv")              # errors name the line
    model = train_model(data.texts, data.labels, "bias", groups=data.groups, resources=Resources())
    save_model(model, "my_model.json")            # JSON, no pickle: safe to load from anywhere

The classify stage (framing.stages.classify) scores every sentence; `summarize_scores` and
`summarize_outlets` aggregate the scores per article and per outlet.
"""
from .aggregate import summarize_outlets, summarize_scores
from .features import FeatureConfig, FeatureExtractor
from .inputs import SentenceInput, inputs_from_doc, inputs_from_texts
from .labels import LabelsFileError, LabelledData, read_labels
from .models import Models, check_model_file, default_model_file, load_default_model, load_models
from .pipeline import Prediction, SentenceModel
from .scoring import score_sentences
from .store import ModelFormatError, ModelVersionWarning, load_model, save_model
from .training import TrainingError, train_model

__all__ = [
    "FeatureConfig", "FeatureExtractor", "LabelledData", "LabelsFileError", "ModelFormatError",
    "ModelVersionWarning", "Models", "Prediction", "SentenceInput", "SentenceModel", "TrainingError",
    "check_model_file", "default_model_file", "inputs_from_doc", "inputs_from_texts",
    "load_default_model", "load_model", "load_models", "read_labels", "save_model",
    "score_sentences", "summarize_outlets", "summarize_scores", "train_model",
]
