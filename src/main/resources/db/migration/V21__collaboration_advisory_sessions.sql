-- Issue 13 items 2 and 3: the doctor's advisory sessions (rådgivning, undervisning, samarbejdsmøder) and the
-- catalogue of generic topics (seed 004 § on "emner af generisk karakter"). Owned by the collaboration module;
-- agreements are named by id only (read through agreement_overview). No resident data is stored: the topic and
-- the notes are about general topics, and text that looks like a CPR number is refused by the service.

create table session_topic (
    id         bigserial primary key,
    name       varchar(120) not null,
    active     boolean not null default true,
    sort_order int not null default 100,
    created_by varchar(100) not null default 'system',
    created_at timestamptz not null default now()
);
create unique index session_topic_name on session_topic (lower(name)) where active;

insert into session_topic (name, sort_order) values
    ('KOL', 10),
    ('Hjerte-kar-sygdomme', 20),
    ('Infektioner (fx urinvejsinfektion)', 30),
    ('Dehydrering', 40),
    ('Forstoppelse (obstipation)', 50),
    ('Medicinhåndtering', 60),
    ('Kost', 70),
    ('Mobilitet', 80),
    ('Samarbejdet mellem botilbud og læge', 90);

create table advisory_session (
    id               bigserial primary key,
    agreement_id     bigint not null,
    session_date     date not null,
    duration_minutes int not null check (duration_minutes between 1 and 1440),
    kind             varchar(20) not null check (kind in ('ADVICE', 'TEACHING', 'MEETING')),
    format           varchar(20) not null check (format in ('PHYSICAL', 'VIDEO')),
    topic            varchar(200) not null,
    notes            varchar(2000),
    status           varchar(20) not null default 'LOGGED' check (status in ('LOGGED', 'CONFIRMED', 'QUESTIONED')),
    comment          varchar(2000),
    logged_by        varchar(100) not null,
    logged_at        timestamptz not null default now(),
    decided_by       varchar(100),
    decided_at       timestamptz,
    version          int not null default 0,
    check (status <> 'QUESTIONED' or comment is not null)
);
create index advisory_session_agreement on advisory_session (agreement_id, session_date);
