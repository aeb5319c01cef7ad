-- Agent-level webhooks: where Hamsa sends the events of an agent's calls that name no webhook of their own (web
-- conversations, calls started from Hamsa's dashboard or campaigns). Only the secret's digest is kept: a delivery
-- is checked against it, and Switchboard never gives the secret to Hamsa again.
CREATE TABLE agent_webhook (
    id            uuid        PRIMARY KEY,
    team_id       uuid        NOT NULL REFERENCES team (id),
    secret_digest varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL
);

-- Calls Switchboard did not place are adopted from their agent's webhook: they have no number Switchboard dialled
-- and no webhook secret of their own; web conversations have no numbers at all.
ALTER TABLE call ALTER COLUMN to_number DROP NOT NULL;
ALTER TABLE call ALTER COLUMN webhook_secret_sealed DROP NOT NULL;
ALTER TABLE call ALTER COLUMN webhook_secret_digest DROP NOT NULL;

-- One adopted call per Hamsa call of an agent, so two deliveries racing to adopt one call store it once. Only
-- adopted calls (those without a secret of their own) are in it: a call Switchboard placed must always be able to
-- store the id Hamsa gave it, even if an agent webhook's event adopted that id first (it is then found first).
CREATE UNIQUE INDEX call_adopted_hamsa_call_key ON call (hamsa_agent_id, hamsa_call_id)
    WHERE hamsa_call_id IS NOT NULL AND webhook_secret_digest IS NULL;
-- An agent's event may name the call by its conversation id.
CREATE INDEX call_hamsa_conversation_idx ON call (hamsa_agent_id, hamsa_conversation_id)
    WHERE hamsa_conversation_id IS NOT NULL;
