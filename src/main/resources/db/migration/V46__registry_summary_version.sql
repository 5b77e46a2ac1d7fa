-- i19-misc: the registry's counts at the top of the start pages and the dashboard (RegistryOverview.summary: facilities,
-- in scope today, places, residents, practices, doctors in a scope) are kept in memory while the tables they count are
-- unchanged. Every committed change to one of them moves this version on, and the cache is keyed by the version in
-- force and the date.
--
-- A row, not a sequence (V7, V44): the row changes in the writer's transaction, so a reader sees the new version only
-- together with the data behind it, and never keeps an answer computed from before a change under the version after
-- it. The trigger fires at commit (deferred) and moves the version once per transaction; concurrent writers of these
-- tables wait for each other only for that moment.
create table registry_summary_version (
    singleton boolean primary key default true check (singleton),
    version bigint not null,
    moved_by xid8
);
insert into registry_summary_version (version) values (0);

create function move_registry_summary_version() returns trigger language plpgsql as $$
begin
    update registry_summary_version
       set version = version + 1, moved_by = pg_current_xact_id()
     where moved_by is distinct from pg_current_xact_id();
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['facility', 'practice', 'doctor', 'legal_basis_scope', 'municipality_region', 'region']
    loop
        execute format(
            'create constraint trigger registry_summary_version_%1$s after insert or update or delete on %1$I'
            ' deferrable initially deferred for each row execute function move_registry_summary_version()', t);
    end loop;
end
$$;
