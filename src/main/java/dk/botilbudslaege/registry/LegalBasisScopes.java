package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §2: which legal bases are in scope is a dated setting kept by the administrator. Each decision
 * ("this legal basis enters, or leaves, the scope from this date") is a row that is never changed, so
 * the history stays; the database derives the intervals every query reads from them (V10). A decision
 * takes effect today or later, never in the past: R5 and coverage of days gone by, and the money paid
 * for them, do not change behind anyone's back. Agreements already in force go on (R5 is checked on
 * the start date).
 */
@Service
public class LegalBasisScopes {

    static final String ENTITY = "LEGAL_BASIS_SCOPE";
    public static final int YEARS_AHEAD = 20;
    public static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LegalBasisScopes(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** One decision: the legal basis enters ({@code inScope}) or leaves the scope from {@code validFrom}. */
    public record Change(
            long id,
            LegalBasis legalBasis,
            LocalDate validFrom,
            boolean inScope,
            String note,
            String createdBy,
            OffsetDateTime createdAt) {}

    /** Every decision, by legal basis and date. */
    @Transactional(readOnly = true)
    public List<Change> history() {
        return jdbc.sql("""
                        select id, legal_basis, valid_from, in_scope, note, created_by, created_at
                          from legal_basis_scope_change order by legal_basis, valid_from
                        """).query(Change.class).list();
    }

    /** Records a decision from today or later; refuses one that changes nothing. */
    @Transactional
    public Change add(CurrentUser user, String legalBasis, LocalDate validFrom, Boolean inScope, String note) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.admin.only");
        }
        jdbc.sql("lock table legal_basis_scope_change in share row exclusive mode")
                .update();
        List<FieldProblem> problems = new ArrayList<>();
        LegalBasis basis = null;
        try {
            basis = legalBasis == null || legalBasis.isBlank() ? null : LegalBasis.valueOf(legalBasis.trim());
        } catch (IllegalArgumentException e) {
            basis = null;
        }
        if (basis == null) {
            problems.add(FieldProblem.of("legalBasis", "legalBasisScope.legalBasis.invalid"));
        }
        LocalDate today = LocalDate.now(DanishTime.DENMARK);
        if (validFrom == null) {
            problems.add(FieldProblem.of("validFrom", "legalBasisScope.validFrom.required"));
        } else if (validFrom.isBefore(today) || validFrom.isAfter(today.plusYears(YEARS_AHEAD))) {
            problems.add(FieldProblem.of("validFrom", "legalBasisScope.validFrom.range", YEARS_AHEAD));
        }
        if (inScope == null) {
            problems.add(FieldProblem.of("inScope", "legalBasisScope.inScope.required"));
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_MAX || !plain(text)) {
            problems.add(FieldProblem.of("note", "settings.note.invalid", NOTE_MAX));
        }
        if (problems.isEmpty()) {
            if (taken(basis, validFrom)) {
                problems.add(FieldProblem.of("validFrom", "legalBasisScope.validFrom.taken"));
            } else if (inScopeOn(basis, validFrom) == inScope) {
                problems.add(FieldProblem.of(
                        "inScope", inScope ? "legalBasisScope.alreadyIn" : "legalBasisScope.alreadyOut"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long id = jdbc.sql("""
                        insert into legal_basis_scope_change (legal_basis, valid_from, in_scope, note, created_by)
                        values (:b, :f, :in, :note, :by) returning id
                        """)
                .param("b", basis.name())
                .param("f", validFrom)
                .param("in", inScope)
                .param("note", text)
                .param("by", user.username())
                .query(Long.class)
                .single();
        events.publishEvent(new RegistryEvents.ScopeSet(
                basis + "/" + validFrom,
                Map.of("inScope", new AuditTrail.Change(!inScope, inScope), "note", new AuditTrail.Change(null, text)),
                CurrentUsers.actor()));
        return history().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private boolean taken(LegalBasis basis, LocalDate validFrom) {
        return jdbc.sql("select count(*) from legal_basis_scope_change where legal_basis = :b and valid_from = :f")
                        .param("b", basis.name())
                        .param("f", validFrom)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean inScopeOn(LegalBasis basis, LocalDate day) {
        return jdbc.sql("select legal_basis_in_scope(:b, :d)")
                .param("b", basis.name())
                .param("d", day)
                .query(Boolean.class)
                .single();
    }

    /** No control characters, no U+007F, no invisible format characters, no lone surrogates. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (c < 0x20
                    || c == 0x7F
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                            && !(Character.isHighSurrogate(c)
                                    && i + 1 < text.length()
                                    && Character.isLowSurrogate(text.charAt(++i)))) {
                return false;
            }
        }
        return true;
    }
}
