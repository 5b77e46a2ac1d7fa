-- i18-settle: settlement answers (the budget of a year, a region's month) are cached in memory while the data behind
-- them is unchanged, as coverage answers are (V7). Every committed change to a table they read draws a new number
-- from this sequence (lock-free; fired at commit by deferred triggers, whoever writes: a service, another instance,
-- the demo loader, a migration, plain SQL), and the cache is keyed by the number in force.
--
-- The tables, read directly or through views (agreement_overview, agreement_state, current_municipality_region, the
-- registry_* and agreement_* views) and functions (region_of, region_successor, region_lineage,
-- practice_vat_registered_on):
--   settlement: hourly_rate (F1), budget_frame (F6), settlement_month and settlement_line (runs, locks, what was paid)
--   agreement:  agreement (status, dates, unit), dispensation (hours)
--   registry:   doctor, practice, practice_vat_status (F3: dated VAT), facility, facility_group, facility_section
--               (units, names, residents), facility_residents (F2: dated residents), municipality (names, population
--               for the frames' shares), municipality_region, region, region_merger, region_merger_source (the
--               region of a day, mergers)
create sequence settlement_data_version;

create function bump_settlement_data_version() returns trigger language plpgsql as $$
begin
    perform nextval('settlement_data_version');
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array[
        'hourly_rate', 'budget_frame', 'settlement_month', 'settlement_line',
        'agreement', 'dispensation',
        'doctor', 'practice', 'practice_vat_status', 'facility', 'facility_group', 'facility_section',
        'facility_residents', 'municipality', 'municipality_region', 'region', 'region_merger',
        'region_merger_source']
    loop
        execute format(
            'create constraint trigger settlement_version_%1$s after insert or update or delete on %1$I'
            ' deferrable initially deferred for each row execute function bump_settlement_data_version()', t);
    end loop;
end
$$;
