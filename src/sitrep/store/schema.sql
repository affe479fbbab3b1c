-- sitrep store schema, version 1. Only sitrep.store reads or writes these tables.
-- Evidence columns hold JSON lists of {doc_id, layer, start, end, text}.
CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
    id           VARCHAR PRIMARY KEY,   -- content hash (ingest.records.content_id)
    source       VARCHAR NOT NULL,      -- path, URL, or path#line=N / path#record=N
    raw_hash     VARCHAR NOT NULL,      -- sha256 of the raw bytes
    media_type   VARCHAR NOT NULL,
    encoding     VARCHAR,
    fetched_at   VARCHAR,
    hints        JSON,
    raw_text     VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS texts (
    doc_id    VARCHAR PRIMARY KEY,
    text      VARCHAR NOT NULL,         -- cleaned main text ("text" layer)
    segments  JSON NOT NULL,            -- map from text offsets to raw offsets
    blocks    JSON NOT NULL,            -- every raw block with the cleaner's label
    method    VARCHAR
);

CREATE TABLE IF NOT EXISTS metadata (
    doc_id              VARCHAR PRIMARY KEY,
    title               VARCHAR,
    outlet              VARCHAR,
    author              VARCHAR,
    dateline            VARCHAR,
    url                 VARCHAR,
    published           VARCHAR,        -- best value, ISO (precision says how much of it holds)
    published_earliest  VARCHAR,
    published_latest    VARCHAR,
    published_precision VARCHAR,
    published_confidence DOUBLE,
    detail              JSON NOT NULL   -- every field with value, confidence, method, evidence
);

CREATE TABLE IF NOT EXISTS comments (
    doc_id    VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    text      VARCHAR NOT NULL,
    author    VARCHAR,
    posted    VARCHAR,
    depth     INTEGER NOT NULL,
    parent    INTEGER,
    detail    JSON NOT NULL,            -- the comment record with all evidence
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS failures (
    source    VARCHAR NOT NULL,
    stage     VARCHAR NOT NULL,
    code      VARCHAR NOT NULL,
    detail    VARCHAR,
    doc_id    VARCHAR,
    failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id      VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,       -- actor | place | time | quantity | quote
    start_char  INTEGER NOT NULL,       -- offsets into texts.text ("text" layer)
    end_char    INTEGER NOT NULL,
    surface     VARCHAR NOT NULL,
    resolved    VARCHAR,                -- KB actor id, place id, ISO date, number, speaker id
    confidence  DOUBLE,
    detail      JSON NOT NULL           -- the whole mention record
);

CREATE TABLE IF NOT EXISTS events (
    id           VARCHAR PRIMARY KEY,
    doc_id       VARCHAR NOT NULL,
    event        VARCHAR NOT NULL,      -- PLOVER category
    mode         VARCHAR,
    aux_mode     VARCHAR,               -- comma-separated auxiliary modes, '' when plainly asserted
    actor        VARCHAR,               -- first actor's KB id (or surface form when unresolved)
    actor_code   VARCHAR,
    recipient    VARCHAR,
    recipient_code VARCHAR,
    date         VARCHAR,
    date_from_publication BOOLEAN,
    place        VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE,
    country_code VARCHAR,
    magnitude    DOUBLE,
    magnitude_unit VARCHAR,
    confidence   DOUBLE,
    detail       JSON NOT NULL          -- the PLOVER record with every field's evidence
);
