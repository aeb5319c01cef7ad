-- The knowledge items and web tools an agent uses: Switchboard's ids (what the team named) and Hamsa's (what
-- Hamsa holds), in the same order.
ALTER TABLE voice_agent
    ADD COLUMN knowledge_item_ids       uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN hamsa_knowledge_item_ids text[] NOT NULL DEFAULT '{}',
    ADD COLUMN web_tool_ids             uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN hamsa_tool_ids           text[] NOT NULL DEFAULT '{}';

-- Which agents use a knowledge item, asked before the item is deleted.
CREATE INDEX voice_agent_knowledge_item_ids_idx ON voice_agent USING gin (knowledge_item_ids);
