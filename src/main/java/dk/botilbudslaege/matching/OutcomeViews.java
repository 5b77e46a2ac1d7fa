package dk.botilbudslaege.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A round's outcome as people read it: names for ids, the what-if's dispensations and the map. */
@Component
class OutcomeViews {

    private final JdbcClient jdbc;

    OutcomeViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored proposals of a closed round with the openings that got none. */
    Rounds.OutcomeView stored(String method, String detail, List<Rounds.ProposalRow> rows, List<Long> unmatched) {
        Set<Long> doctorIds = new LinkedHashSet<>();
        Set<Long> facilityIds = new LinkedHashSet<>(unmatched);
        rows.forEach(r -> {
            doctorIds.add(r.doctorId());
            facilityIds.add(r.facilityId());
        });
        Map<Long, FacilityInfo> facilities = facilityInfo(facilityIds);
        List<Rounds.UnmatchedRow> unmatchedRows = unmatched.stream()
                .map(f -> new Rounds.UnmatchedRow(f, facilities.get(f).name(), List.of("CLOSED:")))
                .sorted(java.util.Comparator.comparing(Rounds.UnmatchedRow::facilityName))
                .toList();
        return new Rounds.OutcomeView(
                method,
                detail,
                rows,
                unmatchedRows,
                null,
                null,
                List.of(),
                map(rows, unmatched, doctorInfo(doctorIds), facilities));
    }

    private record FacilityInfo(String name, int residents, Double latitude, Double longitude) {}

    private record DoctorInfo(String name, long practiceId, String practiceName, Double latitude, Double longitude) {}

    /** The outcome with names, the what-if dispensations and the map. */
    Rounds.OutcomeView named(Outcome outcome) {
        Set<Long> doctorIds = new LinkedHashSet<>();
        Set<Long> facilityIds = new LinkedHashSet<>();
        outcome.proposals().forEach(p -> {
            doctorIds.add(p.doctorId());
            facilityIds.add(p.facilityId());
        });
        outcome.unmatched().forEach(u -> facilityIds.add(u.facilityId()));
        outcome.whatIfDoctors().forEach(w -> {
            doctorIds.add(w.doctorId());
            w.pairs().forEach(p -> facilityIds.add(p.facilityId()));
        });
        Map<Long, DoctorInfo> doctors = doctorInfo(doctorIds);
        Map<Long, FacilityInfo> facilities = facilityInfo(facilityIds);
        List<Rounds.ProposalRow> rows = outcome.proposals().stream()
                .map(p -> new Rounds.ProposalRow(
                        null,
                        p.doctorId(),
                        doctors.get(p.doctorId()).name(),
                        doctors.get(p.doctorId()).practiceName(),
                        p.facilityId(),
                        facilities.get(p.facilityId()).name(),
                        facilities.get(p.facilityId()).residents(),
                        p.doctorRank(),
                        p.facilityRank(),
                        p.distanceKm(),
                        p.limits(),
                        "PREVIEW",
                        null,
                        null,
                        null,
                        null))
                .sorted(java.util.Comparator.comparing(Rounds.ProposalRow::facilityName))
                .toList();
        List<Rounds.UnmatchedRow> unmatched = outcome.unmatched().stream()
                .map(u -> new Rounds.UnmatchedRow(
                        u.facilityId(), facilities.get(u.facilityId()).name(), u.limits()))
                .sorted(java.util.Comparator.comparing(Rounds.UnmatchedRow::facilityName))
                .toList();
        List<Rounds.WhatIfRow> whatIf = outcome.whatIfDoctors().stream()
                .map(w -> new Rounds.WhatIfRow(
                        doctors.get(w.doctorId()).name(),
                        doctors.get(w.doctorId()).practiceName(),
                        w.capacityToday(),
                        w.pairs().stream()
                                .map(p -> facilities.get(p.facilityId()).name() + " ("
                                        + dk.botilbudslaege.common.DanishFormats.kilometres(p.distanceKm()) + ")")
                                .toList()))
                .toList();
        return new Rounds.OutcomeView(
                outcome.method(),
                outcome.detail(),
                rows,
                unmatched,
                outcome.plan(),
                outcome.whatIfCovered(),
                whatIf,
                map(
                        rows,
                        unmatched.stream().map(Rounds.UnmatchedRow::facilityId).toList(),
                        doctors,
                        facilities));
    }

    private PlanMap map(
            List<Rounds.ProposalRow> rows,
            List<Long> unmatched,
            Map<Long, DoctorInfo> doctors,
            Map<Long, FacilityInfo> facilities) {
        List<PlanMap.Place> facilityPlaces = new ArrayList<>();
        Map<Long, PlanMap.Place> practicePlaces = new java.util.LinkedHashMap<>();
        List<long[]> lines = new ArrayList<>();
        for (Rounds.ProposalRow r : rows) {
            FacilityInfo f = facilities.get(r.facilityId());
            if (f.latitude() != null) {
                facilityPlaces.add(new PlanMap.Place(r.facilityId(), f.name(), f.latitude(), f.longitude(), true));
            }
            DoctorInfo d = doctors.get(r.doctorId());
            if (d.latitude() != null) {
                practicePlaces.putIfAbsent(
                        d.practiceId(),
                        new PlanMap.Place(d.practiceId(), d.practiceName(), d.latitude(), d.longitude(), true));
            }
            lines.add(new long[] {d.practiceId(), r.facilityId()});
        }
        for (long id : unmatched) {
            FacilityInfo f = facilities.get(id);
            if (f.latitude() != null) {
                facilityPlaces.add(new PlanMap.Place(id, f.name(), f.latitude(), f.longitude(), false));
            }
        }
        return PlanMap.of(facilityPlaces, List.copyOf(practicePlaces.values()), lines);
    }

    private Map<Long, DoctorInfo> doctorInfo(Set<Long> ids) {
        Map<Long, DoctorInfo> info = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select d.id, d.name, p.id, p.name, p.latitude, p.longitude
                              from registry_doctor d join registry_practice p on p.id = d.practice_id where d.id in (:ids)
                            """)
                    .param("ids", List.copyOf(ids))
                    .query((rs, i) -> Map.entry(
                            rs.getLong(1),
                            new DoctorInfo(
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    SolverFacade.decimal(rs, 5),
                                    SolverFacade.decimal(rs, 6))))
                    .list()
                    .forEach(e -> info.put(e.getKey(), e.getValue()));
        }
        return info;
    }

    private Map<Long, FacilityInfo> facilityInfo(Set<Long> ids) {
        Map<Long, FacilityInfo> info = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name, residents, latitude, longitude from registry_facility where id in (:ids)")
                    .param("ids", List.copyOf(ids))
                    .query((rs, i) -> Map.entry(
                            rs.getLong(1),
                            new FacilityInfo(
                                    rs.getString(2),
                                    rs.getInt(3),
                                    SolverFacade.decimal(rs, 4),
                                    SolverFacade.decimal(rs, 5))))
                    .list()
                    .forEach(e -> info.put(e.getKey(), e.getValue()));
        }
        return info;
    }
}
