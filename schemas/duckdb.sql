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
-- same bytes uploaded to two claims are two documents (and a duplicate_file flag).
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
    created_at          TIMESTAMP DEFAULT current_timestamp,
    phash               VARCHAR            -- perceptual hash of page 1 (photos and scans): near-copy check
);
-- Databases made before the column existed.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS phash VARCHAR;

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
    policy_id   VARCHAR,                   -- policies.policy_id the hours were computed under
    PRIMARY KEY (person_id, claim_id)
);
ALTER TABLE hour_proposals ADD COLUMN IF NOT EXISTS policy_id VARCHAR;

-- The policies proposals were made under (policy files, pipeline/policy/rules/*.toml): the
-- year's requirement that person_year_summary measures against. Replaced when a run uses it.
CREATE TABLE IF NOT EXISTS policies (
    policy_id            VARCHAR PRIMARY KEY,
    name                 VARCHAR,
    city                 VARCHAR,
    year                 INTEGER,          -- NULL: any year (the default policy)
    document_number      VARCHAR,
    required_hours       INTEGER NOT NULL, -- total per year (90)
    public_hours         INTEGER,          -- public subjects (公需科目) at least
    compulsory_hours     INTEGER,          -- of which compulsory (必修), where stated
    professional_hours   INTEGER NOT NULL, -- professional subjects (专业科目) at least
    declaration_deadline DATE,             -- hours of the year must be declared by
    plan_filing_deadline DATE,             -- annual training plans filed by (Zhengzhou: Apr 20)
    review_days          INTEGER,          -- working days each review level has
    source               VARCHAR           -- the policy file
);

-- Filed annual training plans, one row per listed training: from plan_filing documents
-- (source = the document's path) and from CSV exports of the HR bureau's filing register
-- (`cehours load-plans`). Categories 13/14 count only trainings found here or in the claim.
CREATE TABLE IF NOT EXISTS plan_filings (
    plan_id        VARCHAR NOT NULL,       -- doc_id, or 'csv:<file>:<row>'
    year           INTEGER,
    filer          VARCHAR,                -- the department or employer that filed the plan
    training_title VARCHAR NOT NULL,
    organizer      VARCHAR,
    filed_date     DATE,
    source         VARCHAR NOT NULL,       -- document path or CSV file name
    run_id         VARCHAR,
    PRIMARY KEY (plan_id, training_title)
);

-- Public-subject hours per person and year where known (registered automatically by the
-- online platforms; loaded from their exports with `cehours load-public`).
CREATE TABLE IF NOT EXISTS public_hours (
    person_id VARCHAR NOT NULL,
    year      INTEGER NOT NULL,
    hours     DOUBLE NOT NULL,
    source    VARCHAR,
    PRIMARY KEY (person_id, year)
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

-- ---------------------------------------------------------------------------------------
-- Views for reviewers and analysts. Review levels decide in order: employer → department
-- → hr; a claim is approved when the HR level's latest decision approves (or adjusts) it,
-- rejected when any level's latest decision rejects it.

CREATE OR REPLACE VIEW claim_status AS
WITH latest AS (
    SELECT person_id, claim_id, level, decision, hours, reviewer, decided_at,
           row_number() OVER (PARTITION BY person_id, claim_id, level ORDER BY decided_at DESC) AS n
    FROM reviews
), by_level AS (
    SELECT person_id, claim_id,
           max(decision) FILTER (WHERE level = 'employer')   AS employer_decision,
           max(decision) FILTER (WHERE level = 'department') AS department_decision,
           max(decision) FILTER (WHERE level = 'hr')         AS hr_decision,
           max(hours)    FILTER (WHERE level = 'hr')         AS hr_hours,
           max(decided_at)                                   AS last_decided_at
    FROM latest WHERE n = 1 GROUP BY ALL
)
SELECT c.person_id, c.claim_id, c.year, c.category, p.hours AS proposed_hours,
       b.employer_decision, b.department_decision, b.hr_decision, b.last_decided_at,
       CASE WHEN 'reject' IN (b.employer_decision, b.department_decision, b.hr_decision) THEN 'rejected'
            WHEN b.hr_decision IN ('approve', 'adjust') THEN 'approved'
            ELSE 'pending' END AS status,
       CASE WHEN 'reject' IN (b.employer_decision, b.department_decision, b.hr_decision) THEN NULL
            WHEN b.employer_decision IS NULL THEN 'employer'
            WHEN b.department_decision IS NULL THEN 'department'
            WHEN b.hr_decision IS NULL THEN 'hr'
            END AS next_level,
       CASE WHEN b.hr_decision IN ('approve', 'adjust')
                 AND NOT 'reject' IN (b.employer_decision, b.department_decision)
            THEN coalesce(b.hr_hours, p.hours) END AS approved_hours
FROM claims c
LEFT JOIN hour_proposals p USING (person_id, claim_id)
LEFT JOIN by_level b USING (person_id, claim_id);

-- One row per person and year: professional hours proposed and approved against the year's
-- requirement (the policy the proposals used; the default 90/30/60 otherwise). Hours above
-- the year's total are not credited and not carried over.
CREATE OR REPLACE VIEW person_year_summary AS
WITH prof AS (
    SELECT s.person_id, s.year,
           count(*)                                   AS claims,
           coalesce(sum(s.proposed_hours) FILTER (WHERE s.status <> 'rejected'), 0) AS professional_proposed,
           coalesce(sum(s.approved_hours), 0)         AS professional_approved,
           count(*) FILTER (WHERE s.status = 'pending')  AS claims_pending,
           count(*) FILTER (WHERE s.status = 'rejected') AS claims_rejected,
           any_value(p.policy_id)                     AS policy_id
    FROM claim_status s LEFT JOIN hour_proposals p USING (person_id, claim_id)
    GROUP BY ALL
), open_flags AS (
    SELECT f.person_id, s.year, count(*) AS open_flags,
           count(*) FILTER (WHERE f.severity = 'error') AS open_errors
    FROM flags f JOIN claim_status s USING (person_id, claim_id)
    WHERE s.status = 'pending' AND f.severity IN ('error', 'warning')
    GROUP BY ALL
)
SELECT pr.person_id, pe.person_name, pe.unit, pr.year, pr.claims, pr.claims_pending, pr.claims_rejected,
       pr.professional_proposed, pr.professional_approved,
       ph.hours                                                         AS public_hours,
       coalesce(pol.required_hours, 90)                                 AS required_hours,
       coalesce(pol.professional_hours, 60)                             AS professional_required,
       coalesce(pol.public_hours, 30)                                   AS public_required,
       least(pr.professional_approved, coalesce(pol.required_hours, 90)) AS professional_credited,
       least(pr.professional_approved + coalesce(ph.hours, 0), coalesce(pol.required_hours, 90)) AS total_credited,
       greatest(pr.professional_approved + coalesce(ph.hours, 0) - coalesce(pol.required_hours, 90), 0) AS not_carried_over,
       greatest(coalesce(pol.professional_hours, 60) - pr.professional_approved, 0) AS professional_shortfall,
       greatest(coalesce(pol.professional_hours, 60) - pr.professional_proposed, 0) AS professional_shortfall_if_approved,
       greatest(coalesce(pol.required_hours, 90) - pr.professional_approved - coalesce(ph.hours, 0), 0) AS total_shortfall,
       coalesce(o.open_flags, 0)                                        AS open_flags,
       coalesce(o.open_errors, 0)                                       AS open_errors,
       pr.policy_id, pol.declaration_deadline
FROM prof pr
LEFT JOIN persons pe USING (person_id)
LEFT JOIN public_hours ph ON ph.person_id = pr.person_id AND ph.year = pr.year
LEFT JOIN policies pol ON pol.policy_id = pr.policy_id
LEFT JOIN open_flags o ON o.person_id = pr.person_id AND o.year = pr.year;

-- Claims waiting for a human decision, most serious first: worst flag severity, number of
-- errors and warnings, assumed rule, then least confident category.
CREATE OR REPLACE VIEW review_queue AS
WITH f AS (
    SELECT person_id, claim_id,
           max(CASE severity WHEN 'error' THEN 3 WHEN 'warning' THEN 2 WHEN 'info' THEN 1 ELSE 0 END) AS severity_rank,
           count(*) FILTER (WHERE severity = 'error')   AS errors,
           count(*) FILTER (WHERE severity = 'warning') AS warnings,
           string_agg(DISTINCT code, ',' ORDER BY code) AS flag_codes
    FROM flags GROUP BY ALL
), submitted AS (
    SELECT person_id, claim_id, min(created_at) AS submitted_at FROM documents GROUP BY ALL
)
SELECT s.person_id, s.claim_id, c.person_name, c.unit, s.year, s.category, c.category_confidence,
       s.proposed_hours, p.rule_id, p.assumed, p.explanation, s.next_level,
       CASE coalesce(f.severity_rank, 0) WHEN 3 THEN 'error' WHEN 2 THEN 'warning' WHEN 1 THEN 'info' ELSE 'none' END
           AS worst_severity,
       coalesce(f.errors, 0) AS errors, coalesce(f.warnings, 0) AS warnings, f.flag_codes,
       sub.submitted_at,
       row_number() OVER (ORDER BY coalesce(f.severity_rank, 0) DESC, coalesce(f.errors, 0) DESC,
                          coalesce(f.warnings, 0) DESC, p.assumed DESC, c.category_confidence ASC,
                          sub.submitted_at ASC, s.person_id, s.claim_id) AS priority
FROM claim_status s
JOIN claims c USING (person_id, claim_id)
LEFT JOIN hour_proposals p USING (person_id, claim_id)
LEFT JOIN f USING (person_id, claim_id)
LEFT JOIN submitted sub USING (person_id, claim_id)
WHERE s.status = 'pending';

-- Per year and category: how many claims, hours proposed and approved, flag rates.
CREATE OR REPLACE VIEW category_stats AS
WITH fl AS (
    SELECT person_id, claim_id, count(*) FILTER (WHERE severity IN ('error', 'warning')) AS n,
           count(*) FILTER (WHERE severity = 'error') AS errors
    FROM flags GROUP BY ALL
)
SELECT s.year, s.category, count(*) AS claims, count(DISTINCT s.person_id) AS persons,
       sum(s.proposed_hours) AS hours_proposed, round(avg(s.proposed_hours), 1) AS mean_hours_proposed,
       count(*) FILTER (WHERE s.status = 'approved') AS approved,
       count(*) FILTER (WHERE s.status = 'rejected') AS rejected,
       coalesce(sum(s.approved_hours), 0) AS hours_approved,
       count(*) FILTER (WHERE coalesce(fl.n, 0) > 0) AS flagged_claims,
       round(count(*) FILTER (WHERE coalesce(fl.n, 0) > 0) / count(*), 3) AS flag_rate,
       round(count(*) FILTER (WHERE coalesce(fl.errors, 0) > 0) / count(*), 3) AS error_rate,
       round(avg(CASE WHEN p.assumed THEN 1 ELSE 0 END), 3) AS assumed_share,
       round(avg(c.category_confidence), 3) AS mean_category_confidence
FROM claim_status s
JOIN claims c USING (person_id, claim_id)
LEFT JOIN hour_proposals p USING (person_id, claim_id)
LEFT JOIN fl USING (person_id, claim_id)
GROUP BY ALL;

-- ---------------------------------------------------------------------------------------
-- The review app (webapp/, issue 5). Written only by webapp/db.py, one short transaction
-- per request. `reviews` above stays append-only; so are evidence_views and login_attempts.

-- Reviewer accounts, created from the command line (`cehours user add`).
CREATE TABLE IF NOT EXISTS accounts (
    username   VARCHAR PRIMARY KEY,
    role       VARCHAR NOT NULL,           -- employer | department | hr | analyst
    units      JSON,                       -- units an employer (or department) reviewer may see
    pw_hash    VARCHAR NOT NULL,           -- scrypt$n$r$p$salt$hash (hashlib.scrypt)
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    disabled   BOOLEAN NOT NULL DEFAULT false
);

-- Each evidence page image (or DOCX text) shown to a reviewer: a decision needs every page
-- of the claim's documents seen by that reviewer.
CREATE TABLE IF NOT EXISTS evidence_views (
    reviewer  VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    claim_id  VARCHAR NOT NULL,
    doc_id    VARCHAR NOT NULL,
    page      INTEGER NOT NULL,
    viewed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Login attempts, for rate limiting failed logins per user name.
CREATE TABLE IF NOT EXISTS login_attempts (
    username     VARCHAR NOT NULL,
    client       VARCHAR,
    ok           BOOLEAN NOT NULL,
    attempted_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
