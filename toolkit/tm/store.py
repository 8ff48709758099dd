"""The project translation memory: one SQLite file (standard library ``sqlite3``).

Layout (schema version :data:`SCHEMA_VERSION`, checked on open):

* ``sources``: one row per distinct English source, keyed by
  :func:`toolkit.lang.english.source_key`, with its word tokens in ``words``; ``source_words``
  is an FTS5 index over those words (kept in step by triggers), which names the fuzzy
  candidates of a sentence without scanning the memory;
* ``units``: a target in one language for one source, with its ``origin`` (``path:line`` of a
  catalog entry, or ``FILE#tuid`` of a TMX unit), ``created``/``changed`` dates (ISO 8601 UTC),
  ``reviewed`` (1 for non-fuzzy catalog entries and units a TMX marks reviewed), and where it
  came from: ``catalog`` (a project catalog, re-read when it changes) or ``memory`` (an
  imported file, replaced when the same file is imported again);
* ``catalogs``: each project catalog read, with size, mtime and SHA-256, so a rebuild re-reads
  only catalogs whose content changed (a touched but unchanged file is only re-stamped).

Safety: WAL journal (readers never block the writer) and a busy timeout (a second writer waits
instead of failing); every write is one ``BEGIN IMMEDIATE`` transaction, so an interrupted
import or rebuild leaves the memory as it was. A locked file after the timeout is a
:class:`~toolkit.errors.LockedError`, a file that is not our SQLite database a
:class:`~toolkit.errors.TMError`, each one line naming the file.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolkit.errors import InputError, LockedError, TMError
from toolkit.lang import english
from toolkit.textio import scratch_error

SCHEMA_VERSION = "1"
#: Where the memory lives unless ``[tool.toolkit] tm`` or ``--tm`` says otherwise.
DEFAULT_PATH = Path(".toolkit") / "tm.sqlite"
DEFAULT_TIMEOUT = 30.0
#: Candidate search: postings read per lookup (rarest words first), and words always read.
POSTINGS_BUDGET = 2000
MIN_WORDS = 2

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, text TEXT NOT NULL, "
    "words TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS source_words USING fts5(words, content='sources', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS source_vocab USING fts5vocab(source_words, 'row')",
    "CREATE TRIGGER IF NOT EXISTS sources_ai AFTER INSERT ON sources BEGIN "
    "INSERT INTO source_words(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER IF NOT EXISTS sources_ad AFTER DELETE ON sources BEGIN "
    "INSERT INTO source_words(source_words, rowid, words) VALUES ('delete', old.id, old.words); END",
    "CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id), "
    "lang TEXT NOT NULL, target TEXT NOT NULL, target_key TEXT NOT NULL, origin TEXT NOT NULL, catalog TEXT, "
    "memory TEXT, created TEXT NOT NULL, changed TEXT NOT NULL, reviewed INTEGER NOT NULL, "
    "UNIQUE (source_id, lang, target_key, origin))",
    "CREATE INDEX IF NOT EXISTS units_source ON units(source_id, lang)",
    "CREATE INDEX IF NOT EXISTS units_catalog ON units(catalog)",
    "CREATE INDEX IF NOT EXISTS units_memory ON units(memory)",
    "CREATE TABLE IF NOT EXISTS catalogs (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, "
    "sha256 TEXT NOT NULL)",
)


def now_iso() -> str:
    """The current time as the memory stores dates (ISO 8601, UTC, seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def target_key(text: str, lang: str) -> str:
    """The form targets are compared in: Khmer by :func:`toolkit.lang.khmer.key` (normalized,
    invisible characters and optional spaces ignored), others by their case-kept source key."""
    if lang.split("_")[0] == "km":
        from toolkit.lang import khmer

        return khmer.key(text)
    return english.source_key(text)


@lru_cache(maxsize=1024)
def normalize_lang(code: str) -> str:
    """``km-KH`` / ``km_kh`` -> ``km_KH``; ``KM`` -> ``km`` (the form catalogs use)."""
    parts = code.replace("-", "_").split("_")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:] if p]
    return "_".join([head, *rest])


@dataclass(frozen=True)
class Unit:
    """One translation: *source* (English) to *target* in *lang*, with where it came from."""

    source: str
    target: str
    lang: str
    origin: str
    created: str = ""
    changed: str = ""
    reviewed: bool = True


@dataclass(frozen=True)
class Stored(Unit):
    """A unit as stored, with its source's id and key (for grouping matches)."""

    source_id: int = 0
    key: str = ""
    memory: str | None = None


@dataclass(frozen=True)
class SyncStats:
    """What a rebuild did: catalogs re-read, skipped as unchanged, dropped as deleted, and the
    catalogs that could not be read (left out, tried again next time; their error)."""

    read: int = 0
    unchanged: int = 0
    removed: int = 0
    units: int = 0
    problems: tuple[str, ...] = ()


_COLUMNS = ("s.text, u.target, u.lang, u.origin, u.created, u.changed, u.reviewed, s.id, s.key, u.memory")


def _lang_clause(lang: str) -> tuple[str, tuple[str, ...]]:
    """SQL matching *lang*: the tag itself, its primary language and its regional variants
    (``km`` finds ``km_KH`` of a Trados memory; ``pt_BR`` finds ``pt`` but not ``pt_PT``)."""
    tag = normalize_lang(lang)
    primary = tag.split("_")[0]
    if tag == primary:
        return "(u.lang = ? OR u.lang GLOB ?)", (tag, primary + "_*")
    return "(u.lang = ? OR u.lang = ?)", (tag, primary)


def pick_rarest(terms: Sequence[str], freq: dict[str, int]) -> list[str]:
    """The words whose postings a candidate search reads: rarest first, at least
    :data:`MIN_WORDS`, then while :data:`POSTINGS_BUDGET` lasts (words not in the index skipped)."""
    ranked = sorted((t for t in dict.fromkeys(terms) if freq.get(t)), key=lambda t: (freq[t], t))
    chosen: list[str] = []
    spent = 0
    for rank, term in enumerate(ranked):
        if rank >= MIN_WORDS and spent + freq[term] > POSTINGS_BUDGET:
            break
        spent += freq[term]
        chosen.append(term)
    return chosen


def _stored(row: Sequence[Any]) -> Stored:
    return Stored(source=row[0], target=row[1], lang=row[2], origin=row[3], created=row[4], changed=row[5],
                  reviewed=bool(row[6]), source_id=row[7], key=row[8], memory=row[9])


class Store:
    """An open translation memory. Use as a context manager (closes the connection)."""

    def __init__(self, path: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.read = 0  # units offered to the last insert
        if self.path.is_dir():
            raise TMError("is a directory, expected a translation memory file", path=self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TMError(f"cannot create its folder ({exc.strerror})", path=self.path) from None
        with self._errors():
            self.db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._setup()

    # --- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite errors as one-line toolkit errors naming the file."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise LockedError("the translation memory is locked by another run; try again when it ends",
                                  path=self.path) from None
            raise TMError(f"cannot use the translation memory ({text})", path=self.path) from None
        except sqlite3.DatabaseError as exc:
            raise TMError(f"not a usable translation memory ({exc}); move it away to rebuild it",
                          path=self.path) from None

    def _setup(self) -> None:
        version = None
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            version = row[0] if row else None
            if version != SCHEMA_VERSION:
                raise TMError(f"translation memory schema {version!r} is not {SCHEMA_VERSION!r} "
                              "(written by another toolkit version); move it away to rebuild it", path=self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            return
        if tables:
            raise TMError("an SQLite file that is not a translation memory; not touched", path=self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        with self._transaction():
            for statement in _SCHEMA:
                self.db.execute(statement)
            self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with self._errors():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def _source_id(self, text: str, cache: dict[str, int]) -> int:
        key = english.source_key(text)
        found = cache.get(key)
        if found is not None:
            return found
        ident = int(self.db.execute(
            "INSERT INTO sources(key, text, words) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET key = key "
            "RETURNING id", (key, key, " ".join(english.words(key)))).fetchone()[0])
        cache[key] = ident
        return ident

    def _insert(self, units: Iterable[Unit], *, catalog: str | None = None, memory: str | None = None,
                dates: Any = None) -> int:
        cache: dict[str, int] = {}
        stamp = now_iso()
        count = 0
        rows = []
        self.read = 0
        for unit in units:
            self.read += 1
            if not unit.source.strip() or not unit.target.strip():
                continue
            lang = normalize_lang(unit.lang)
            tkey = target_key(unit.target, lang)
            sid = self._source_id(unit.source, cache)
            created, changed = unit.created or stamp, unit.changed or unit.created or stamp
            if dates is not None:
                created, changed = dates.get((english.source_key(unit.source), lang, tkey), (created, changed))
            rows.append((sid, lang, unit.target, tkey, unit.origin, catalog, memory, created, changed,
                         int(unit.reviewed)))
            if len(rows) >= 5000:
                count += self._flush(rows)
                cache.clear()  # bounded memory on large imports
        return count + self._flush(rows)

    def _flush(self, rows: list[tuple[Any, ...]]) -> int:
        before = self.db.total_changes
        self.db.executemany(
            "INSERT OR IGNORE INTO units(source_id, lang, target, target_key, origin, catalog, memory, created, "
            "changed, reviewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        rows.clear()
        return self.db.total_changes - before

    def _drop_orphans(self) -> None:
        self.db.execute("DELETE FROM sources WHERE NOT EXISTS (SELECT 1 FROM units WHERE units.source_id = sources.id)")

    def import_units(self, memory: str, units: Iterable[Unit]) -> tuple[int, int]:
        """Replace the units of the imported file *memory* by *units* (one transaction; a
        failure while *units* is being read leaves the memory as it was). Returns (units read,
        units added): a unit already in the memory with the same origin is not added twice."""
        with self._transaction():
            self.db.execute("DELETE FROM units WHERE memory = ?", (memory,))
            count = self._insert(units, memory=memory)
            self._drop_orphans()
        return self.read, count

    def sync_catalogs(self, locales: str | Path, base: str | Path | None = None) -> SyncStats:
        """Bring the memory up to date with the reviewed entries of every ``*.po`` under
        *locales* (incrementally: a catalog whose size and mtime, or else content hash, are as
        recorded is not re-read; catalogs gone from disk are dropped). Origins are ``path:line``
        with the path relative to *base* (default: the working directory)."""
        from toolkit.catalog.pipeline import relative_posix

        root = Path(locales)
        base_dir = Path.cwd() if base is None else Path(base)
        found = sorted(p for p in root.rglob("*.po") if p.is_file()) if root.is_dir() else []
        prefix = str(root.resolve())
        with self._errors():
            known = {row[0]: (row[1], row[2], row[3]) for row in
                     self.db.execute("SELECT path, size, mtime_ns, sha256 FROM catalogs")}
        todo: list[tuple[str, Path, int, int, str]] = []
        touched: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        unchanged = 0
        for path in found:
            key = str(path.resolve())
            seen.add(key)
            st = path.stat()
            old = known.get(key)
            if old is not None and old[:2] == (st.st_size, st.st_mtime_ns):
                unchanged += 1
                continue
            digest = _file_digest(path)
            if old is not None and old[2] == digest:
                touched.append((st.st_size, st.st_mtime_ns, key))
                unchanged += 1
                continue
            todo.append((key, path, st.st_size, st.st_mtime_ns, digest))
        gone = [p for p in known if p not in seen and (p == prefix or p.startswith(prefix + "/"))]
        # Parse before taking the write lock: a slow read never holds other runs up.
        # A catalog that does not read is left out (and tried again next time): the memory serves
        # the other catalogs; the command that owns that catalog reports it.
        parsed: list[tuple[str, int, int, str, tuple[_Spool, str, str]]] = []
        problems = []
        for key, path, size, mtime, digest in todo:
            try:
                parsed.append((key, size, mtime, digest, _read_units(path, relative_posix(path, base_dir))))
            except InputError as exc:
                problems.append(str(exc))
        if not parsed and not gone and not touched:
            return SyncStats(unchanged=unchanged, problems=tuple(problems))
        count = 0
        with self._transaction():
            self.db.executemany("UPDATE catalogs SET size = ?, mtime_ns = ? WHERE path = ?", touched)
            for key in gone:
                self.db.execute("DELETE FROM units WHERE catalog = ?", (key,))
                self.db.execute("DELETE FROM catalogs WHERE path = ?", (key,))
            for key, size, mtime, digest, units in parsed:
                # the dates of the catalog's units, kept in SQLite (not a dict of every unit)
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS kept_dates(key TEXT, lang TEXT, target_key TEXT, "
                                "created TEXT, changed TEXT, PRIMARY KEY(key, lang, target_key))")
                self.db.execute("DELETE FROM kept_dates")
                self.db.execute("INSERT OR REPLACE INTO kept_dates SELECT s.key, u.lang, u.target_key, u.created, "
                                "u.changed FROM units u JOIN sources s ON s.id = u.source_id WHERE u.catalog = ?",
                                (key,))
                self.db.execute("DELETE FROM units WHERE catalog = ?", (key,))
                count += self._insert(_units(*units), catalog=key, dates=_KeptDates(self.db))
                units[0].close()
                self.db.execute("INSERT OR REPLACE INTO catalogs(path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
                                (key, size, mtime, digest))
            if gone or parsed:
                self._drop_orphans()
        return SyncStats(read=len(parsed), unchanged=unchanged, removed=len(gone), units=count,
                         problems=tuple(problems))

    # --- reading -------------------------------------------------------------------------

    def exact(self, key: str, lang: str) -> list[Stored]:
        """Units in *lang* whose source key is *key*."""
        clause, params = _lang_clause(lang)
        with self._errors():
            rows = self.db.execute(f"SELECT {_COLUMNS} FROM units u JOIN sources s ON s.id = u.source_id "
                                   f"WHERE s.key = ? AND {clause}", (key, *params)).fetchall()
        return [_stored(r) for r in rows]

    def candidate_ids(self, words: Sequence[str], limit: int = 40) -> list[int]:
        """Ids of the sources sharing the most of *words*, read rarest word first.

        The word index gives each word's document count; postings are read from the rarest word
        on, at least :data:`MIN_WORDS` of them and then only while :data:`POSTINGS_BUDGET` lasts
        (a changed sentence keeps most of its rare words: names, numbers; common words would only
        add noise and time). The *limit* sources sharing most words come first, ties by age."""
        terms = [w for w in dict.fromkeys(words) if w]
        if not terms:
            return []
        with self._errors():
            marks = ",".join("?" * len(terms))
            freq = dict(self.db.execute(f"SELECT term, doc FROM source_vocab WHERE term IN ({marks})", terms))
            chosen = [f'"{t}"' for t in pick_rarest(terms, freq)]
            if not chosen:
                return []
            one = "SELECT rowid AS id FROM source_words WHERE source_words MATCH ?"
            postings = " UNION ALL ".join([one] * len(chosen))
            return [r[0] for r in self.db.execute(
                f"SELECT id FROM ({postings}) GROUP BY id ORDER BY COUNT(*) DESC, id LIMIT ?", (*chosen, limit))]

    def units_for(self, ids: Sequence[int], lang: str) -> list[Stored]:
        """The units in *lang* of the sources *ids*."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        clause, params = _lang_clause(lang)
        with self._errors():
            rows = self.db.execute(f"SELECT {_COLUMNS} FROM units u JOIN sources s ON s.id = u.source_id "
                                   f"WHERE u.source_id IN ({marks}) AND {clause}", (*ids, *params)).fetchall()
        return [_stored(r) for r in rows]

    def candidates(self, words: Sequence[str], lang: str, limit: int = 40) -> list[Stored]:
        """Units in *lang* of the sources :meth:`candidate_ids` names."""
        return self.units_for(self.candidate_ids(words, limit), lang)

    def source_words(self, lang: str) -> Iterator[tuple[int, str]]:
        """(source id, its words) of every source with a unit in *lang*, streamed."""
        clause, params = _lang_clause(lang)
        with self._errors():
            cursor = self.db.execute(f"SELECT s.id, s.words FROM sources s WHERE EXISTS (SELECT 1 FROM units u "
                                     f"WHERE u.source_id = s.id AND {clause})", params)
            while True:
                rows = cursor.fetchmany(5000)
                if not rows:
                    return
                yield from rows

    def phrase(self, words: Sequence[str], lang: str | None = None) -> list[Stored]:
        """Units whose source contains the word sequence *words* (concordance)."""
        if not words:
            return []
        query = '"' + " ".join(words) + '"'
        sql = (f"SELECT {_COLUMNS} FROM units u JOIN sources s ON s.id = u.source_id WHERE u.source_id IN "
               "(SELECT rowid FROM source_words WHERE source_words MATCH ?)")
        params: list[Any] = [query]
        if lang is not None:
            clause, extra = _lang_clause(lang)
            sql += f" AND {clause}"
            params.extend(extra)
        with self._errors():
            rows = self.db.execute(sql + " ORDER BY u.changed DESC, u.id", params).fetchall()
        return [_stored(r) for r in rows]

    def units(self, lang: str | None = None) -> Iterator[Stored]:
        """Every unit (in *lang*), in source then insertion order, streamed."""
        sql = f"SELECT {_COLUMNS} FROM units u JOIN sources s ON s.id = u.source_id"
        params: tuple[Any, ...] = ()
        if lang is not None:
            clause, params = _lang_clause(lang)
            sql += f" WHERE {clause}"
        with self._errors():
            cursor = self.db.execute(sql + " ORDER BY s.id, u.id", params)
            while True:
                rows = cursor.fetchmany(2000)
                if not rows:
                    return
                yield from (_stored(r) for r in rows)

    def stats(self) -> dict[str, Any]:
        """Counts for ``toolkit tm stats``: units per language, sources, catalogs, imports."""
        with self._errors():
            langs = {r[0]: {"units": r[1], "reviewed": r[2]} for r in self.db.execute(
                "SELECT lang, COUNT(*), SUM(reviewed) FROM units GROUP BY lang ORDER BY lang")}
            sources = self.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
            catalogs = self.db.execute("SELECT COUNT(*) FROM catalogs").fetchone()[0]
            memories = {r[0]: r[1] for r in self.db.execute(
                "SELECT memory, COUNT(*) FROM units WHERE memory IS NOT NULL GROUP BY memory ORDER BY memory")}
        return {"path": str(self.path), "sources": sources, "catalogs": catalogs, "languages": langs,
                "imports": memories}


def catalog_units(path: str | Path, shown: str | None = None, *, reviewed_only: bool = True) -> Iterator[Unit]:
    """The units of one catalog (read with the one PO reader): each translated, non-obsolete,
    singular entry, non-fuzzy unless *reviewed_only* is false. Origin ``shown:line``."""
    yield from _units(*_read_units(path, shown, reviewed_only=reviewed_only))


class _Spool:
    """Items kept in memory up to :data:`_SPILL` of them, beyond that in an anonymous temporary
    file (pickled), until read back once (a small catalog opens no file)."""

    def __init__(self) -> None:
        self.file: Any = None
        self.items: list[Any] = []
        self.count = 0

    def add(self, item: Any) -> None:
        self.items.append(item)
        self.count += 1
        if len(self.items) >= _SPILL:
            try:
                if self.file is None:
                    self.file = tempfile.TemporaryFile()
                for kept in self.items:
                    pickle.dump(kept, self.file, protocol=pickle.HIGHEST_PROTOCOL)
            except OSError as exc:
                raise scratch_error(exc) from None
            self.items = []

    def __iter__(self) -> Iterator[Any]:
        if self.file is not None:
            try:
                self.file.seek(0)
            except OSError as exc:  # the last pieces are written now
                raise scratch_error(exc) from None
            for _ in range(self.count - len(self.items)):
                yield pickle.load(self.file)
        yield from self.items

    def close(self) -> None:
        self.items = []
        if self.file is not None:
            try:
                self.file.close()
            except OSError:  # what was still to be written is not wanted any more
                pass


_SPILL = 4096


def _read_units(path: str | Path, shown: str | None = None, *, reviewed_only: bool = True
                ) -> tuple[_Spool, str, str]:
    """Read the catalog at *path* now (its errors now): what its units need, in a temporary file
    (a large catalog's entries are never all held), its language and the name origins show."""
    from toolkit.catalog import reader

    kept = _Spool()

    def keep(e: "reader.Entry", header: bool) -> None:
        if header or e.obsolete or not e.msgid or e.msgid_plural is not None or not e.msgstr:
            return
        if reviewed_only and e.fuzzy:
            return
        kept.add((e.msgid, e.msgstr, e.line, e.fuzzy))

    try:
        catalog = reader.read_po(path, keep, stream=True)  # a piece at a time: the file is never held whole
        lang = catalog.language or _lang_from_path(Path(path))
        if lang is None:
            from toolkit.errors import CatalogError

            raise CatalogError("no Language in the header and not under LANG/LC_MESSAGES; cannot tell the language",
                               path=path, line=catalog.header_line)
    except BaseException:
        kept.close()
        raise
    return kept, lang, shown or str(path)


def _units(kept: _Spool, lang: str, name: str) -> Iterator[Unit]:
    try:
        for msgid, msgstr, line, fuzzy in kept:
            yield Unit(source=msgid, target=msgstr, lang=lang, origin=f"{name}:{line}", reviewed=not fuzzy)
    finally:
        kept.close()


class _KeptDates:
    """(source key, lang, target key) -> (created, changed) of the units a catalog had, looked
    up in the temporary table ``kept_dates`` (see :meth:`Store.sync_catalogs`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def get(self, key: tuple[str, str, str], default: tuple[str, str]) -> tuple[str, str]:
        row = self.db.execute("SELECT created, changed FROM kept_dates WHERE key = ? AND lang = ? AND target_key = ?",
                              key).fetchone()
        return (row[0], row[1]) if row is not None else default


def _file_digest(path: Path) -> str:
    """The SHA-256 (hex) of the file at *path*, read a megabyte at a time."""
    found = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            found.update(block)
    return found.hexdigest()


def _lang_from_path(path: Path) -> str | None:
    parts = path.parts
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES":
        return parts[-3]
    return None
