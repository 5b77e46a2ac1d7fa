-- Review 19: coverage answers (the dashboard's figures, /coverage, the targets, the report) also read the facilities'
-- monthly resident counts (C5: the share who chose the fixed doctor, through collaboration_resident_choice), the
-- region's targets, and the names of practices, doctors and municipalities (registry_* views). A change to them made
-- through the app already moved coverage_data_version after its commit (the audited change's event); a change by plain
-- SQL, a migration or another writer without the event did not, so the kept answers stayed until the TTL. Now every
-- committed change to them draws a new number too, as the tables of V7 and V15 do.
do $$
declare
    t text;
begin
    foreach t in array array['resident_count', 'coverage_target', 'practice', 'doctor', 'municipality']
    loop
        execute format(
            'create constraint trigger coverage_version_%1$s after insert or update or delete on %1$I'
            ' deferrable initially deferred for each row execute function bump_coverage_data_version()', t);
    end loop;
end
$$;
