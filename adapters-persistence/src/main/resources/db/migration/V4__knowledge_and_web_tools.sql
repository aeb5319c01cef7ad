-- Knowledge-base items and web tools, owned by teams and mirrored from Hamsa, so reads need no Hamsa call.

CREATE TABLE knowledge_item (
    id             uuid         PRIMARY KEY,
    team_id        uuid         NOT NULL REFERENCES team (id),
    -- Null only while the item's bytes are reserved and Hamsa has not answered the upload yet.
    hamsa_item_id  varchar(255),
    name           varchar(255) NOT NULL,
    type           varchar(8)   NOT NULL CHECK (type IN ('TEXT', 'FILE', 'URL')),
    text_content   text,
    urls           jsonb,
    file_name      varchar(255),
    file_kind      varchar(8),
    file_bytes     bigint       CHECK (file_bytes >= 1),
    -- What counts against the team's budget and the account's quota.
    size_bytes     bigint       NOT NULL CHECK (size_bytes >= 0),
    status         varchar(16)  NOT NULL,
    failure_reason text,
    active         boolean      NOT NULL,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL CHECK (version >= 1),
    CONSTRAINT knowledge_item_hamsa_item_id_key UNIQUE (hamsa_item_id),
    CONSTRAINT knowledge_item_content_check CHECK (
        (type = 'TEXT' AND text_content IS NOT NULL)
        OR (type = 'URL' AND urls IS NOT NULL)
        OR (type = 'FILE' AND file_name IS NOT NULL AND file_kind IS NOT NULL AND file_bytes IS NOT NULL))
);
CREATE INDEX knowledge_item_team_created_idx ON knowledge_item (team_id, created_at, id);
-- The refresher's question: which items is Hamsa still processing, least recently heard of first.
CREATE INDEX knowledge_item_settling_idx ON knowledge_item (updated_at)
    WHERE status IN ('PENDING', 'PROCESSING') AND hamsa_item_id IS NOT NULL;

-- A team's own storage budget; a team without a row has the service default.
CREATE TABLE knowledge_budget (
    team_id      uuid   PRIMARY KEY REFERENCES team (id),
    budget_bytes bigint NOT NULL CHECK (budget_bytes >= 0)
);

CREATE TABLE web_tool (
    id                uuid         PRIMARY KEY,
    team_id           uuid         NOT NULL REFERENCES team (id),
    hamsa_tool_id     varchar(255) NOT NULL,
    kind              varchar(16)  NOT NULL CHECK (kind IN ('FUNCTION', 'MCP')),
    name              varchar(64)  NOT NULL,
    description       text,
    server_url        text         NOT NULL,
    method            varchar(8)   NOT NULL,
    timeout_seconds   integer      NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 60),
    headers           jsonb        NOT NULL,
    path_parameters   jsonb        NOT NULL,
    params            jsonb        NOT NULL,
    -- AES-GCM, bound to the tool's id: never in the clear, never returned.
    sealed_auth_token text,
    active            boolean      NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL CHECK (version >= 1),
    CONSTRAINT web_tool_hamsa_tool_id_key UNIQUE (hamsa_tool_id),
    CONSTRAINT web_tool_team_name_key UNIQUE (team_id, name)
);
CREATE INDEX web_tool_team_created_idx ON web_tool (team_id, created_at, id);
