-- Teams own everything; their API keys are stored only as SHA-256 hashes; every change is audited.
CREATE TABLE team (
    id                  uuid         PRIMARY KEY,
    name                varchar(100) NOT NULL,
    requests_per_minute integer      CHECK (requests_per_minute >= 1),
    created_at          timestamptz  NOT NULL
);
CREATE INDEX team_created_at_id_idx ON team (created_at, id);

CREATE TABLE api_key (
    id          uuid         PRIMARY KEY,
    team_id     uuid         NOT NULL REFERENCES team (id),
    name        varchar(100) NOT NULL,
    prefix      varchar(16)  NOT NULL,
    secret_hash varchar(64)  NOT NULL,
    scopes      varchar(500) NOT NULL,
    created_at  timestamptz  NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT api_key_secret_hash_key UNIQUE (secret_hash)
);
CREATE INDEX api_key_team_idx ON api_key (team_id, created_at, id);

CREATE TABLE audit_entry (
    id         uuid         PRIMARY KEY,
    at         timestamptz  NOT NULL,
    actor      varchar(16)  NOT NULL,
    team_id    uuid,
    api_key_id uuid,
    action     varchar(300) NOT NULL,
    target     varchar(255),
    request_id varchar(128) NOT NULL,
    status     integer      NOT NULL,
    outcome    varchar(64)  NOT NULL
);
CREATE INDEX audit_entry_at_id_idx ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_team_at_id_idx ON audit_entry (team_id, at DESC, id DESC);

-- Agents made before teams existed are given to one team, so none is left without an owner.
INSERT INTO team (id, name, created_at)
SELECT '00000000-0000-0000-0000-000000000001', 'Agents from before teams', now()
WHERE EXISTS (SELECT 1 FROM voice_agent);

ALTER TABLE voice_agent ADD COLUMN team_id uuid REFERENCES team (id);
UPDATE voice_agent SET team_id = '00000000-0000-0000-0000-000000000001';
ALTER TABLE voice_agent ALTER COLUMN team_id SET NOT NULL;

-- externalId is unique per team, not across teams.
ALTER TABLE voice_agent DROP CONSTRAINT voice_agent_external_id_key;
ALTER TABLE voice_agent ADD CONSTRAINT voice_agent_team_external_id_key UNIQUE (team_id, external_id);

DROP INDEX voice_agent_created_at_id_idx;
CREATE INDEX voice_agent_team_created_at_id_idx ON voice_agent (team_id, created_at, id);
