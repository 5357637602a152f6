"""Every Indonesian label of a value the data can take, defined once: statuses, stages,
horizons, scores, risk levels, judgements, feedback channels. The keys are the model's
(`smartcity.model`) and the schema's enums; a test holds the three to each other."""

from __future__ import annotations

STATUS_LABELS = {"planned": "Direncanakan", "in_progress": "Berjalan", "done": "Selesai",
                 "delayed": "Terlambat", "cancelled": "Dibatalkan"}
SCORE_LABELS = {"baseline": "Baseline", "output": "Output", "outcome": "Outcome", "impact": "Impact",
                "quick_win": "Quick Win", "final": "Nilai akhir"}
SWOT_LABELS = {"strengths": "Kekuatan", "weaknesses": "Kelemahan", "opportunities": "Peluang",
               "threats": "Ancaman"}
READINESS_LABELS = {"structure": ("Struktur", "SDM, anggaran, lembaga tata kelola"),
                    "infrastructure": ("Infrastruktur", "fisik, TIK dan sosial"),
                    "superstructure": ("Suprastruktur", "kebijakan, peraturan, kelembagaan, prosedur")}
STAGE_LABELS = {"seleksi": "Seleksi", "bimtek": "Bimtek", "masterplan": "Masterplan selesai",
                "implementasi": "Implementasi", "evaluasi": "Evaluasi"}
STAGE_HELP = {"seleksi": "terpilih, belum mulai", "bimtek": "masterplan sedang disusun (bimbingan teknis)",
              "masterplan": "buku masterplan selesai dan diserahkan",
              "implementasi": "program dan quick win sedang dijalankan",
              "evaluasi": "sudah dievaluasi tim nasional"}
LEVEL_LABELS = {"low": "Rendah", "medium": "Sedang", "high": "Tinggi"}
RISK_STATUS_LABELS = {"open": "Terbuka", "mitigated": "Termitigasi", "closed": "Ditutup"}
HORIZON_LABELS = {"short": "Jangka pendek", "medium": "Jangka menengah", "long": "Jangka panjang"}
BAND_LABELS = {"short": "Pendek", "medium": "Menengah", "long": "Panjang"}
ASSESSMENTS = {"achieved": "Tercapai", "on_track": "Sesuai jalur", "behind": "Tertinggal",
               "missed": "Tidak tercapai", "no_data": "Belum diukur", "not_assessable": "Tidak dapat dinilai"}
CHANNEL_LABELS = {"lapor": "SP4N-LAPOR!", "web": "Situs aduan", "email": "Surel", "whatsapp": "WhatsApp",
                  "phone": "Telepon"}
