-- Calls: each stored with its dispatch job in one transaction; Hamsa's webhooks land in an inbox, unique on
-- their dedup key, before they are acknowledged; events that keep failing move to the dead letters.
CREATE TABLE call (
    id                    uuid         PRIMARY KEY,
    team_id               uuid         NOT NULL REFERENCES team (id),
    agent_id              uuid         NOT NULL REFERENCES voice_agent (id),
    hamsa_agent_id        varchar(255) NOT NULL,
    channel               varchar(16)  NOT NULL,
    to_number             varchar(32)  NOT NULL,
    from_number           varchar(32),
    params                jsonb        NOT NULL,
    external_id           varchar(255),
    hamsa_call_id         varchar(255),
    hamsa_conversation_id varchar(255),
    status                varchar(16)  NOT NULL,
    transcript            jsonb        NOT NULL,
    recording_url         text,
    outcome               jsonb,
    failure_reason        text,
    duration_seconds      integer,
    timeline              jsonb        NOT NULL,
    -- The per-call webhook secret: sealed (AES-GCM, bound to the call) to give Hamsa again on a retried
    -- dispatch, and as a SHA-256 digest, which deliveries are checked against.
    webhook_secret_sealed text         NOT NULL,
    webhook_secret_digest varchar(64)  NOT NULL,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    dispatched_at         timestamptz,
    ended_at              timestamptz,
    -- The reconciler's next look at a call that has not ended; null until it first looks.
    reconcile_after       timestamptz,
    version               bigint       NOT NULL CHECK (version >= 1),
    CONSTRAINT call_team_external_id_key UNIQUE (team_id, external_id)
);
-- A team's calls, newest first; and the calls the reconciler may have to look up.
CREATE INDEX call_team_created_idx ON call (team_id, created_at DESC, id DESC);
CREATE INDEX call_unended_idx ON call (dispatched_at) WHERE ended_at IS NULL AND hamsa_call_id IS NOT NULL;

CREATE TABLE call_dispatch_job (
    call_id      uuid         PRIMARY KEY REFERENCES call (id) ON DELETE CASCADE,
    due_at       timestamptz  NOT NULL,
    attempts     integer      NOT NULL DEFAULT 0,
    leased_by    varchar(255),
    leased_until timestamptz,
    last_error   text,
    created_at   timestamptz  NOT NULL
);
CREATE INDEX call_dispatch_job_due_idx ON call_dispatch_job (due_at);

-- No foreign key to call: the receiver checked the call exists, and the insert stays one index write lighter.
CREATE TABLE hamsa_event_inbox (
    id          bigserial    PRIMARY KEY,
    dedup_key   varchar(600) NOT NULL,
    call_id     uuid         NOT NULL,
    event_type  varchar(100) NOT NULL,
    occurred_at timestamptz  NOT NULL,
    source      varchar(16)  NOT NULL,
    body        text         NOT NULL,
    state       varchar(8)   NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPLIED', 'DEAD')),
    attempts    integer      NOT NULL DEFAULT 0,
    due_at      timestamptz  NOT NULL DEFAULT now(),
    last_error  text,
    received_at timestamptz  NOT NULL DEFAULT now(),
    applied_at  timestamptz,
    CONSTRAINT hamsa_event_inbox_dedup_key UNIQUE (dedup_key)
);
CREATE INDEX hamsa_event_inbox_pending_idx ON hamsa_event_inbox (due_at, id) WHERE state = 'PENDING';
-- A batch of the inbox workers takes every pending event of a few calls at once.
CREATE INDEX hamsa_event_inbox_pending_call_idx ON hamsa_event_inbox (call_id, id) WHERE state = 'PENDING';

CREATE TABLE hamsa_event_dead_letter (
    inbox_id    bigint       PRIMARY KEY REFERENCES hamsa_event_inbox (id),
    call_id     uuid         NOT NULL,
    event_type  varchar(100) NOT NULL,
    dedup_key   varchar(600) NOT NULL,
    attempts    integer      NOT NULL,
    last_error  text         NOT NULL,
    received_at timestamptz  NOT NULL,
    dead_at     timestamptz  NOT NULL
);
