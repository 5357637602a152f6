"""The plugin's settings in mkdocs.yml (`plugins: - smartcity: {...}`), typed the way
MkDocs and Material declare plugin options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SmartCityConfig(base.Config):
    """Options of the `smartcity` plugin. Environment variables override them for one build:
    SMARTCITY_REPOSITORY, SMARTCITY_BRANCH (see sitedata.Repository and sitedata.Settings)."""

    repository = c.Type(str, default="")
    """Where region files are edited (e.g. https://github.com/owner/repo); empty: no edit links."""
    branch = c.Type(str, default="main")
    """The branch that "Ubah data ini" links edit."""
    edit_url_template = c.Type(str, default="{url}/edit/{branch}/{path}")
    """The edit link of a region file."""
    commit_url_template = c.Type(str, default="{url}/commit/{sha}")
    """The link of one commit on the change history page."""
