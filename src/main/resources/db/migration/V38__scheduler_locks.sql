-- Issue 17, several instances: a scheduled job runs on one instance at a time (ShedLock, JdbcTemplateLockProvider
-- with usingDbTime(), so the instances' clocks do not matter). One row per job, taken by an update of lock_until.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
