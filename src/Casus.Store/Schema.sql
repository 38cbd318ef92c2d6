-- Casus event store: DuckDB schema, version 1.
-- EventStore.Open runs this script on every open: every statement is idempotent (IF NOT EXISTS / OR REPLACE).
-- Changes are additive only: new tables, or "ALTER TABLE t ADD COLUMN IF NOT EXISTS c ..." appended at the end.
-- Columns are never renamed or removed, so readers (Casus.Serve, user SQL) keep working across versions.
-- Spans are [start, end) UTF-16 character offsets into documents.text, as in the coder's JSON Lines output.
-- Country codes are ISO 3166 alpha-3 / CAMEO country codes; dates are DATE (no time zone).

-- Key/value settings of the store itself.
CREATE TABLE IF NOT EXISTS store_meta (
    key   VARCHAR PRIMARY KEY, -- schema_version | mentions_version (bumped by every ingest batch that changed mentions) | merged_version (mentions_version the events table was built from) | merge_settings (JSON of the MergeSettings last used)
    value VARCHAR NOT NULL     -- the value as text
);

-- One row per committed ingest batch (one transaction each): what a run did, and where a crashed run stopped.
CREATE TABLE IF NOT EXISTS ingest_batches (
    batch_id     BIGINT PRIMARY KEY, -- 1, 2, 3... in commit order
    committed_at TIMESTAMP NOT NULL, -- UTC commit time
    documents    INTEGER NOT NULL,   -- documents written (new or replaced)
    replaced     INTEGER NOT NULL,   -- of which replaced an older version (different content_hash)
    skipped      INTEGER NOT NULL,   -- documents skipped because already stored with the same hash
    mentions     INTEGER NOT NULL    -- event mentions written
);

-- Every ingested document, also those that produced no events (they count in the normalisation of time series).
CREATE TABLE IF NOT EXISTS documents (
    doc_id       VARCHAR PRIMARY KEY, -- the reader's document id (file name, or the JSON Lines "id")
    content_hash VARCHAR NOT NULL,    -- 32 hex chars (SHA-256 prefix) of text + date + title + url; same id and hash = already stored, re-ingest skips it
    date         DATE,                -- publication date; NULL when unknown (then it is not counted per period)
    title        VARCHAR,             -- title when known
    url          VARCHAR,             -- source URL when known (GDELT SOURCEURL)
    source       VARCHAR,             -- publisher / feed when known (distinct sources = GDELT NumSources)
    origin       VARCHAR,             -- where it was read from: path or path:line
    text         VARCHAR,             -- full text the spans point into; NULL when imported from coder JSON Lines only
    coder        VARCHAR,             -- coder version that produced its mentions ("casus 0.1.0 / dictionaries ...")
    event_count  INTEGER NOT NULL,    -- number of mentions stored for it
    batch_id     BIGINT NOT NULL,     -- ingest_batches.batch_id that wrote this version
    ingested_at  TIMESTAMP NOT NULL   -- UTC time it was stored (GDELT DATEADDED of its events)
);

-- One row per coded event mention (one line of `casus code` output). Replaced as a whole when its document changes.
CREATE TABLE IF NOT EXISTS mentions (
    mention_id      VARCHAR PRIMARY KEY, -- the coder's stable mention id ("id")
    doc_id          VARCHAR NOT NULL,    -- documents.doc_id
    kind            VARCHAR NOT NULL,    -- event (source/target/CAMEO) | incident (no actors; cameo may be NULL)
    sentence        INTEGER,             -- sentence index in the document (0-based)
    date            DATE,                -- event date as resolved by the coder
    date_precision  VARCHAR,             -- day | month | year; NULL = not given (treated as day)
    date_start      INTEGER,             -- span of the date expression (NULL when the date is the document date)
    date_end        INTEGER,
    source_text     VARCHAR,             -- source actor as written
    source_code     VARCHAR,             -- CAMEO actor code, e.g. USAGOV
    source_country  VARCHAR,             -- its country (ISO3 / CAMEO), e.g. USA
    source_sector   VARCHAR,             -- its sector code(s), e.g. GOV, MIL
    source_entity   VARCHAR,             -- canonical entity name matched in the dictionary
    source_start    INTEGER,             -- span of source_text
    source_end      INTEGER,
    target_text     VARCHAR,             -- target actor, same fields as source
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    target_entity   VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    cameo           VARCHAR,             -- CAMEO event code (3 or 4 digits), e.g. 190; NULL for some incidents
    root            VARCHAR,             -- CAMEO root (2 digits), e.g. 19
    plover          VARCHAR,             -- PLOVER event type, e.g. ASSAULT
    quad_class      TINYINT,             -- 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    goldstein       DOUBLE,              -- Goldstein scale, -10 .. +10
    trigger_text    VARCHAR,             -- the word(s) that triggered the code
    trigger_start   INTEGER,             -- span of the trigger
    trigger_end     INTEGER,
    text            VARCHAR,             -- the sentence
    text_start      INTEGER,             -- span of the sentence
    text_end        INTEGER,
    modality        VARCHAR,             -- asserted | negated | hypothetical | intended | threatened | denied | claimed
    attributed_text VARCHAR,             -- who the report attributes the statement to (actor text), NULL if nobody
    attributed_code VARCHAR,             -- its CAMEO actor code
    confidence      DOUBLE,              -- coder confidence 0..1
    pattern         VARCHAR,             -- dictionary line that coded it, e.g. events/verbs.txt:2329
    coder           VARCHAR,             -- coder version
    loc_name        VARCHAR,             -- place name (resolved), NULL when no place
    loc_country     VARCHAR,             -- ISO3 country of the place
    loc_admin1      VARCHAR,             -- first-order division (code or name)
    loc_lat         DOUBLE,              -- WGS84 latitude
    loc_lon         DOUBLE,              -- WGS84 longitude
    loc_geonameid   BIGINT,              -- GeoNames id
    loc_precision   VARCHAR,             -- site | city | admin1 | country
    loc_start       INTEGER,             -- span of the place mention
    loc_end         INTEGER,
    loc_basis       VARCHAR,             -- clause | sentence | document: how far from the trigger the place was found
    killed          INTEGER,             -- casualty counts stated in the report, NULL when not stated
    injured         INTEGER,
    missing         INTEGER,
    arrested        INTEGER,
    displaced       INTEGER,
    deployment      VARCHAR,             -- deployment size / materiel as the coder's JSON object, NULL when absent
    extra           VARCHAR              -- JSON object of any other fields of the coder record the store does not know (kept verbatim)
);

-- Merged events: reports of the same event clustered by EventStore.Merge. Rebuilt as a whole from mentions.
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY, -- 16 hex chars: hash of the earliest mention id in the cluster (stable while the cluster keeps its first report)
    global_id       BIGINT NOT NULL,     -- the same hash as a positive 53-bit integer (GDELT GLOBALEVENTID, JSON-safe)
    kind            VARCHAR NOT NULL,    -- event | incident
    date            DATE,                -- earliest event date in the cluster
    end_date        DATE,                -- latest event date in the cluster
    first_report    DATE,                -- earliest document date among its reports (event date when the document has none)
    last_report     DATE,                -- latest document date among its reports
    source_code     VARCHAR,             -- dyad, shared by all its mentions (see mentions)
    source_country  VARCHAR,
    source_sector   VARCHAR,
    source_name     VARCHAR,             -- entity (or text) of the representative mention's source
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    target_name     VARCHAR,
    cameo           VARCHAR,             -- most frequent CAMEO code among the mentions (ties: earliest)
    root            VARCHAR,
    plover          VARCHAR,
    quad_class      TINYINT,
    goldstein       DOUBLE,
    modality        VARCHAR,             -- modality of the representative mention
    loc_name        VARCHAR,             -- place of the earliest mention that has one
    loc_country     VARCHAR,
    loc_admin1      VARCHAR,
    loc_lat         DOUBLE,
    loc_lon         DOUBLE,
    loc_geonameid   BIGINT,
    loc_precision   VARCHAR,
    num_mentions    INTEGER NOT NULL,    -- GDELT NumMentions: mentions in the cluster
    num_sources     INTEGER NOT NULL,    -- GDELT NumSources: distinct documents.source (a document without source counts as its own)
    num_articles    INTEGER NOT NULL,    -- GDELT NumArticles: distinct documents
    confidence      DOUBLE,              -- highest mention confidence
    killed          INTEGER,             -- highest count stated by any report, NULL when none states it
    injured         INTEGER,
    missing         INTEGER,
    arrested        INTEGER,
    displaced       INTEGER,
    is_root_event   BOOLEAN NOT NULL,    -- some report has it in its first three sentences (GDELT IsRootEvent)
    representative  VARCHAR NOT NULL,    -- mention_id whose codes, actors and sentence the event carries
    first_doc_id    VARCHAR NOT NULL,    -- document of the earliest report (its url is GDELT SOURCEURL)
    date_added      TIMESTAMP,           -- earliest ingested_at of its documents (GDELT DATEADDED)
    merge_run       BIGINT NOT NULL      -- merge_runs.run_id that built it
);

-- Cluster membership: which reports make each merged event (the explanation of a merge).
CREATE TABLE IF NOT EXISTS event_mentions (
    mention_id VARCHAR PRIMARY KEY, -- mentions.mention_id (each mention is in exactly one event)
    event_id   VARCHAR NOT NULL,    -- events.event_id
    doc_id     VARCHAR NOT NULL,    -- documents.doc_id of the mention
    ordinal    INTEGER NOT NULL     -- 0 = the earliest report (the one the id derives from), then by date and id
);

-- Every merge run with its settings, so a merge can be explained and re-run with other settings.
CREATE TABLE IF NOT EXISTS merge_runs (
    run_id           BIGINT PRIMARY KEY, -- 1, 2, 3...
    settings         VARCHAR NOT NULL,   -- JSON of the MergeSettings
    mentions_version BIGINT NOT NULL,    -- store_meta.mentions_version it was built from
    events           INTEGER NOT NULL,   -- merged events produced
    mentions         INTEGER NOT NULL,   -- mentions clustered
    created_at       TIMESTAMP NOT NULL  -- UTC
);

-- Documents per publication day: the denominator of normalised time series.
CREATE OR REPLACE VIEW documents_per_day AS
    SELECT date, count(*) AS documents FROM documents WHERE date IS NOT NULL GROUP BY date;

-- Additions after version 1 (additive only; existing files get them on the next open).
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS date_basis VARCHAR;      -- where the date came from: document | sentence | ... as the coder says
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS casualties_json VARCHAR; -- the coder's casualties object verbatim (keeps qualifiers such as "at least"); the integer columns hold the figures
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS quote_json VARCHAR;      -- the quotation the event was said in ({span, speaker}) verbatim, NULL when none
