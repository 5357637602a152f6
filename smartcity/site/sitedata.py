"""What one build of the site knows: settings, the regions to publish and their figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from smartcity.asof import as_of_date
from smartcity.figures.aggregate import NationalFigures, RegionFigures, national_figures, region_figures
from smartcity.figures.national import RegionRank, rankings, ranks_by_region
from smartcity.history.diff import Items, RegionHistory, region_history, version_items
from smartcity.history.git import Commit, file_histories, file_versions, is_shallow, repository_prefix
from smartcity.model import Region
from smartcity.processes import cycle_collector_paused, watch_parent, worker_context
from smartcity.reference import Reference, load_reference
from smartcity.settings import public_url
from smartcity.validation.cache import CheckCache
from smartcity.validation.loader import REGIONS_DIR, load_regions


@dataclass(frozen=True)
class Settings:
    """One build's settings, from the environment."""
    regions_dir: Path = REGIONS_DIR
    include_drafts: bool = False   # preview: drafts are built, with a banner
    only: str | None = None        # preview of one region
    as_of: dt.date = field(default_factory=as_of_date)  # the day the data is compiled

    @classmethod
    def from_options(cls, regions_dir: str, drafts: bool, only: str, base: Path) -> Settings:
        """The plugin's options (mkdocs.yml gives each its environment variable); a relative
        regions folder is relative to the project folder, the one that holds mkdocs.yml. The
        "as of" date comes from SOURCE_DATE_EPOCH as written (asof.as_of_date); a malformed
        one raises settings.SettingError naming it."""
        path = Path(regions_dir)
        return cls(path if path.is_absolute() else base / path, drafts, only or None, as_of_date())

    @classmethod
    def from_environment(cls, base: Path) -> Settings:
        """The same settings from the environment variables alone (tools outside MkDocs)."""
        return cls.from_options(os.environ.get("SMARTCITY_REGIONS_DIR", "data/regions"),
                                os.environ.get("SMARTCITY_DRAFTS", "") in ("1", "true", "yes"),
                                os.environ.get("SMARTCITY_ONLY", ""), base)


@dataclass(frozen=True)
class Repository:
    """Where region files are edited. Empty `url`: no edit or commit links."""

    url: str = ""
    branch: str = "main"
    edit_template: str = "{url}/edit/{branch}/{path}"
    commit_template: str = "{url}/commit/{sha}"
    editor_auth_url: str = ""      # the web editor's sign-in endpoint (SMARTCITY_CMS_AUTH_URL)

    @classmethod
    def from_options(cls, url: str, branch: str, edit_template: str, commit_template: str,
                     editor_auth_url: str = "") -> Repository:
        """The plugin's options (SMARTCITY_REPOSITORY / SMARTCITY_BRANCH / SMARTCITY_CMS_AUTH_URL
        through mkdocs.yml); the addresses are checked like every published one
        (settings.public_url)."""
        address = public_url("SMARTCITY_REPOSITORY (repository)", url.strip(), allow_empty=True)
        auth = public_url("SMARTCITY_CMS_AUTH_URL (cms_auth_url)", editor_auth_url.strip(), allow_empty=True)
        return cls(address.rstrip("/"), branch or "main", edit_template, commit_template, auth)

    def edit_url(self, path: str) -> str | None:
        """The edit link of a region file, or None without a repository."""
        return self.edit_template.format(url=self.url, branch=self.branch, path=path) if self.url else None

    def commit_url(self, sha: str) -> str | None:
        """The link of a commit, or None without a repository."""
        return self.commit_template.format(url=self.url, sha=sha) if self.url else None


@dataclass(frozen=True)
class SiteData:
    """What one build knows: settings, reference data, regions and their figures."""
    settings: Settings
    reference: Reference
    regions: tuple[Region, ...]
    figures: dict[str, RegionFigures] = field(default_factory=dict)
    national: NationalFigures | None = None
    repository: Repository = field(default_factory=Repository)
    histories: dict[str, tuple[Commit, ...]] = field(default_factory=dict)  # by region id
    ranks: dict[str, dict[str, RegionRank]] = field(default_factory=dict)  # region id → period → rank
    changes: dict[str, RegionHistory] = field(default_factory=dict)         # region id → data changes

    def region(self, region_id: str) -> Region:
        """The region with this id."""
        return next(r for r in self.regions if r.id == region_id)

    def history(self, region_id: str) -> tuple[Commit, ...]:
        """The commits that changed a region's file, newest first."""
        return self.histories.get(region_id, ())

    def last_changed(self, region: Region) -> dt.date | None:
        """The last commit that touched the region's file; else its `updated` date."""
        commits = self.history(region.id)
        return commits[0].date.date() if commits else region.updated


log = logging.getLogger("mkdocs.plugins.smartcity")
HISTORY_DEPTH = 30  # versions of a file read for its change history: the cost stays bounded
HISTORY_FORMAT = 4  # of the cached items of a version (changes.version_items)


PARALLEL_VERSIONS = 64   # versions to parse before worker processes pay for themselves
VERSION_BATCH = 16


def _parse_batch(raws: list[bytes]) -> list[Items | None]:
    return [version_items(raw) for raw in raws]


def _parse_versions(raws: list[bytes]) -> list[Items | None]:
    """The compared items of many versions, in order; on every core when there are many
    (a first build of 514 files × 30 versions parses ~15,000 of them)."""
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or len(raws) < PARALLEL_VERSIONS:
        return _parse_batch(raws)
    batches = [raws[i:i + VERSION_BATCH] for i in range(0, len(raws), VERSION_BATCH)]
    with ProcessPoolExecutor(workers, mp_context=worker_context(prefer_fork=True), initializer=watch_parent) as pool:
        return [items for batch in pool.map(_parse_batch, batches) for items in batch]


def data_changes(directory: Path, names: list[str],
                 histories: dict[str, tuple[Commit, ...]]) -> dict[str, RegionHistory]:
    """Each file's data changes from its versions in git."""
    cache = CheckCache.from_environment()

    def key(blob: str) -> str:
        return f"history-{HISTORY_FORMAT}-{blob}"

    # a version's compared items, by blob id: each version is read and parsed once, across builds
    known: dict[str, Items | None] = {}

    def cached(blob: str) -> bool:
        found = cache.get(key(blob)) if cache else None
        if isinstance(found, dict) or found == "unreadable":
            known[blob] = found if isinstance(found, dict) else None
            return True
        return False

    versions = file_versions(directory, names, histories, cached)
    shallow = is_shallow(directory)
    # every version not in the cache is parsed once, in worker processes when there are many
    unread = {blob: raw for found in versions.values() for _, blob, raw in found
              if blob is not None and raw is not None and blob not in known}
    for blob, result in zip(unread, _parse_versions(list(unread.values())), strict=True):
        known[blob] = result
        if cache:
            cache.put(key(blob), result if result is not None else "unreadable")

    def items(blob: str | None, raw: bytes | None) -> Items | None:
        return known.get(blob) if blob is not None else None

    out = {name: region_history([(commit, items(blob, raw)) for commit, blob, raw in versions.get(name, [])],
                                bool(histories.get(name)), shallow or len(histories.get(name, ())) >= HISTORY_DEPTH)
           for name in names}
    for name, history in out.items():   # one line each in the build log; the history page says it too
        for group in history.groups:
            if group.unreadable:
                log.info("Riwayat %s: versi %s (%s) tidak dapat dibaca; dilewati", name, group.date.isoformat(),
                         group.sha[:8])
            if group.date_clamped:
                log.info("Riwayat %s: tanggal commit %s tidak wajar; ditampilkan sebagai %s", name, group.sha[:8],
                         group.date.isoformat())
    return out


def _published_paths(regions: tuple[Region, ...], directory: Path) -> tuple[Region, ...]:
    """Region files named as the published pages name them: by their path in the repository
    ("data/regions/x.yml"), never by the build machine's absolute path (a data folder
    outside the project); outside any repository, by the folder's own name."""
    if not any(Path(r.source_file).is_absolute() for r in regions):
        return regions
    prefix = repository_prefix(directory)
    folder = prefix if prefix is not None else f"{directory.name}/"
    return tuple(dataclasses.replace(r, source_file=folder + Path(r.source_file).name)
                 if Path(r.source_file).is_absolute() else r for r in regions)


def load_site_data(settings: Settings, repository: Repository | None = None) -> SiteData:
    """Load and validate every region once. Raises `InvalidData` on any problem."""
    with cycle_collector_paused():
        return _load_site_data(settings, repository)


def _load_site_data(settings: Settings, repository: Repository | None) -> SiteData:
    reference = load_reference()
    regions = _published_paths(load_regions(settings.regions_dir, settings.include_drafts, settings.only,
                                            settings.as_of), settings.regions_dir)
    by_file = file_histories(settings.regions_dir, HISTORY_DEPTH, settings.as_of)
    histories = {r.id: by_file.get(f"{r.id}.yml", ()) for r in regions}
    changes = data_changes(settings.regions_dir, [f"{r.id}.yml" for r in regions], by_file)
    figures = {r.id: region_figures(r, settings.as_of) for r in regions}
    return SiteData(settings, reference, regions, figures, national_figures(regions, figures),
                    repository or Repository(), histories, ranks_by_region(rankings(regions)),
                    {r.id: changes[f"{r.id}.yml"] for r in regions})
