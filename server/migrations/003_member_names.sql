-- Members by folded display name (rules/text.ts `foldText` of coalesce(profile_name, token_name)),
-- for `inviteCandidates`: sorted, searched by a part of the name, paged by (name_key, id).
-- Byte order ("C"), so the order is the same on every server locale and in the local adapter.
-- The key is computed in JavaScript: `migrate` fills it for existing rows right after this script.
ALTER TABLE members ADD COLUMN name_key text COLLATE "C";
CREATE INDEX members_by_name ON members (community, name_key, id COLLATE "C");
