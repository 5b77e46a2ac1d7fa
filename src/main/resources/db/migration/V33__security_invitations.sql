-- Issue 15 item 2: an invited user sets a password through a one-time link. Only the SHA-256 of the link's token
-- is stored; the link works once (used_at) and for 72 hours (expires_at).
create table user_invitation (
    id         bigserial primary key,
    username   text        not null references app_user (username) on delete cascade,
    token_hash text        not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by text        not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz,
    check (expires_at > created_at)
);
create index user_invitation_by_user on user_invitation (username);
