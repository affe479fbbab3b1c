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
