-- Matching rounds (SPEC §6 M1, M3-M5): a municipality (or region) publishes its openings to the doctors
-- of the area and records how matching happens locally; doctors and facilities rank each other until
-- the round closes; closing stores the outcome as proposals, and a person confirms each proposal,
-- which creates a draft agreement.
create table matching_round (
    id                bigserial primary key,
    region_code       char(4) not null references region (code),
    -- null: a round of the whole region
    municipality_code char(3) references municipality (code),
    -- how matching happens locally (SPEC §6; the agreement's match method values)
    local_method      text    not null check (local_method in ('PRACTICE_CONSULTANT', 'PRIORITY_LIST', 'WISH_LIST',
                          'DEVELOPMENT_NURSE', 'JOB_POSTING', 'EXISTING_RELATION', 'STABLE_MATCHING',
                          'COVERAGE_PLAN', 'OTHER')),
    note              text    check (length(note) <= 2000),
    closes_on         date,
    status            text    not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    -- the outcome stored at closing
    outcome_method    text    check (outcome_method in ('STABLE_MATCHING', 'COVERAGE_PLAN')),
    outcome_detail    text,
    opened_by         text    not null,
    opened_at         timestamptz not null default now(),
    closed_by         text,
    closed_at         timestamptz,
    version           integer not null default 0,
    check ((status = 'CLOSED') = (closed_at is not null)),
    check ((status = 'CLOSED') = (outcome_method is not null))
);
-- one open round per area at a time
create unique index matching_round_one_open_idx
    on matching_round (region_code, coalesce(municipality_code, '')) where status = 'OPEN';

create table matching_opening (
    round_id    bigint not null references matching_round (id) on delete cascade,
    facility_id bigint not null references facility (id),
    primary key (round_id, facility_id)
);
create index matching_opening_facility_idx on matching_opening (facility_id);

create table matching_proposal (
    id            bigserial primary key,
    round_id      bigint  not null references matching_round (id) on delete cascade,
    doctor_id     bigint  not null references doctor (id),
    facility_id   bigint  not null references facility (id),
    -- 1-based ranks in the doctor's wish list and the facility's priority list; null when unranked (a plan)
    doctor_rank   integer check (doctor_rank >= 1),
    facility_rank integer check (facility_rank >= 1),
    distance_km   numeric(7, 1) check (distance_km >= 0),
    -- the rules that limited the outcome for this facility, as message codes with arguments (display only)
    limits        text,
    status        text    not null default 'PROPOSED' check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED')),
    agreement_id  bigint references agreement (id),
    decided_by    text,
    decided_at    timestamptz,
    unique (round_id, facility_id),
    check ((status = 'ACCEPTED') = (agreement_id is not null)),
    check ((status = 'PROPOSED') = (decided_at is null))
);
create index matching_proposal_doctor_idx on matching_proposal (doctor_id);
