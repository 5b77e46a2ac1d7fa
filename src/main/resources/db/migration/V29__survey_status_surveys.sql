-- Issue 14 items 5-8 (SPEC §8): status surveys. The region asks its municipalities questions with a deadline
-- and reminders; each addressed municipality answers (a draft, then submitted; editable until the deadline);
-- the region reads the answers side by side with the response rate. Counts and opinions only: no residents.

create table survey (
    id            bigserial primary key,
    region_code   char(4)     not null references region (code),
    title         text        not null check (length(title) between 1 and 200),
    intro         text        not null default '' check (length(intro) <= 4000),
    -- the last day answers may be given or changed (Danish date)
    deadline      date        not null,
    -- days before the deadline on which those who have not submitted are reminded
    reminder_days int[]       not null default '{}',
    status        text        not null default 'DRAFT' check (status in ('DRAFT', 'SENT')),
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    sent_by       text,
    sent_at       timestamptz,
    version       int         not null default 0,
    check ((status = 'SENT') = (sent_at is not null))
);
create index survey_by_region on survey (region_code, created_at desc);

create table survey_question (
    id        bigserial primary key,
    survey_id bigint  not null references survey (id) on delete cascade,
    position  int     not null check (position >= 1),
    text      text    not null check (length(text) between 1 and 1000),
    type      text    not null check (type in ('YES_NO', 'CHOICE', 'MULTI', 'NUMBER', 'TEXT')),
    options   jsonb   not null default '[]'::jsonb check (jsonb_typeof(options) = 'array'),
    required  boolean not null default false,
    unique (survey_id, position)
);

create table survey_addressee (
    survey_id         bigint  not null references survey (id) on delete cascade,
    municipality_code char(3) not null references municipality (code),
    primary key (survey_id, municipality_code)
);

-- one answer per addressee; answers {questionId: value} as JSON (a draft until submitted_at is set)
create table survey_answer (
    survey_id         bigint      not null,
    municipality_code char(3)     not null,
    answers           jsonb       not null default '{}'::jsonb check (jsonb_typeof(answers) = 'object'),
    submitted_at      timestamptz,
    updated_by        text        not null,
    updated_at        timestamptz not null default now(),
    primary key (survey_id, municipality_code),
    foreign key (survey_id, municipality_code) references survey_addressee (survey_id, municipality_code)
        on delete cascade
);

-- the region's own tags on free-text answers (e.g. the seed's thirds by progress)
create table survey_tag (
    id                bigserial primary key,
    survey_id         bigint  not null references survey (id) on delete cascade,
    question_id       bigint  not null references survey_question (id) on delete cascade,
    municipality_code char(3) not null,
    tag               text    not null check (length(tag) between 1 and 60),
    unique (question_id, municipality_code, tag)
);

-- a reminder goes once per survey and day, across instances
create table survey_reminder_sent (
    survey_id bigint      not null references survey (id) on delete cascade,
    day       date        not null,
    sent_at   timestamptz not null default now(),
    told      int         not null default 0,
    primary key (survey_id, day)
);
