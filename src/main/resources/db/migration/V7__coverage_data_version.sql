-- Coverage answers are cached in memory while the data behind them is unchanged. Every committed change
-- to what coverage counts draws a new number from this sequence (lock-free; fired at commit), and the
-- cache is keyed by the number in force.
create sequence coverage_data_version;

create function bump_coverage_data_version() returns trigger language plpgsql as $$
begin
    perform nextval('coverage_data_version');
    return null;
end
$$;

create constraint trigger coverage_version_agreement_coverage after insert or update or delete on agreement_coverage
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_agreement after insert or update or delete on agreement
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_facility after insert or update or delete on facility
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_dispensation after insert or update or delete on dispensation
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_legal_basis_scope after insert or update or delete on legal_basis_scope
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_municipality_region after insert or update or delete on municipality_region
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_region after insert or update or delete on region
    deferrable initially deferred for each row execute function bump_coverage_data_version();
