-- Bearer tokens of the HTTP APIs and the department feed ledger (idempotent re-push).
--
-- Tokens are stored only as the SHA-256 of the token: a token is 32 random bytes (256 bits) from a
-- SecureRandom, so no one can guess it from its hash, and a fast hash is enough (slow password
-- hashes such as bcrypt exist for low-entropy human passwords). A lookup is one indexed equality on
-- the hash; the token itself is shown once when issued and never stored.
CREATE TABLE api_token (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SHA-256 of the whole token string (UTF-8).
    token_hash  bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- The token's first characters, so people can tell tokens apart in lists and logs.
    token_hint  text        NOT NULL,
    -- What the token may do: 'department' pushes its department's feeds; 'leader' (read),
    -- 'operator' (alert actions) and 'admin' are used by the query API in later versions.
    role        text        NOT NULL CHECK (role IN ('department', 'leader', 'operator', 'admin')),
    -- Department id from the feed registry; required for (and only for) department tokens.
    department  text,
    -- Who or what the token was issued to, e.g. "Phòng CSGT - hệ thống báo cáo ngày".
    label       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- Set when revoked; a revoked token never authenticates again.
    revoked_at  timestamptz,
    CONSTRAINT api_token_department_role CHECK ((role = 'department') = (department IS NOT NULL))
);

-- Every record a feed has forwarded to Kafka, with a hash of its content: an identical re-push is
-- recognised as a duplicate and not forwarded again; a changed record (same key, other content) is
-- forwarded as a correction and replaces the hash. Written only after Kafka acknowledged the records.
CREATE TABLE feed_record_seen (
    feed_id       text        NOT NULL,
    record_key    text        NOT NULL,
    -- SHA-256 of the record's typed fields in canonical JSON.
    content_hash  bytea       NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feed_id, record_key)
);

-- Idempotency-Key of feed pushes, per department: the first request's response is kept and
-- returned again for a retry with the same key and body.
CREATE TABLE feed_idempotency_key (
    department      text        NOT NULL,
    idempotency_key text        NOT NULL,
    feed_id         text        NOT NULL,
    -- SHA-256 of feed id, media type and body: the same key with another request is refused.
    request_hash    bytea       NOT NULL,
    -- NULL while the first request is being processed.
    status          integer,
    response        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    PRIMARY KEY (department, idempotency_key)
);
