-- Versions of the device registry (areas and devices) changed by admins through the API. The shipped
-- files (or REGISTRY_DIR) are the registry until the first change; from then on the newest row here is.
-- Every version is kept, whole, with who changed what and why: the history is the audit trail, and an
-- older version can be looked at (or put back) at any time.
CREATE TABLE registry_version (
    version    bigint      PRIMARY KEY CHECK (version >= 1),
    areas      jsonb       NOT NULL,
    devices    jsonb       NOT NULL,
    changed_by text        NOT NULL,
    change     text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
