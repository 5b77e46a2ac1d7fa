-- Issue 14: notifications. A notification is written in the same transaction as the change that causes it:
-- one row per user told (the in-app list), and for users who want it by e-mail at once, a row in the mail
-- outbox that the sender delivers with retries (never lost, never twice: rows are claimed FOR UPDATE SKIP LOCKED).

-- the user's e-mail address and language (security owns app_user; the notification module reads them through
-- the published view security_user)
alter table app_user add column email text
    check (email is null or (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'));
alter table app_user add column language text not null default 'da' check (language in ('da', 'en'));

create or replace view security_user as
select username, display_name, role, region_code, municipality_code, facility_id, doctor_id, enabled, email,
       language
  from app_user;

create table notification (
    id           bigserial primary key,
    username     text        not null references app_user (username) on delete cascade,
    kind         text        not null,
    -- the subject as a message key and its arguments, rendered in the reader's language when read
    subject_key  text        not null,
    subject_args jsonb       not null default '[]'::jsonb check (jsonb_typeof(subject_args) = 'array'),
    link         text        not null check (link ~ '^/'),
    created_at   timestamptz not null default now(),
    read_at      timestamptz
);
create index notification_by_user on notification (username, created_at desc);
create index notification_unread on notification (username) where read_at is null;

-- how a user wants each kind: at once by e-mail, in a daily digest, or in the app only
create table notification_preference (
    username text not null references app_user (username) on delete cascade,
    kind     text not null,
    delivery text not null check (delivery in ('IMMEDIATE', 'DIGEST', 'APP_ONLY')),
    primary key (username, kind)
);

create table mail_outbox (
    id              bigserial primary key,
    notification_id bigint references notification (id) on delete set null,
    username        text,
    recipient       text        not null,
    kind            text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    check ((status = 'SENT') = (sent_at is not null))
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_by_user on mail_outbox (username, created_at desc);
