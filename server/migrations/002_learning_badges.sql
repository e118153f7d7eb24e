-- Learning paths, progress, cohorts; badges (Open Badges 3.0 shaped achievements and awards).

CREATE TABLE paths (
  community  text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id         text NOT NULL,
  title      text NOT NULL,
  level      text NOT NULL,
  cohort_id  text,
  data       jsonb NOT NULL,
  PRIMARY KEY (community, id),
  UNIQUE (community, cohort_id)
);

CREATE TABLE progress (
  community     text NOT NULL,
  path_id       text NOT NULL,
  member_id     text NOT NULL,
  member_name   text NOT NULL,
  -- StepProgress[] of the contract, in completion order.
  steps         jsonb NOT NULL,
  completed_at  timestamptz,
  PRIMARY KEY (community, path_id, member_id),
  FOREIGN KEY (community, path_id) REFERENCES paths(community, id) ON DELETE CASCADE
);
CREATE INDEX progress_awaiting ON progress USING gin (steps jsonb_path_ops);

CREATE TABLE cohort_members (
  community  text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  cohort_id  text NOT NULL,
  member_id  text NOT NULL,
  joined_at  timestamptz NOT NULL,
  PRIMARY KEY (community, cohort_id, member_id)
);

CREATE TABLE check_ins (
  community  text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id         text NOT NULL,
  cohort_id  text NOT NULL,
  member_id  text NOT NULL,
  day        date NOT NULL,
  at         timestamptz NOT NULL,
  note       text,
  PRIMARY KEY (community, cohort_id, member_id, day),
  UNIQUE (community, id)
);
CREATE INDEX check_ins_by_day ON check_ins (community, cohort_id, day);

CREATE TABLE achievements (
  community  text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id         text NOT NULL,
  name       text NOT NULL,
  data       jsonb NOT NULL,
  PRIMARY KEY (community, id)
);

CREATE TABLE awards (
  community          text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  id                 text NOT NULL,
  -- The id of the award request that created it (idempotency key of `badges.award`).
  input_id           text NOT NULL,
  achievement_id     text NOT NULL,
  recipient_id       text NOT NULL,
  recipient_name     text NOT NULL,
  issued_on          timestamptz NOT NULL,
  expires            timestamptz,
  revoked            boolean NOT NULL DEFAULT false,
  revocation_reason  text,
  evidence           jsonb NOT NULL,
  note               text NOT NULL,
  on_wall            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (community, id),
  FOREIGN KEY (community, achievement_id) REFERENCES achievements(community, id) ON DELETE CASCADE
);
CREATE INDEX awards_by_recipient ON awards (community, recipient_id, issued_on DESC, id DESC);
CREATE INDEX awards_by_input ON awards (community, input_id);
CREATE INDEX awards_wall ON awards (community, issued_on DESC, id DESC) WHERE on_wall AND NOT revoked;
