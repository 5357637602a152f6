"""Every Indonesian label of a value the data can take, defined once: statuses, stages,
horizons, scores, risk levels, judgements, feedback channels. The labels of the values an
editor writes are the region schema's own (its `x-labels` keyword beside each `enum`), so
that the site, the web editor's form (site/editor_form.py) and the editors' reference say
the same; the others are defined here. A test holds these, the model's values
(`smartcity.model`) and the schema's enums to each other."""

from __future__ import annotations

import json
from typing import Any

from smartcity import DATA_DIR

_SCHEMA: dict[str, Any] = json.loads((DATA_DIR / "region.schema.json").read_text(encoding="utf-8"))


def schema_labels(path: str) -> dict[str, str]:
    """The `x-labels` of the schema node at `path` ("$defs/program/properties/status")."""
    node: Any = _SCHEMA
    for part in path.split("/"):
        node = node[part]
    return dict(node["x-labels"])


STATUS_LABELS = schema_labels("$defs/program/properties/status")
SCORE_LABELS = {"baseline": "Baseline", "output": "Output", "outcome": "Outcome", "impact": "Impact",
                "quick_win": "Quick Win", "final": "Nilai akhir"}
SWOT_LABELS = {"strengths": "Kekuatan", "weaknesses": "Kelemahan", "opportunities": "Peluang",
               "threats": "Ancaman"}
READINESS_LABELS = {"structure": ("Struktur", "SDM, anggaran, lembaga tata kelola"),
                    "infrastructure": ("Infrastruktur", "fisik, TIK dan sosial"),
                    "superstructure": ("Suprastruktur", "kebijakan, peraturan, kelembagaan, prosedur")}
STAGE_LABELS = schema_labels("properties/stage")
STAGE_HELP = {"seleksi": "terpilih, belum mulai", "bimtek": "masterplan sedang disusun (bimbingan teknis)",
              "masterplan": "buku masterplan selesai dan diserahkan",
              "implementasi": "program dan quick win sedang dijalankan",
              "evaluasi": "sudah dievaluasi tim nasional"}
LEVEL_LABELS = schema_labels("$defs/risk/properties/likelihood")
RISK_STATUS_LABELS = schema_labels("$defs/risk/properties/status")
HORIZON_LABELS = schema_labels("$defs/program/properties/horizon")
BAND_LABELS = {"short": "Pendek", "medium": "Menengah", "long": "Panjang"}
ASSESSMENTS = {"achieved": "Tercapai", "on_track": "Sesuai jalur", "behind": "Tertinggal",
               "missed": "Tidak tercapai", "no_data": "Belum diukur", "not_assessable": "Tidak dapat dinilai"}
CHANNEL_LABELS = schema_labels("$defs/feedback_channel/properties/channel")
