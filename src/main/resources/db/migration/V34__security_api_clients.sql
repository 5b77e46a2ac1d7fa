-- Issue 15 item 3: integrations registered by an administrator (or a region's or municipality's user administrator
-- for its own scope). A client acts with a role and scope like a user's (never ADMIN) and READ or READ_WRITE rights.
-- Credentials are 32 random bytes, so only their SHA-256 is stored (never the secret, the key or a token in clear).
create table api_client (
    id                bigserial primary key,
    name              text        not null unique check (name ~ '^[a-z0-9._-]{2,64}$'),
    -- public, sent with the secret to /oauth2/token (client_secret_basic / client_secret_post)
    client_id         text        not null unique check (client_id ~ '^blc_[A-Za-z0-9_-]{16,64}$'),
    role              text        not null check (role in ('REGION', 'MUNICIPALITY', 'FACILITY', 'DOCTOR', 'NATIONAL')),
    region_code       char(4) references region (code),
    municipality_code char(3) references municipality (code),
    facility_id       bigint references facility (id),
    doctor_id         bigint references doctor (id),
    rights            text        not null check (rights in ('READ', 'READ_WRITE')),
    secret_hash       text check (secret_hash ~ '^[0-9a-f]{64}$'),
    -- the key is bl_<prefix>_<secret>; looked up by its prefix, compared by its hash
    api_key_prefix    text unique check (api_key_prefix ~ '^[a-z0-9]{8}$'),
    api_key_hash      text check (api_key_hash ~ '^[0-9a-f]{64}$'),
    rate_per_minute   integer     not null default 600 check (rate_per_minute between 1 and 100000),
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    revoked_at        timestamptz,
    last_used_at      timestamptz,
    check ((role = 'REGION') = (region_code is not null)),
    check ((role = 'MUNICIPALITY') = (municipality_code is not null)),
    check ((role = 'FACILITY') = (facility_id is not null)),
    check ((role = 'DOCTOR') = (doctor_id is not null)),
    check ((api_key_prefix is null) = (api_key_hash is null)),
    check (secret_hash is not null or api_key_hash is not null or revoked_at is not null)
);

-- opaque bearer tokens from /oauth2/token, 15 minutes; a revoked client's or a rotated secret's tokens are deleted
create table api_token (
    token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    client_id  bigint      not null references api_client (id) on delete cascade,
    expires_at timestamptz not null
);

create index api_token_by_client on api_token (client_id);
create index api_token_by_expiry on api_token (expires_at);
