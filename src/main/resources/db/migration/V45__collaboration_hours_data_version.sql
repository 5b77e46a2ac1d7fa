-- i19-hours: the hours overviews (GET /hours, the page, the coverage report's hours section) are cached in memory
-- while the data behind them is unchanged, as coverage (V7) and settlement (V44) answers are, with a version of their
-- own (the collaboration module reads neither coverage's nor settlement's). Every committed change to a table they
-- read draws a new number from this sequence (lock-free; fired at commit by deferred triggers, whoever writes: a
-- service, another instance, the demo loader, a migration, plain SQL), and the cache is keyed by the number in force.
--
-- The tables, read directly or through views (agreement_overview, agreement_state, agreement_dispensation,
-- current_municipality_region, the registry_* views) and functions (practice_vat_registered_on):
--   collaboration: advisory_session (minutes, status, month, agreement)
--   agreement:     agreement (status, dates, unit, doctor), dispensation (hours dispensations)
--   registry:      doctor (name, practice), practice and practice_vat_status (joined by agreement_overview), facility,
--                  facility_group, facility_section (units, names, municipalities, residents), municipality (names),
--                  municipality_region (the region of today), region (the regions and their names)
create sequence hours_data_version;

create function bump_hours_data_version() returns trigger language plpgsql as $$
begin
    perform nextval('hours_data_version');
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array[
        'advisory_session',
        'agreement', 'dispensation',
        'doctor', 'practice', 'practice_vat_status', 'facility', 'facility_group', 'facility_section',
        'municipality', 'municipality_region', 'region']
    loop
        execute format(
            'create constraint trigger hours_version_%1$s after insert or update or delete on %1$I'
            ' deferrable initially deferred for each row execute function bump_hours_data_version()', t);
    end loop;
end
$$;
