"""The plugin's settings in mkdocs.yml (`plugins: - smartcity: {...}`), typed the way
MkDocs and Material declare plugin options. Environment variables reach them through
`!ENV` in mkdocs.yml, one way in for every setting; the values are checked in
`sitedata.Settings.from_options` (smartcity/settings.py), with messages that name the
variable. The one exception is `SOURCE_DATE_EPOCH`, the reproducible-builds convention that
the validator and other tools read too: it is read from the environment as written
(`smartcity.asof`), because `!ENV` would read `1_735_689_600` as a YAML number."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c


class Flag(c.BaseConfigOption[bool]):
    """A yes/no option that `!ENV` may give as text or a number: 1, true, yes → True; 0,
    false, no, "" → False."""

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: Any) -> bool:
        """The value as a bool, or a validation error MkDocs reports with the option's name."""
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off", "", "none"):
            return False
        raise base.ValidationError(f"expected yes or no (1/0, true/false), got {value!r}")


class Text(c.BaseConfigOption[str]):
    """A text option that `!ENV` may give as a number (SOURCE_DATE_EPOCH=1795478400)."""

    def __init__(self, default: str = "") -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: Any) -> str:
        """The value as text, or a validation error MkDocs reports with the option's name."""
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise base.ValidationError(f"expected a text, got {value!r}")
        return str(value)


class SmartCityConfig(base.Config):
    """Options of the `smartcity` plugin (mkdocs.yml gives each its environment variable)."""

    regions_dir = Text(default="data/regions")
    """The folder of region files, relative to mkdocs.yml (SMARTCITY_REGIONS_DIR)."""
    drafts = Flag(default=False)
    """Build drafts too, with a banner (SMARTCITY_DRAFTS)."""
    only = Text(default="")
    """Build one region only, for a preview (SMARTCITY_ONLY)."""
    tune_process = Flag(default=False)
    """Process-wide tuning for a one-off build (gc.freeze, a lower CPU priority while the search
    index is written): set by scripts/build.py, never by `mkdocs serve` (SMARTCITY_TUNE_PROCESS)."""
    repository = Text(default="")
    """Where region files are edited (e.g. https://github.com/owner/repo); empty: no edit links
    (SMARTCITY_REPOSITORY)."""
    branch = Text(default="main")
    """The branch that "Ubah data ini" links edit (SMARTCITY_BRANCH)."""
    cms_auth_url = Text(default="")
    """The web editor's GitHub sign-in endpoint, e.g. https://auth.example.org/auth
    (SMARTCITY_CMS_AUTH_URL); empty: /sunting/ says what is missing."""
    edit_url_template = c.Type(str, default="{url}/edit/{branch}/{path}")
    """The edit link of a region file."""
    commit_url_template = c.Type(str, default="{url}/commit/{sha}")
    """The link of one commit on the change history page."""
