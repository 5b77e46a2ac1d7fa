-- Issue 17, several instances: the login throttle's counters live in PostgreSQL, so that every instance behind the
-- load balancer holds the same failures and waits (before, each instance counted alone in memory, and an attacker
-- got the free failures and the growing waits once per instance). kind ADDRESS: the client address; ACCOUNT: the
-- username (at most 256 characters of it). A count older than the window starts again; rows are deleted by a
-- scheduled clean-up once neither their window nor their wait can matter.
create table login_failure (
    kind          text        not null check (kind in ('ADDRESS', 'ACCOUNT')),
    key           text        not null check (length(key) <= 256),
    failures      integer     not null check (failures > 0),
    last_failure  timestamptz not null,
    blocked_until timestamptz not null,
    primary key (kind, key)
);
create index login_failure_last_idx on login_failure (last_failure);

-- The addresses an account signed in from lately (30 days): the account's wait does not apply there.
create table login_known_address (
    username     text        not null check (length(username) <= 256),
    address      text        not null check (length(address) <= 256),
    signed_in_at timestamptz not null,
    primary key (username, address)
);
create index login_known_address_at_idx on login_known_address (signed_in_at);
