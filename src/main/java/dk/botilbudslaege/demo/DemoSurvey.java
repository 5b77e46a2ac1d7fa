package dk.botilbudslaege.demo;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo status survey (issue 14 item 9, seed 000): Region Midtjylland's 2025 midway status on the fixed doctors at
 * facilities, sent to its 19 municipalities on 4 July 2025, reminded on 4 August, deadline 22 August 2025; 18
 * answered (which one did not is invented: Samsø). The questions are the seed's; the answers are plausible counts
 * and short texts in the seed's thirds (a little over a third poor uptake, a third well under way, just under a
 * third in progress), tagged by the region. No persons.
 */
@Component
class DemoSurvey {

    static final String REGION = "1082";
    static final String NOT_ANSWERED = "741";

    private static final String POOR = "Dårlig tilslutning";
    private static final String GOOD = "Godt i gang";
    private static final String EARLY = "I gang, for tidligt at sige";
    private static final List<String> CHALLENGES = List.of(
            "Dispensation (plejehjemslæge og botilbudslæge)",
            "Uklar målgruppe (§ 105 med støtte efter § 85)",
            "Lægemangel",
            "Manglende ressourcer og kapacitet",
            "Usikkerhed om målgruppe og opgave",
            "Økonomi og organisering",
            "Generisk frem for borgerspecifik undervisning");
    private static final List<String> MATCHING = List.of(
            "Drøftet i KLU og orienteringsmøde med de praktiserende læger.",
            "Praksiskonsulenten har hjulpet med at finde læger til botilbuddene.",
            "Opslag til alle praksis med liste over botilbud; lægerne har meldt ind.",
            "Lægen havde i forvejen mange patienter på botilbuddet.",
            "Botilbuddene har selv rettet henvendelse til lægerne.",
            "Eksisterende botilbudslægeordning er videreført.");

    private final JdbcClient jdbc;

    DemoSurvey(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void load() {
        List<String> codes =
                jdbc.sql("""
                        select m.code from municipality m join municipality_region r on r.municipality_code = m.code
                         where r.region_code = :r and r.valid_to is null order by m.name
                        """).param("r", REGION).query(String.class).list();
        if (codes.isEmpty()) {
            return;
        }
        long id = jdbc.sql("""
                        insert into survey (region_code, title, intro, deadline, reminder_days, status, created_by,
                                            created_at, sent_by, sent_at)
                        values (:r, 'Midtvejsstatus på implementering af ordningen med faste læger på botilbud',
                                'Spørgsmål til socialcheferne i de midtjyske kommuner om implementeringen af ordningen'
                                || ' med faste læger på botilbud (jf. Aftale25).',
                                date '2025-08-22', '{18}', 'SENT', 'region-midt',
                                timestamptz '2025-07-01 10:00 Europe/Copenhagen', 'region-midt',
                                timestamptz '2025-07-04 09:00 Europe/Copenhagen')
                        returning id
                        """).param("r", REGION).query(Long.class).single();
        long q1 = question(
                id,
                1,
                "Hvad er kommunens oplevelse af implementeringen af ordningen indtil videre? Er der"
                        + " større eller mindre tilslutning til ordningen end forventet?",
                "TEXT",
                "[]",
                true);
        long q2 = question(id, 2, "Hvilke udfordringer opleves ved implementeringen?", "MULTI", json(CHALLENGES), true);
        long q3 = question(
                id,
                3,
                "Hvordan foregår den konkrete \"matchmaking\"-proces mellem læge og botilbud?",
                "TEXT",
                "[]",
                false);
        long q4 = question(
                id, 4, "Har kommunen inddraget de private botilbud i processen?", "CHOICE", "[\"Ja\", \"Nej\"]", false);
        long q5 = question(id, 5, "Antal indgåede aftaler om fast læge indtil videre", "NUMBER", "[]", false);
        for (String code : codes) {
            jdbc.sql("insert into survey_addressee (survey_id, municipality_code) values (:s, :m)")
                    .param("s", id)
                    .param("m", code)
                    .update();
        }
        int i = 0;
        for (String code : codes) {
            if (code.equals(NOT_ANSWERED)) {
                continue;
            }
            // 7 poor, 6 good, 5 in progress; 10 involved the private facilities, 5 did not, 3 gave no answer
            String third = i < 7 ? POOR : i < 13 ? GOOD : EARLY;
            String experience = switch (third) {
                case POOR -> "Få eller ingen aftaler; meget lidt interesse fra de praktiserende læger.";
                case GOOD -> "Godt i gang med god tilslutning; flere interesserede læger end forventet.";
                default -> "Opslag sendt; opfølgende møder i august og september. For tidligt at sige noget.";
            };
            StringBuilder challenges = new StringBuilder("[");
            for (int c = 0; c < CHALLENGES.size(); c++) {
                if ((i + c) % 3 == 0 || c == 2 && i % 2 == 0) {
                    challenges
                            .append(challenges.length() > 1 ? ", " : "")
                            .append('"')
                            .append(CHALLENGES.get(c))
                            .append('"');
                }
            }
            challenges.append("]");
            String privateFacilities = i % 6 == 5 ? null : i % 3 == 1 ? "Nej" : "Ja";
            int agreements = third.equals(POOR) ? i % 2 : third.equals(GOOD) ? 3 + i % 4 : 1 + i % 2;
            String answers = "{\"" + q1 + "\": \"" + experience + "\", \"" + q2 + "\": " + challenges
                    + ", \"" + q3 + "\": \"" + MATCHING.get(i % MATCHING.size()) + "\""
                    + (privateFacilities == null ? "" : ", \"" + q4 + "\": \"" + privateFacilities + "\"")
                    + ", \"" + q5 + "\": " + agreements + "}";
            jdbc.sql("""
                            insert into survey_answer (survey_id, municipality_code, answers, submitted_at, updated_by,
                                                       updated_at)
                            values (:s, :m, cast(:a as jsonb), :at, 'demo', :at)
                            """)
                    .param("s", id)
                    .param("m", code)
                    .param("a", answers)
                    .param(
                            "at",
                            java.time.OffsetDateTime.parse("2025-08-01T10:00:00+02:00")
                                    .plusHours(i * 20L))
                    .update();
            jdbc.sql("insert into survey_tag (survey_id, question_id, municipality_code, tag) values (:s, :q, :m, :t)")
                    .param("s", id)
                    .param("q", q1)
                    .param("m", code)
                    .param("t", third)
                    .update();
            i++;
        }
        jdbc.sql("""
                        insert into survey_reminder_sent (survey_id, day, sent_at, told)
                        values (:s, date '2025-08-04', timestamptz '2025-08-04 07:00 Europe/Copenhagen', 0)
                        """).param("s", id).update();
    }

    private long question(long survey, int position, String text, String type, String options, boolean required) {
        return jdbc.sql("""
                        insert into survey_question (survey_id, position, text, type, options, required)
                        values (:s, :p, :t, :ty, cast(:o as jsonb), :r) returning id
                        """)
                .param("s", survey)
                .param("p", position)
                .param("t", text)
                .param("ty", type)
                .param("o", options)
                .param("r", required)
                .query(Long.class)
                .single();
    }

    private static String json(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            out.append(out.length() > 1 ? ", " : "").append('"').append(v).append('"');
        }
        return out.append("]").toString();
    }
}
