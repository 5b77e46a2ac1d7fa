-- Issue 14 item 4: the daily digest. A notification of a kind the user wants in a daily digest is listed in one
-- digest mail, then marked here so that no later digest lists it again.
alter table notification add column digested_at timestamptz;
-- the digest's search: a user's notifications not yet digested
create index notification_undigested on notification (username, created_at) where digested_at is null;
