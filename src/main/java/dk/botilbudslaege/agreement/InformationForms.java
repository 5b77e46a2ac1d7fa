package dk.botilbudslaege.agreement;

import dk.botilbudslaege.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Files and reads information forms (oplysningsskema, SPEC §3); the facts are kept as filed. */
@Service
class InformationForms {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    private final HourlyRates rates;

    InformationForms(JdbcClient jdbc, HourlyRates rates) {
        this.jdbc = jdbc;
        this.rates = rates;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void file(CurrentUser filer, Agreement a, InformationFormInput input) {
        UnitFacts facts = unitFacts(a);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("unitName", a.unitName());
        snapshot.put("operator", facts.operator());
        snapshot.put("legalBasis", facts.legalBasis());
        snapshot.put("residents", a.residents());
        snapshot.put("doctorName", a.doctorName());
        snapshot.put("practiceName", a.practiceName());
        snapshot.put("providerNumber", a.providerNumber());
        snapshot.put("startDate", a.startDate().toString());
        snapshot.put("monthlyHours", a.monthlyHours());
        snapshot.put("vatRegistered", a.vatRegistered());
        jdbc.sql("""
                        insert into information_form (agreement_id, filed_by, contact_name, contact_role, contact_email,
                                                      contact_phone, no_other_contract, snapshot)
                        values (:id, :by, :name, :role, :email, :phone, true, cast(:snapshot as jsonb))
                        on conflict (agreement_id) do update set filed_by = excluded.filed_by, filed_at = now(),
                            contact_name = excluded.contact_name, contact_role = excluded.contact_role,
                            contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,
                            snapshot = excluded.snapshot
                        """)
                .param("id", a.id())
                .param("by", filer.username())
                .param("name", blankToDefault(input.contactName(), filer.displayName()))
                .param("role", blankToDefault(input.contactRole(), filer.role().name()))
                .param("email", blankToNull(input.contactEmail()))
                .param("phone", blankToNull(input.contactPhone()))
                .param("snapshot", json.writeValueAsString(snapshot))
                .update();
    }

    Optional<InformationForm> find(long agreementId) {
        return jdbc.sql("select *, snapshot::text as snapshot_text from information_form where agreement_id = :id")
                .param("id", agreementId)
                .query((rs, i) -> {
                    JsonNode s = json.readTree(rs.getString("snapshot_text"));
                    return new InformationForm(
                            rs.getLong("agreement_id"),
                            rs.getString("filed_by"),
                            rs.getObject("filed_at", OffsetDateTime.class),
                            s.path("unitName").asString(),
                            s.path("operator").asString(),
                            s.path("legalBasis").asString(),
                            s.path("residents").asInt(),
                            s.path("doctorName").asString(),
                            s.path("practiceName").asString(),
                            s.path("providerNumber").asString(),
                            LocalDate.parse(s.path("startDate").asString()),
                            new BigDecimal(s.path("monthlyHours").asString()),
                            s.path("vatRegistered").asBoolean(),
                            rs.getString("contact_name"),
                            rs.getString("contact_role"),
                            rs.getString("contact_email"),
                            rs.getString("contact_phone"),
                            rs.getBoolean("no_other_contract"));
                })
                .optional();
    }

    /**
     * The form as it would be filed today, from the agreement's current facts: for a draft, which has
     * no filed form yet. No filer, no contact person and no R6 declaration yet.
     */
    InformationForm preview(Agreement a) {
        UnitFacts facts = unitFacts(a);
        return new InformationForm(
                a.id(),
                null,
                null,
                a.unitName(),
                facts.operator(),
                facts.legalBasis(),
                a.residents(),
                a.doctorName(),
                a.practiceName(),
                a.providerNumber(),
                a.startDate(),
                a.monthlyHours(),
                a.vatRegistered(),
                null,
                null,
                null,
                null,
                false);
    }

    /** The unit's operators and legal bases, each a comma-separated list of codes. */
    private record UnitFacts(String operator, String legalBasis) {}

    private UnitFacts unitFacts(Agreement a) {
        return jdbc.sql("""
                        select string_agg(distinct f.operator, ', ') as operator,
                               string_agg(distinct f.legal_basis, ', ') as legal_basis
                          from registry_facility f where f.id in (:ids)
                        """)
                .param("ids", a.facilityIds())
                .query(UnitFacts.class)
                .single();
    }

    /** F1: the hourly rate of the dated rate table in force on a day (settlement's, through {@link HourlyRates}). */
    BigDecimal hourlyRateOn(LocalDate day) {
        return rates.hourlyRateOn(day);
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
