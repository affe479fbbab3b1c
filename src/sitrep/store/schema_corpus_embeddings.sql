-- Story embeddings (optional corpus.story_embeddings): the sum of the members' MiniLM
-- vectors and how many members had one, so a later run compares new reports with them too.
ALTER TABLE corpus_stories ADD COLUMN IF NOT EXISTS embedding DOUBLE[];
ALTER TABLE corpus_stories ADD COLUMN IF NOT EXISTS n_embedded INTEGER DEFAULT 0;
