-- Corpus stage tables (sitrep.corpus): near-duplicates, stories, merged events, claims,
-- attribution chains, framing. Written by sitrep.store.corpus only.
CREATE TABLE IF NOT EXISTS corpus_signatures (
    doc_id      VARCHAR PRIMARY KEY,
    text_hash   VARCHAR NOT NULL,       -- hash of the main text's word sequence (exact duplicates)
    n_shingles  INTEGER NOT NULL,
    minhash     BLOB NOT NULL           -- MinHash hash values (uint32 little-endian), rebuilt into the LSH
);

CREATE TABLE IF NOT EXISTS corpus_duplicates (
    doc_a       VARCHAR NOT NULL,       -- the document added later
    doc_b       VARCHAR NOT NULL,       -- the stored document it shares text with
    kind        VARCHAR NOT NULL,       -- identical | syndicated | rewrite
    similarity  DOUBLE NOT NULL,        -- shingle containment (1.0 for identical)
    earliest    VARCHAR,                -- doc id published first, where both dates allow
    PRIMARY KEY (doc_a, doc_b)
);

CREATE TABLE IF NOT EXISTS corpus_term_df (
    term  VARCHAR PRIMARY KEY,
    df    INTEGER NOT NULL              -- documents whose topic terms include it (TF-IDF)
);

CREATE TABLE IF NOT EXISTS corpus_stories (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    first_seen  VARCHAR,                -- earliest best publication date of its documents
    last_seen   VARCHAR,
    earliest    VARCHAR,                -- date range the clusterer's time window uses
    latest      VARCHAR,
    n_docs      INTEGER NOT NULL,
    centroid    JSON NOT NULL,          -- term -> summed TF-IDF weight (heaviest terms)
    keys        JSON NOT NULL           -- event key -> count
);

CREATE TABLE IF NOT EXISTS corpus_story_docs (
    doc_id    VARCHAR PRIMARY KEY,
    story_id  VARCHAR NOT NULL,
    score     DOUBLE NOT NULL,
    method    VARCHAR NOT NULL          -- new | joined | duplicate
);

CREATE TABLE IF NOT EXISTS corpus_merged_events (
    id        VARCHAR PRIMARY KEY,
    story_id  VARCHAR NOT NULL,
    event     VARCHAR NOT NULL,
    actor     VARCHAR,
    recipient VARCHAR,
    place     VARCHAR,
    lat       DOUBLE,
    lon       DOUBLE,
    date      VARCHAR,
    n_reports INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS corpus_event_reports (
    merged_event_id VARCHAR NOT NULL,
    story_id        VARCHAR NOT NULL,
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    outlet          VARCHAR,
    magnitude       DOUBLE,
    aux_mode        VARCHAR,
    confidence      DOUBLE,
    evidence        JSON NOT NULL       -- the event's evidence map (field -> span) and sentence
);

CREATE TABLE IF NOT EXISTS corpus_claims (
    id              VARCHAR PRIMARY KEY,
    story_id        VARCHAR NOT NULL,
    merged_event_id VARCHAR NOT NULL,
    attribute       VARCHAR NOT NULL,   -- magnitude | size:<kind> | assertion | actor | recipient | place | date
    value           VARCHAR NOT NULL,
    outlet          VARCHAR,
    doc_id          VARCHAR NOT NULL,
    chain           JSON NOT NULL,      -- attribution links, the document's outlet first
    first_seen      VARCHAR,
    conflict        BOOLEAN NOT NULL,
    evidence        JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS corpus_chains (
    story_id  VARCHAR NOT NULL,
    origin    VARCHAR NOT NULL,
    detail    JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS corpus_framing (
    story_id  VARCHAR NOT NULL,
    doc_id    VARCHAR NOT NULL,
    outlet    VARCHAR,
    detail    JSON NOT NULL
);
