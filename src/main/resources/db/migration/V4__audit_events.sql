-- Audit trail (SPEC §9): who changed what, when.
create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    action      text        not null,
    changes     jsonb       not null default '{}'::jsonb
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at);
