-- Coverage now counts sections (partly covered facilities, covered places of the covered sections) and
-- the pipeline (forms filed and waiting, dated by information_form.filed_at). A change to either table
-- changes coverage answers, so it draws a new coverage data version as the tables of V7 do.
create constraint trigger coverage_version_facility_section after insert or update or delete on facility_section
    deferrable initially deferred for each row execute function bump_coverage_data_version();
create constraint trigger coverage_version_information_form after insert or update or delete on information_form
    deferrable initially deferred for each row execute function bump_coverage_data_version();
