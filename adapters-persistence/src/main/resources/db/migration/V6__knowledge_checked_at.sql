-- When the refresher last asked Hamsa about an item, so that each pass asks about the items asked about least
-- recently: an item Hamsa keeps processing for long must not hold the others back.
ALTER TABLE knowledge_item ADD COLUMN checked_at timestamptz;
DROP INDEX knowledge_item_settling_idx;
CREATE INDEX knowledge_item_settling_idx ON knowledge_item ((coalesce(checked_at, updated_at)), updated_at, id)
    WHERE status IN ('PENDING', 'PROCESSING') AND hamsa_item_id IS NOT NULL;
