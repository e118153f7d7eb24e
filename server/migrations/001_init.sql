-- Dorfplatz reference server: initial schema. Every table is keyed by community.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE communities (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  time_zone   text NOT NULL,
  locale      text NOT NULL,
  secret      text NOT NULL,
  origins     text[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Moderators and admins who sign in with a password.
CREATE TABLE staff (
  community     text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  username      text NOT NULL,
  member_id     text NOT NULL,
  display_name  text NOT NULL,
  roles         text[] NOT NULL,
  password_hash text NOT NULL,
  PRIMARY KEY (community, username)
);

-- People known to the community (from tokens, sign-ins and seeds).
CREATE TABLE members (
  community     text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id            text NOT NULL,
  token_name    text NOT NULL,
  -- The name the member chose (`session.updateProfile`); wins over the host site's name.
  profile_name  text,
  roles         text[] NOT NULL,
  PRIMARY KEY (community, id)
);

CREATE TABLE files (
  community   text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id          text NOT NULL,
  kind        text NOT NULL,
  name        text NOT NULL,
  type        text NOT NULL,
  size        integer NOT NULL,
  width       integer,
  height      integer,
  data        bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (community, id)
);

-- ---------------------------------------------------------------------------------------------
-- Bookings

CREATE TABLE resources (
  community  text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id         text NOT NULL,
  name       text NOT NULL,
  data       jsonb NOT NULL,
  PRIMARY KEY (community, id)
);

CREATE TABLE bookings (
  community     text NOT NULL,
  id            text NOT NULL,
  resource_id   text NOT NULL,
  start_at      timestamptz NOT NULL,
  end_at        timestamptz NOT NULL,
  -- [start, end + the resource's buffer): two holding bookings may not overlap here.
  held          tstzrange NOT NULL,
  status        text NOT NULL CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled')),
  public_label  text NOT NULL,
  purpose       text NOT NULL,
  attendees     integer NOT NULL,
  requester     jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  decided_at    timestamptz,
  reason        text,
  manage_token  text NOT NULL,
  PRIMARY KEY (community, id),
  UNIQUE (community, manage_token),
  FOREIGN KEY (community, resource_id) REFERENCES resources(community, id) ON DELETE CASCADE,
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (community WITH =, resource_id WITH =, held WITH &&)
    WHERE (status IN ('requested', 'confirmed'))
);
CREATE INDEX bookings_by_start ON bookings (community, start_at, id);
CREATE INDEX bookings_by_resource ON bookings (community, resource_id, start_at, id);

-- ---------------------------------------------------------------------------------------------
-- Lost and found

CREATE TABLE items (
  community     text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id            text NOT NULL,
  type          text NOT NULL,
  category      text NOT NULL,
  title         text NOT NULL,
  description   text NOT NULL,
  place         text NOT NULL,
  -- Folded place (see rules/text.ts foldText) for the place filter.
  place_folded  text NOT NULL,
  point         jsonb,
  date          date NOT NULL,
  animal        jsonb,
  microchip     text,
  photo         text,
  status        text NOT NULL,
  hidden        boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  contact       jsonb NOT NULL,
  proof_detail  text,
  manage_token  text NOT NULL,
  -- German full-text search over title, description, place and animal details.
  search        tsvector NOT NULL,
  PRIMARY KEY (community, id),
  UNIQUE (community, manage_token)
);
CREATE INDEX items_board ON items (community, created_at DESC, id DESC) WHERE status = 'open' AND NOT hidden;
CREATE INDEX items_search ON items USING gin (search);
CREATE INDEX items_match ON items (community, category, type, date) WHERE status = 'open' AND NOT hidden;

CREATE TABLE item_contacts (
  community   text NOT NULL,
  id          text NOT NULL,
  item_id     text NOT NULL,
  message     text NOT NULL,
  reply_to    text NOT NULL,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (community, id),
  FOREIGN KEY (community, item_id) REFERENCES items(community, id) ON DELETE CASCADE
);

CREATE TABLE item_abuse (
  community   text NOT NULL,
  id          text NOT NULL,
  item_id     text NOT NULL,
  note        text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (community, id),
  FOREIGN KEY (community, item_id) REFERENCES items(community, id) ON DELETE CASCADE
);

-- ---------------------------------------------------------------------------------------------
-- Feed

CREATE TABLE groups (
  community               text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id                      text NOT NULL,
  name                    text NOT NULL,
  description             text NOT NULL,
  visibility              text NOT NULL,
  join_policy             text NOT NULL,
  rules                   text NOT NULL,
  approve_before_publish  boolean NOT NULL,
  rules_version           integer NOT NULL,
  member_count            integer NOT NULL DEFAULT 0,
  created_at              timestamptz NOT NULL,
  PRIMARY KEY (community, id)
);

CREATE TABLE memberships (
  community       text NOT NULL,
  group_id        text NOT NULL,
  member_id       text NOT NULL,
  display_name    text NOT NULL,
  role            text NOT NULL,
  status          text NOT NULL,
  rules_accepted  integer,
  message         text,
  since           timestamptz NOT NULL,
  PRIMARY KEY (community, group_id, member_id),
  FOREIGN KEY (community, group_id) REFERENCES groups(community, id) ON DELETE CASCADE
);
CREATE INDEX memberships_by_member ON memberships (community, member_id);

CREATE TABLE posts (
  community        text NOT NULL,
  id               text NOT NULL,
  group_id         text NOT NULL,
  kind             text NOT NULL,
  title            text NOT NULL,
  body             text NOT NULL,
  tags             text[] NOT NULL,
  folded_tags      text[] NOT NULL,
  expires_at       timestamptz,
  author_id        text NOT NULL,
  author_name      text NOT NULL,
  created_at       timestamptz NOT NULL,
  edited_at        timestamptz,
  status           text NOT NULL,
  pinned           boolean NOT NULL DEFAULT false,
  comments_locked  boolean NOT NULL DEFAULT false,
  comment_count    integer NOT NULL DEFAULT 0,
  reactions        jsonb NOT NULL,
  attachments      text[] NOT NULL,
  -- start, end?, place of a "Mach mit!" call; its slots live in call_slots.
  call             jsonb,
  PRIMARY KEY (community, id),
  FOREIGN KEY (community, group_id) REFERENCES groups(community, id) ON DELETE CASCADE
);
CREATE INDEX posts_feed ON posts (community, group_id, created_at DESC, id DESC) WHERE NOT pinned AND kind <> 'urgent';
CREATE INDEX posts_highlights ON posts (community, group_id, created_at DESC) WHERE pinned OR kind = 'urgent';
CREATE INDEX posts_pending ON posts (community, group_id, created_at DESC, id DESC) WHERE status = 'pending';
CREATE INDEX posts_tags ON posts USING gin (folded_tags);

CREATE TABLE call_slots (
  community  text NOT NULL,
  post_id    text NOT NULL,
  slot_id    text NOT NULL,
  position   integer NOT NULL,
  label      text NOT NULL,
  kind       text NOT NULL,
  capacity   integer NOT NULL,
  committed  integer NOT NULL DEFAULT 0 CHECK (committed >= 0),
  PRIMARY KEY (community, post_id, slot_id),
  FOREIGN KEY (community, post_id) REFERENCES posts(community, id) ON DELETE CASCADE,
  -- The last line of defence: a slot is never filled beyond its capacity.
  CHECK (committed <= capacity)
);

CREATE TABLE commitments (
  community  text NOT NULL,
  post_id    text NOT NULL,
  slot_id    text NOT NULL,
  member_id  text NOT NULL,
  count      integer NOT NULL,
  note       text,
  PRIMARY KEY (community, post_id, slot_id, member_id),
  FOREIGN KEY (community, post_id) REFERENCES posts(community, id) ON DELETE CASCADE
);

CREATE TABLE reactions (
  community  text NOT NULL,
  post_id    text NOT NULL,
  member_id  text NOT NULL,
  reaction   text NOT NULL,
  PRIMARY KEY (community, post_id, member_id, reaction),
  FOREIGN KEY (community, post_id) REFERENCES posts(community, id) ON DELETE CASCADE
);

CREATE TABLE comments (
  community    text NOT NULL,
  id           text NOT NULL,
  post_id      text NOT NULL,
  group_id     text NOT NULL,
  body         text NOT NULL,
  author_id    text NOT NULL,
  author_name  text NOT NULL,
  created_at   timestamptz NOT NULL,
  status       text NOT NULL,
  PRIMARY KEY (community, id),
  FOREIGN KEY (community, post_id) REFERENCES posts(community, id) ON DELETE CASCADE
);
CREATE INDEX comments_by_post ON comments (community, post_id, created_at, id);

CREATE TABLE reports (
  community    text NOT NULL,
  id           text NOT NULL,
  target_type  text NOT NULL,
  target_id    text NOT NULL,
  reason       text NOT NULL,
  note         text NOT NULL,
  group_id     text NOT NULL,
  created_at   timestamptz NOT NULL,
  status       text NOT NULL,
  excerpt      text NOT NULL,
  PRIMARY KEY (community, id)
);
CREATE INDEX reports_by_created ON reports (community, created_at DESC, id DESC);

-- Processed write ids that create no record of their own (e.g. a commitment), so a replay
-- returns the first result instead of acting twice.
CREATE TABLE receipts (
  community  text NOT NULL,
  key        text NOT NULL,
  at         timestamptz NOT NULL,
  PRIMARY KEY (community, key)
);
