-- THE cehours schema. Every table the pipeline writes, in one place, for analysts too.
-- The contract (../shared/contract.md) names the minimum columns; those are never renamed.
-- Every statement is idempotent (IF NOT EXISTS) so opening an existing database is safe.
-- Claims are keyed by (person_id, claim_id): claim folder names need not be unique
-- across persons when there is no manifest.

-- One row per `cehours run` (an audit log: the only table a repeated run appends to).
CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    root            VARCHAR NOT NULL,
    year            INTEGER,
    ocr_engine      VARCHAR,
    files_seen      INTEGER,
    files_new       INTEGER,
    documents_added INTEGER,
    texts_read      INTEGER,           -- files read/OCR'd in this run
    texts_cached    INTEGER,           -- files whose text came from text_cache (same bytes seen before)
    quarantined     INTEGER,
    claims_updated  INTEGER,
    seconds         DOUBLE,
    status          VARCHAR,           -- landed | failed
    versions        JSON               -- package versions that produced the run
);

CREATE TABLE IF NOT EXISTS persons (
    person_id   VARCHAR PRIMARY KEY,
    person_name VARCHAR,
    unit        VARCHAR,
    run_id      VARCHAR
);

-- One evidence file of one claim. doc_id is derived from (person, claim, sha256), so the
-- same bytes uploaded to two claims are two documents (and a duplicate_file flag later).
CREATE TABLE IF NOT EXISTS documents (
    doc_id              VARCHAR PRIMARY KEY,
    claim_id            VARCHAR NOT NULL,
    person_id           VARCHAR NOT NULL,
    path                VARCHAR NOT NULL,  -- relative to the run root
    sha256              VARCHAR NOT NULL,
    doc_kind            VARCHAR NOT NULL,  -- schemas.kinds.DocKind
    doc_kind_confidence DOUBLE,
    text_source         VARCHAR NOT NULL,  -- pdf_text | ocr | docx
    ocr_engine          VARCHAR,
    pages               INTEGER,
    file_type           VARCHAR,           -- pdf | jpeg | png | tiff | docx (sniffed, not the extension)
    size_bytes          BIGINT,
    mean_confidence     DOUBLE,            -- reader confidence weighted by characters
    char_count          INTEGER,
    run_id              VARCHAR,
    created_at          TIMESTAMP DEFAULT current_timestamp
);

-- Page text with line boxes, so the review app can draw fields over a page image.
CREATE TABLE IF NOT EXISTS document_pages (
    doc_id   VARCHAR NOT NULL,
    page     INTEGER NOT NULL,
    width    DOUBLE,
    height   DOUBLE,
    rotation INTEGER,
    text     VARCHAR,
    lines    JSON,                         -- [{text, bbox:{x0,y0,x1,y1}, confidence}]
    PRIMARY KEY (doc_id, page)
);

CREATE TABLE IF NOT EXISTS fields (
    doc_id     VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,           -- field names from domain.md
    value      VARCHAR,                    -- ISO dates; JSON array strings for ordered lists
    confidence DOUBLE,
    page       INTEGER,
    bbox       JSON,                       -- {x0,y0,x1,y1} in the page's coordinates
    run_id     VARCHAR
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id            VARCHAR NOT NULL,
    person_id           VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    category            INTEGER,           -- 1..16
    category_confidence DOUBLE,
    category_reason     VARCHAR,
    person_name         VARCHAR,
    unit                VARCHAR,
    declared_category   INTEGER,
    declared_hours      DOUBLE,
    documents           INTEGER,
    run_id              VARCHAR,
    PRIMARY KEY (person_id, claim_id)
);

CREATE TABLE IF NOT EXISTS hour_proposals (
    claim_id    VARCHAR NOT NULL,
    person_id   VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    category    INTEGER,
    hours       DOUBLE,                    -- NULL: no proposal (category 16, routed)
    rule_id     VARCHAR NOT NULL,
    assumed     BOOLEAN NOT NULL,
    explanation VARCHAR NOT NULL,          -- Chinese, one glance for a reviewer
    run_id      VARCHAR,
    PRIMARY KEY (person_id, claim_id)
);

CREATE TABLE IF NOT EXISTS flags (
    claim_id  VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    doc_id    VARCHAR,                     -- NULL for claim-level flags
    code      VARCHAR NOT NULL,            -- schemas.kinds.FlagCode
    severity  VARCHAR NOT NULL,            -- info | warning | error
    message   VARCHAR NOT NULL,
    run_id    VARCHAR
);

-- Files that could not be read as evidence, with the reason. Keyed by (path, sha256):
-- re-running over the same bad file adds nothing.
CREATE TABLE IF NOT EXISTS quarantine (
    path           VARCHAR NOT NULL,
    reason         VARCHAR NOT NULL,
    sha256         VARCHAR NOT NULL,       -- '' when the file could not be read at all
    size_bytes     BIGINT,
    person_id      VARCHAR,
    claim_id       VARCHAR,
    run_id         VARCHAR,
    quarantined_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (path, sha256)
);

-- Append-only: decisions are never updated or deleted.
CREATE TABLE IF NOT EXISTS reviews (
    claim_id   VARCHAR NOT NULL,
    person_id  VARCHAR,
    reviewer   VARCHAR NOT NULL,
    level      VARCHAR NOT NULL,           -- employer | department | hr
    decision   VARCHAR NOT NULL,           -- approve | adjust | reject
    hours      DOUBLE,
    reason     VARCHAR,
    decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Text extraction results by content hash and engine: a re-run never OCRs the same bytes twice.
CREATE TABLE IF NOT EXISTS text_cache (
    sha256     VARCHAR NOT NULL,
    engine     VARCHAR NOT NULL,           -- OCR engine kind, or 'none' for pdf_text/docx
    document   JSON NOT NULL,              -- schemas.document.DocumentText
    created_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (sha256, engine)
);
