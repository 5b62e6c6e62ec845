-- kronika's knowledge base: one SQLite file (docs/store.md describes every table and view).
-- Character offsets (start, end, evidence_start ...) index articles.text, as in kronika.model.
-- Changes are additive only: new tables, views, columns or indexes, never a rename.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per article read. status: queued (read, waiting for its analysis), analysed,
-- duplicate (duplicate_of names the original; not analysed), failed (see errors).
CREATE TABLE IF NOT EXISTS articles (
    id             INTEGER PRIMARY KEY,
    source_id      TEXT NOT NULL,                 -- Article.id (BSNLP ids repeat across topics)
    content_hash   TEXT NOT NULL,                 -- sha256 of the text
    origin         TEXT NOT NULL,                 -- source_id + url or path: one copy of one text
    title          TEXT,
    date           TEXT,                          -- ISO 8601 as precise as the source: 2022-01
    date_precision TEXT,
    date_start     TEXT,                          -- first day the date can mean: 2022-01-01
    url            TEXT,
    source         TEXT,
    path           TEXT,                          -- the file it was read from (absolute), if any
    format         TEXT,
    language       TEXT,
    author         TEXT,
    text           TEXT NOT NULL,
    words          INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'analysed', 'duplicate', 'failed')),
    duplicate_of   INTEGER REFERENCES articles(id),
    duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
    similarity     REAL,                          -- estimated Jaccard with the original (near)
    ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_copy ON articles(content_hash, origin);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date_start);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX IF NOT EXISTS articles_status ON articles(status);
CREATE INDEX IF NOT EXISTS articles_status_date ON articles(status, date_start);
CREATE INDEX IF NOT EXISTS articles_id_date ON articles(id, date_start);  -- the date of one article, without its row

-- Entities merged across articles by their corpus-wide id (kronika.link): GPE:KAZ, PER:putin ...
CREATE TABLE IF NOT EXISTS entities (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,                  -- PER ORG LOC GPE FAC EVT PRO ...
    subtype       TEXT,                           -- the NKJP type: persName, placeName_country ...
    name          TEXT NOT NULL,                  -- base form of the fullest name
    country       TEXT,                           -- ISO 3166 alpha-3 or a fixed code (CSTO, EU)
    aliases       TEXT NOT NULL DEFAULT '[]',     -- JSON list of other base names
    articles      INTEGER NOT NULL DEFAULT 0,     -- analysed articles that mention it
    mentions      INTEGER NOT NULL DEFAULT 0,
    first_date    TEXT,                           -- date_start of the earliest and latest of them
    last_date     TEXT,
    link_key      TEXT                            -- a person's surname, lower-cased (linking)
);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE INDEX IF NOT EXISTS entities_link_key ON entities(link_key);
CREATE INDEX IF NOT EXISTS entities_country ON entities(country);

-- Every base name and alias of an entity (lower-cased in name_key, for look-ups and linking).
CREATE TABLE IF NOT EXISTS entity_names (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_names_key ON entity_names(name_key);

-- Old ids that linking later merged into another entity: old id -> the id it now has.
CREATE TABLE IF NOT EXISTS entity_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    base       TEXT,
    kind       TEXT NOT NULL DEFAULT 'name'       -- name, role, demonym
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id, start);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX IF NOT EXISTS mentions_text ON mentions(text);  -- known names (kronika.store.recall)
CREATE INDEX IF NOT EXISTS mentions_role ON mentions(base) WHERE kind = 'role';  -- roles bound to people

-- Which entities an analysed article mentions, and how often (search filters, entity pages).
CREATE TABLE IF NOT EXISTS article_entities (
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(article_id, entity_id);

-- Articles and mentions of an entity per month of the articles' dates (YYYY-MM of date_start): the
-- sums of article_entities by month, kept by the triggers below whatever writes article_entities
-- (an entity page's chart reads a few rows instead of all the entity's articles).
CREATE TABLE IF NOT EXISTS entity_months (
    entity_id TEXT NOT NULL,
    month     TEXT NOT NULL,
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, month)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS entity_months_insert AFTER INSERT ON article_entities BEGIN
    INSERT INTO entity_months (entity_id, month, articles, mentions)
    SELECT NEW.entity_id, substr(a.date_start, 1, 7), 1, NEW.mentions FROM articles a
    WHERE a.id = NEW.article_id AND a.date_start IS NOT NULL
    ON CONFLICT (entity_id, month) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
END;

CREATE TRIGGER IF NOT EXISTS entity_months_delete AFTER DELETE ON article_entities BEGIN
    UPDATE entity_months SET articles = articles - 1, mentions = mentions - OLD.mentions
    WHERE entity_id = OLD.entity_id
      AND month = (SELECT substr(date_start, 1, 7) FROM articles WHERE id = OLD.article_id);
    DELETE FROM entity_months WHERE entity_id = OLD.entity_id AND articles <= 0;
END;

CREATE TRIGGER IF NOT EXISTS entity_months_update AFTER UPDATE ON article_entities BEGIN
    UPDATE entity_months SET articles = articles - 1, mentions = mentions - OLD.mentions
    WHERE entity_id = OLD.entity_id
      AND month = (SELECT substr(date_start, 1, 7) FROM articles WHERE id = OLD.article_id);
    INSERT INTO entity_months (entity_id, month, articles, mentions)
    SELECT NEW.entity_id, substr(a.date_start, 1, 7), 1, NEW.mentions FROM articles a
    WHERE a.id = NEW.article_id AND a.date_start IS NOT NULL
    ON CONFLICT (entity_id, month) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
    DELETE FROM entity_months WHERE entity_id = OLD.entity_id AND articles <= 0;
END;

-- The codes of an analysed article: of the entities it mentions and of its events' parties.
CREATE TABLE IF NOT EXISTS article_countries (
    country    TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (country, article_id)
) WITHOUT ROWID;

-- Inflected one-word forms seen in entity mentions -> base words (Tokajewa -> tokajew), lower-cased:
-- search lemmatises a query word with them too.
CREATE TABLE IF NOT EXISTS name_forms (
    form TEXT NOT NULL,
    base TEXT NOT NULL,
    PRIMARY KEY (form, base)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS quotes (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id),
    kind           TEXT NOT NULL,                 -- direct, indirect, mixed
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    speaker_id     TEXT REFERENCES entities(id),  -- set when the speaker is a known entity
    speaker        TEXT,                          -- Quote.speaker: entity id or a description
    speaker_name   TEXT,
    cue            TEXT,
    cue_lemma      TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE INDEX IF NOT EXISTS quotes_speaker_article ON quotes(speaker_id, article_id);  -- a speaker's quotes by date, rows unread
-- A speaker known by name or description only ("rzecznik Kremla"): filters compare lower-cased.
CREATE INDEX IF NOT EXISTS quotes_speaker_name ON quotes(lower(coalesce(speaker_name, speaker)));

CREATE TABLE IF NOT EXISTS events (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id),
    type           TEXT NOT NULL,                 -- PLOVER: AGREE ... ASSAULT
    mode           TEXT,
    context        TEXT NOT NULL DEFAULT '[]',    -- JSON list
    status         TEXT NOT NULL,                 -- occurred, announced, negated
    date           TEXT,
    date_precision TEXT,
    date_start     TEXT,                          -- event date (else the article's), first day
    location       TEXT,
    trigger        TEXT,
    evidence_start INTEGER,                       -- the sentence that states it
    evidence_end   INTEGER
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type, date_start);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id  INTEGER NOT NULL REFERENCES events(id),
    role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position  INTEGER NOT NULL,
    entity_id TEXT REFERENCES entities(id),       -- none for a party known only by country/sector
    name      TEXT,
    country   TEXT,
    sector    TEXT,
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX IF NOT EXISTS event_actors_entity ON event_actors(entity_id);
CREATE INDEX IF NOT EXISTS event_actors_entity_event ON event_actors(entity_id, event_id);  -- an entity's events, rows unread
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(country);

CREATE TABLE IF NOT EXISTS times (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    value      TEXT,
    precision  TEXT
);
CREATE INDEX IF NOT EXISTS times_article ON times(article_id);

-- Items that could not be read or analysed; one row per item and reason (the latest message).
CREATE TABLE IF NOT EXISTS errors (
    id      INTEGER PRIMARY KEY,
    item    TEXT NOT NULL,                        -- a path, a path#record, or source_id@path
    reason  TEXT NOT NULL,                        -- kronika.read REASONS, or analysis_failed
    code    TEXT NOT NULL,                        -- KronikaError.code
    message TEXT NOT NULL,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    count   INTEGER NOT NULL DEFAULT 1,           -- runs that met it
    article_id INTEGER REFERENCES articles(id),
    UNIQUE (item, reason)
);

-- Near-duplicate detection (MinHash LSH, datasketch): the signature of every original article,
-- and its LSH band keys (band number, 64-bit hash of the band), so later runs see earlier articles.
CREATE TABLE IF NOT EXISTS minhashes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    signature  BLOB NOT NULL                      -- num_perm little-endian uint32
);
CREATE TABLE IF NOT EXISTS minhash_bands (
    band       INTEGER NOT NULL,
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, key, article_id)
) WITHOUT ROWID;

-- Full-text search over lemmas (rowid = articles.id; contentless: snippets come from articles.text).
-- lemmas: the lower-cased lemma of every word; names: entity base names and aliases.
CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    lemmas, names, content='', tokenize="unicode61 remove_diacritics 0"
);

-- Views for browsing (Datasette and the like).
CREATE VIEW IF NOT EXISTS articles_view AS
SELECT a.id, a.date, a.title, substr(a.text, 1, 200) AS lead, a.url, a.source, a.status,
       a.duplicate_of, a.duplicate_kind,
       (SELECT count(*) FROM article_entities ae WHERE ae.article_id = a.id) AS entities,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
FROM articles a;

CREATE VIEW IF NOT EXISTS quotes_view AS
SELECT q.id, q.article_id, a.date, a.title AS article_title, q.kind,
       coalesce(e.name, q.speaker_name, q.speaker) AS speaker_name, q.speaker_id, q.text, q.cue,
       q.start, q.end
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id;

CREATE VIEW IF NOT EXISTS events_view AS
SELECT ev.id, ev.article_id, coalesce(ev.date, a.date) AS date, ev.type, ev.mode, ev.status,
       (SELECT group_concat(coalesce(en.name, x.name, x.country), '; ') FROM event_actors x
        LEFT JOIN entities en ON en.id = x.entity_id WHERE x.event_id = ev.id AND x.role = 'actor') AS actors,
       (SELECT group_concat(coalesce(en.name, x.name, x.country), '; ') FROM event_actors x
        LEFT JOIN entities en ON en.id = x.entity_id WHERE x.event_id = ev.id AND x.role = 'recipient') AS recipients,
       ev.location, ev.trigger, substr(a.text, ev.evidence_start + 1, ev.evidence_end - ev.evidence_start) AS sentence,
       a.title AS article_title
FROM events ev JOIN articles a ON a.id = ev.article_id;

CREATE VIEW IF NOT EXISTS entity_mentions_by_month AS
SELECT ae.entity_id, substr(a.date_start, 1, 7) AS month, count(*) AS articles, sum(ae.mentions) AS mentions
FROM article_entities ae JOIN articles a ON a.id = ae.article_id
WHERE a.date_start IS NOT NULL
GROUP BY ae.entity_id, month;

CREATE VIEW IF NOT EXISTS errors_view AS
SELECT item, reason, message, count, at FROM errors ORDER BY at DESC;
