"""The message catalogue: one entry per stable error code, in Indonesian and English.

Messages are written for region editors, who are mostly not programmers: say
what is wrong and, where possible, what to write instead. Placeholders are
filled with `str.format`; values are quoted by the caller's parameters.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("id", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # Reading the file
    "E-FILE-READ": {"id": "berkas tidak dapat dibaca: {detail}",
                    "en": "the file cannot be read: {detail}"},
    "E-FILE-TOO-LARGE": {"id": "berkas terlalu besar ({size} byte; batasnya {limit} byte). Pecah teks panjang atau hapus isi yang tidak perlu.",
                         "en": "the file is too large ({size} bytes; the limit is {limit} bytes). Shorten long texts or remove what is not needed."},
    "E-FILE-NAME": {"id": "nama berkas {name!r} tidak sah: gunakan huruf kecil, angka dan tanda hubung, berakhiran .yml (mis. kota-pekalongan.yml)",
                    "en": "file name {name!r} is not valid: use lowercase letters, digits and hyphens, ending in .yml (e.g. kota-pekalongan.yml)"},
    "E-FILE-SYMLINK": {"id": "berkas ini adalah tautan simbolik; simpan berkas wilayah sebagai berkas biasa",
                       "en": "this file is a symbolic link; keep region files as ordinary files"},
    "E-FILE-NOT-REGULAR": {"id": "ini bukan berkas biasa (mis. pipa atau perangkat); simpan data wilayah sebagai berkas teks biasa",
                           "en": "this is not an ordinary file (e.g. a pipe or a device); keep region data as an ordinary text file"},
    "E-ENCODING": {"id": "berkas bukan teks UTF-8 (byte tidak sah di posisi {offset}); simpan ulang sebagai UTF-8",
                   "en": "the file is not UTF-8 text (invalid byte at offset {offset}); save it again as UTF-8"},
    # YAML
    "E-YAML-SYNTAX": {"id": "penulisan YAML salah: {detail}",
                      "en": "YAML syntax error: {detail}"},
    "E-YAML-TAB": {"id": "karakter tab tidak boleh dipakai untuk indentasi; gunakan spasi",
                   "en": "tab characters cannot be used for indentation; use spaces"},
    "E-YAML-EMPTY": {"id": "berkas kosong; isi minimal: schema, id, code, name, type, province, cohort, status, period",
                     "en": "the file is empty; at least schema, id, code, name, type, province, cohort, status and period are needed"},
    "E-YAML-ROOT": {"id": "isi berkas harus berupa pasangan kunci: nilai (mis. `id: kota-pekalongan`), bukan {actual}",
                    "en": "the file must hold key: value pairs (e.g. `id: kota-pekalongan`), not {actual_en}"},
    "E-YAML-MULTI-DOC": {"id": "berkas hanya boleh berisi satu dokumen YAML (hapus pemisah `---` kedua)",
                         "en": "the file may hold only one YAML document (remove the second `---` separator)"},
    "E-YAML-DUPLICATE-KEY": {"id": "kunci {key!r} ditulis dua kali (pertama di baris {first_line}); hapus salah satunya",
                             "en": "key {key!r} is written twice (first on line {first_line}); remove one of them"},
    "E-YAML-ALIAS": {"id": "anchor dan alias YAML (`&nama`, `*nama`) tidak diizinkan; tulis nilainya secara lengkap",
                     "en": "YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out in full"},
    "E-YAML-TAG": {"id": "tag YAML {tag!r} tidak diizinkan; hapus tag tersebut",
                   "en": "YAML tag {tag!r} is not allowed; remove the tag"},
    "E-YAML-MERGE": {"id": "kunci gabungan `<<` tidak diizinkan; tulis setiap kunci secara lengkap",
                     "en": "merge keys `<<` are not allowed; write every key out in full"},
    "E-YAML-KEY": {"id": "kunci harus berupa teks sederhana",
                   "en": "keys must be simple text"},
    "E-YAML-NUMBER": {"id": "{value!r} bukan angka yang dapat dipakai (tak hingga, NaN, terlalu panjang, atau terlalu besar atau kecil); tulis angka biasa dengan paling banyak {digits} digit, atau teks dalam tanda kutip",
                      "en": "{value!r} is not a usable number (infinite, NaN, too long, or too large or small); write a plain number of at most {digits} digits, or text in quotes"},
    "E-YAML-TOO-MANY": {"id": "terlalu banyak butir atau kunci di satu tempat (batasnya {limit}); sisanya tidak dibaca",
                        "en": "too many items or keys in one place (the limit is {limit}); the rest was not read"},
    "E-YAML-TOO-DEEP": {"id": "struktur terlalu dalam (lebih dari {limit} tingkat)",
                        "en": "the structure is nested too deeply (more than {limit} levels)"},
    # Characters
    "E-TEXT-CONTROL": {"id": "karakter kendali tak terlihat {char} tidak diizinkan{more}; hapus karakter itu (sering terbawa saat menyalin teks)",
                       "en": "the invisible control character {char} is not allowed{more_en}; remove it (it often comes with copied text)"},
    "E-TEXT-NEWLINE": {"id": "kolom singkat ini tidak boleh berisi {char} (baris baru atau tab); tulis dalam satu baris",
                       "en": "this short field cannot hold {char} (a line break or tab); write it on one line"},
    # Schema
    "E-REQUIRED": {"id": "kolom wajib {field!r} belum diisi",
                   "en": "required field {field!r} is missing"},
    "E-UNKNOWN-FIELD": {"id": "kolom {field!r} tidak dikenal{hint}",
                        "en": "unknown field {field!r}{hint_en}"},
    "E-TYPE": {"id": "harus berupa {expected}, bukan {actual}{hint}",
               "en": "must be {expected_en}, not {actual_en}{hint_en}"},
    "E-ENUM": {"id": "{value!r} bukan salah satu dari {allowed}",
               "en": "{value!r} is not one of {allowed}"},
    "E-CONST": {"id": "nilainya harus {expected!r}",
                "en": "the value must be {expected!r}"},
    "E-PATTERN": {"id": "{value!r} tidak sesuai format: {hint}",
                  "en": "{value!r} does not match the format: {hint_en}"},
    "E-RANGE": {"id": "{value!r} di luar rentang yang diizinkan ({bound})",
                "en": "{value!r} is outside the allowed range ({bound})"},
    "E-LENGTH": {"id": "panjang teks {length} karakter di luar batas ({bound})",
                 "en": "the text is {length} characters long, outside the limit ({bound})"},
    "E-TOO-MANY": {"id": "terlalu banyak butir: {count}; batasnya {limit}",
                   "en": "too many items: {count}; the limit is {limit}"},
    "E-DATE": {"id": "{value!r} bukan tanggal yang sah; tulis TTTT-BB-HH, mis. 2021-05-27",
               "en": "{value!r} is not a valid date; write YYYY-MM-DD, e.g. 2021-05-27"},
    "E-SCHEMA": {"id": "nilai tidak sah: {detail}",
                 "en": "invalid value: {detail}"},
    # Meaning
    "E-ID-FILENAME": {"id": "id {value!r} harus sama dengan nama berkas ({expected!r})",
                      "en": "id {value!r} must equal the file name ({expected!r})"},
    "E-ID-DUPLICATE": {"id": "id {value!r} sudah dipakai di baris {first_line}; setiap id di wilayah ini harus unik",
                       "en": "id {value!r} is already used on line {first_line}; every id in this region must be unique"},
    "E-CODE-UNKNOWN": {"id": "kode {value!r} tidak ada dalam daftar resmi kabupaten/kota Kemendagri",
                       "en": "code {value!r} is not in the official Kemendagri list of regencies and cities"},
    "E-CODE-DUPLICATE": {"id": "kode {value!r} juga dipakai oleh {other}; satu wilayah hanya boleh punya satu berkas",
                         "en": "code {value!r} is also used by {other}; a region may have only one file"},
    "E-NAME-MISMATCH": {"id": "nama {value!r} tidak sesuai nama resmi untuk kode {region_code}: {expected!r}",
                        "en": "name {value!r} does not match the official name for code {region_code}: {expected!r}"},
    "E-TYPE-MISMATCH": {"id": "jenis {value!r} tidak sesuai nama resmi {name!r}: seharusnya {expected!r}",
                        "en": "type {value!r} does not match the official name {name!r}: it should be {expected!r}"},
    "E-PROVINCE-MISMATCH": {"id": "provinsi {value!r} tidak sesuai provinsi resmi untuk kode {region_code}: {expected!r}",
                            "en": "province {value!r} does not match the official province for code {region_code}: {expected!r}"},
    "E-COHORT-YEAR": {"id": "angkatan {value} harus antara 2017 dan {current}",
                      "en": "cohort {value} must be between 2017 and {current}"},
    "E-YEARS-ORDER": {"id": "tahun mulai {start} lebih besar dari tahun selesai {end}",
                      "en": "start year {start} is after end year {end}"},
    "E-HORIZON-ORDER": {"id": "jangka {name} ({start}–{end}) harus sesudah jangka {previous} ({previous_start}–{previous_end}) tanpa tumpang tindih",
                        "en": "horizon {name} ({start}–{end}) must come after horizon {previous} ({previous_start}–{previous_end}) without overlapping"},
    "E-HORIZON-PERIOD": {"id": "jangka {name} ({start}–{end}) berada di luar periode masterplan ({period_start}–{period_end})",
                         "en": "horizon {name} ({start}–{end}) lies outside the masterplan period ({period_start}–{period_end})"},
    "E-HORIZON-UNDEFINED": {"id": "jangka {value!r} belum ditentukan tahunnya di `roadmap`",
                            "en": "horizon {value!r} has no years in `roadmap`"},
    "E-PROGRAM-HORIZON": {"id": "tahun {value} berada di luar jangka {horizon} ({start}–{end})",
                          "en": "year {value} lies outside the {horizon} horizon ({start}–{end})"},
    "E-PROGRAM-PERIOD": {"id": "tahun {value} berada di luar periode masterplan ({start}–{end})",
                         "en": "year {value} lies outside the masterplan period ({start}–{end})"},
    "E-ELEMENT": {"id": "elemen {value!r} bukan elemen pilar {pillar}; pilihan: {allowed}",
                  "en": "element {value!r} is not an element of pillar {pillar}; choose from {allowed}"},
    "E-UPDATE-ORDER": {"id": "tanggal {value} lebih awal dari catatan sebelumnya ({previous}); urutkan dari yang terlama",
                       "en": "date {value} is earlier than the previous note ({previous}); order notes oldest first"},
    "E-UPDATE-STATUS": {"id": "status catatan terakhir ({last!r}) berbeda dengan status program ({value!r})",
                        "en": "the last note's status ({last!r}) differs from the programme's status ({value!r})"},
    "E-SOURCE-UNKNOWN": {"id": "sumber {value!r} tidak ada di bagian `sources`",
                         "en": "source {value!r} is not listed under `sources`"},
    "E-EVALUATION-ORDER": {"id": "periode evaluasi {value!r} harus sesudah {previous!r}; urutkan dari yang terlama",
                           "en": "evaluation period {value!r} must come after {previous!r}; order rounds oldest first"},
    "E-EVALUATION-DUPLICATE": {"id": "periode evaluasi {value!r} sudah ada di baris {first_line}",
                               "en": "evaluation period {value!r} is already given on line {first_line}"},
    "E-ACTUAL-ORDER": {"id": "tahun capaian {value} harus sesudah tahun capaian sebelumnya ({previous}); urutkan dari yang terlama",
                       "en": "measured year {value} must come after the previous one ({previous}); order values oldest first"},
    "E-ACTUAL-DUPLICATE": {"id": "tahun capaian {value} sudah ada di baris {first_line}; satu nilai per tahun",
                           "en": "measured year {value} is already given on line {first_line}; one value per year"},
    "E-ACTUAL-FUTURE": {"id": "tahun capaian {value} sesudah tahun data dihimpun ({current}); nilai terukur tidak boleh dari masa depan",
                        "en": "measured year {value} is after the year the data is compiled ({current}); measured values cannot come from the future"},
    "E-DATE-FUTURE": {"id": "tanggal {value} sesudah tanggal data dihimpun ({current})",
                      "en": "date {value} is after the date the data is compiled ({current})"},
    "E-EVALUATION-DATE": {"id": "tanggal evaluasi {value} tidak berada di tahun putarannya ({period}); periksa tanggal atau periode",
                          "en": "evaluation date {value} is not in the year of its round ({period}); check the date or the period"},
    "E-STAGE-DATE": {"id": "tanggal tahap {value} sebelum tahun wilayah bergabung dalam gerakan ({cohort})",
                     "en": "stage date {value} is before the year the region joined the programme ({cohort})"},
    "E-FEEDBACK-USERINFO": {"id": "alamat {value!r} memuat nama pengguna sebelum @; pembaca akan dibawa ke host sesudah @, bukan yang terlihat. Tulis alamat tanpa bagian itu",
                            "en": "address {value!r} has a user name before @; readers would be taken to the host after @, not the one they see. Write the address without it"},
    "E-FEEDBACK-HOST-ASCII": {"id": "nama host {value!r} memuat huruf bukan ASCII (bisa huruf kembar, mis. а Kiril); tulis dalam bentuk punycode (xn--…)",
                              "en": "host name {value!r} has non-ASCII letters (possibly look-alikes, e.g. Cyrillic а); write it as punycode (xn--…)"},
    "E-FEEDBACK-HOST": {"id": "saluran {service} harus mengarah ke {expected}, bukan {value!r}",
                        "en": "a {service} channel must lead to {expected}, not {value!r}"},
    "E-FEEDBACK-NUMBER": {"id": "nomor {value!r} bukan nomor Indonesia; tulis diawali 0 atau +62, mis. \"+6281234567890\"",
                          "en": "number {value!r} is not an Indonesian number; start it with 0 or +62, e.g. \"+6281234567890\""},
    "E-MISSION-UNKNOWN": {"id": "misi RPJMD {value!r} tidak ada di `rpjmd.missions`",
                          "en": "RPJMD mission {value!r} is not listed under `rpjmd.missions`"},
    "E-PROGRAM-UNKNOWN": {"id": "program {value!r} tidak ada di wilayah ini; tulis `id` sebuah program",
                          "en": "programme {value!r} does not exist in this region; give the `id` of a programme"},
    "E-TEXT-FORMULA": {"id": "teks tidak boleh diawali {start!r}: program lembar kerja (Excel, LibreOffice) membacanya sebagai rumus saat data diunduh; awali dengan huruf atau angka",
                       "en": "text may not start with {start!r}: spreadsheets (Excel, LibreOffice) read it as a formula when the data is downloaded; start with a letter or digit"},
    "E-AMOUNT-THOUSANDS": {"id": "{value} terbaca sebagai angka desimal, bukan ribuan: tulis angka tanpa titik pemisah, mis. {meant}",
                           "en": "{value} reads as a decimal number, not thousands: write the number without separators, e.g. {meant}"},
}


def render_message(code: str, params: dict[str, Any], lang: str = "id") -> str:
    """The message of a problem code in a language, filled with its parameters."""
    entry = CATALOGUE.get(code)
    if entry is None:  # a code without a catalogue entry is a bug; still say something useful
        return f"{code} {params}"
    template = entry.get(lang) or entry["id"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return entry["id"].format_map(_Lenient(params))


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"


# Examples for the contributor guide: a wrong line and the parameters of the
# message it produces. Codes without an example are listed with a generic message.
EXAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "E-YAML-TAB": ("pillars:\n\tgovernance: {}", {}),
    "E-YAML-DUPLICATE-KEY": ("status: draft\nstatus: published", {"key": "status", "first_line": 12}),
    "E-REQUIRED": ("# tidak ada baris `cohort:`", {"field": "cohort"}),
    "E-UNKNOWN-FIELD": ("agancy: DPMPTSP", {"field": "agancy", "hint": " — maksud Anda 'agency'?"}),
    "E-TYPE": ("code: 33.75", {"expected": "teks", "actual": "angka", "hint": '; tulis dalam tanda kutip, mis. "33.75"'}),
    "E-ENUM": ("horizon: mid", {"value": "mid", "allowed": "short, medium, long"}),
    "E-PATTERN": ("id: Gov_1", {"value": "Gov_1", "hint": "huruf kecil, angka dan tanda hubung, mis. kota-pekalongan"}),
    "E-DATE": ("updated: 2021-02-30", {"value": "2021-02-30"}),
    "E-ELEMENT": ("element: tourism   # di pilar governance",
                  {"value": "tourism", "pillar": "governance", "allowed": "service, bureaucracy, policy"}),
    "E-PROGRAM-HORIZON": ("horizon: short\nstart: 2022", {"value": 2022, "horizon": "short", "start": 2019, "end": 2020}),
    "E-SOURCE-UNKNOWN": ("sources: [berita-1]", {"value": "berita-1"}),
    "E-NAME-MISMATCH": ("name: Kota Batik", {"value": "Kota Batik", "region_code": "33.75", "expected": "Kota Pekalongan"}),
    "E-ID-FILENAME": ("id: kota-batik   # di berkas kota-pekalongan.yml", {"value": "kota-batik", "expected": "kota-pekalongan"}),
    "E-TEXT-FORMULA": ('title: "=HYPERLINK(\\"http://contoh.invalid\\")"', {"start": "="}),
    "E-ACTUAL-FUTURE": ("actuals:\n  - {year: 2099, value: 90}", {"value": 2099, "current": 2026}),
    "E-DATE-FUTURE": ("updated: 2031-06-01", {"value": "2031-06-01", "current": "2026-03-01"}),
    "E-EVALUATION-DATE": ("- period: 2024-2\n  date: 2023-11-20", {"value": "2023-11-20", "period": "2024-2"}),
    "E-MISSION-UNKNOWN": ("rpjmd: [misi-9]", {"value": "misi-9"}),
    "E-PROGRAM-UNKNOWN": ("programs: [gov-9-9]", {"value": "gov-9-9"}),
    "E-UPDATE-STATUS": ("status: in_progress\nupdates:\n  - {date: 2021-05-27, status: done}", {"value": "in_progress", "last": "done"}),
}
