-- Issue 15: real logins. A person signs in through the organisation's identity provider (OpenID Connect) and is
-- matched to this table by the provider's subject (bound at the first sign-in, by e-mail); role and scope always
-- come from here, never from the token. A user invited while password login is off has no password at all.
alter table app_user
    alter column password_hash drop not null,
    add column oidc_subject  text unique check (length(oidc_subject) between 1 and 255),
    add column last_login_at timestamptz,
    -- a region's or municipality's own user administrator (ADMIN manages everyone anyway)
    add column user_admin    boolean not null default false,
    -- bumped by every change of role, scope or rights: a session signed in before it must sign in again
    add column scope_version integer not null default 0,
    add constraint app_user_user_admin_scope check (not user_admin or role in ('ADMIN', 'REGION', 'MUNICIPALITY'));

create index app_user_by_email on app_user (lower(email)) where email is not null;
