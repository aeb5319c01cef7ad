-- Switchboard's mirror of the voice agents it created on Hamsa, so reads need no Hamsa call.
CREATE TABLE voice_agent (
    id             uuid         PRIMARY KEY,
    hamsa_agent_id varchar(255) NOT NULL,
    name           varchar(255) NOT NULL,
    greeting       varchar(1000) NOT NULL,
    preamble       text         NOT NULL,
    language       varchar(35)  NOT NULL,
    voice_id       varchar(255) NOT NULL,
    external_id    varchar(255),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL CHECK (version >= 1),
    CONSTRAINT voice_agent_hamsa_agent_id_key UNIQUE (hamsa_agent_id),
    CONSTRAINT voice_agent_external_id_key UNIQUE (external_id)
);

-- Keyset pagination walks agents oldest first, ties broken by id.
CREATE INDEX voice_agent_created_at_id_idx ON voice_agent (created_at, id);
