package dk.botilbudslaege.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where only residents can be meant, a person's name is found with or without the word "beboer", in any case and
 * written any way; ordinary Danish text, a doctor's notes and topics pass.
 */
class ResidentPrivacyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hans Jensen",
                "Jens",
                "ida",
                "Beboer Jens Hansen har feber",
                "Talte med Hans Jensen om medicin",
                "Ida M. Sørensen",
                "Anne-Marie Kjær",
                "Karl Møller i stue 4",
                "beboeren Hans",
                "Mette Pedersdatter",
                "Hansen",
                // found by review 13b: the same names written another way
                "HANS JENSEN",
                "hans jensen",
                "Jensen, Hans",
                "Kjeldsen, Hans",
                "H. Jensen",
                "H. Kjeldsen",
                "fru Hansen",
                "Fru hansen",
                "Hr. Jensen",
                "hr Jensen",
                "hr. Kjeldgaard",
                "frk. Ida",
                "Mohammed Ali",
                "værelse 4 (Ida)",
                "Værelse 4, Ida",
                "Ida har feber",
                "Peter har ondt i maven",
                "IDA HAR FEBER",
                "Fatima",
                "Yusuf har kastet op",
                "Værelse 2: Muhammad og Aisha",
                "Zainab, stue 3",
                "Mohamed",
                "Hussein i lejlighed 12",
                "stue 4 (Per)",
                "Værelse 4, Per",
                "Hans",
                "per",
                "Besøg hos Tage",
                "Talte med Kjeldsen om medicin",
                "Svend Lund",
                "Kaj M. Holm"
            })
    void a_persons_name_is_found(String text) {
        assertThat(ResidentPrivacy.namesPerson(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Stue 4",
                "Lejlighed B",
                "Værelse 12, 1. sal",
                "Blå gang",
                "Ifølge Sundhedsstyrelsen drikker ældre for lidt",
                "Efter Indlæggelsen følger vi op",
                "KOL og Hjerte-kar-sygdomme",
                "Medicinhåndtering, Region Midtjylland",
                "Jensens vej 4",
                "Sundhedsstyrelsen",
                // a doctor's notes and topics, and ordinary Danish with names that are also words
                "Gennemgang af medicinhåndtering og dosisdispensering",
                "KOL: inhalationsteknik, 2 timer per måned",
                "Undervisning i forebyggelse af dehydrering hos ældre",
                "Per telefon med plejepersonalet",
                "Hans medicin gives kl. 8",
                "tage blodtryk morgen og aften",
                "Tage blodtryk morgen og aften",
                "2 timer per måned",
                "bo i egen bolig",
                "Beboeren har feber og hoste",
                "Beboerne ønsker mere om kost",
                "Gennemgang for personalet med spørgsmål og drøftelse.",
                "Sessionen blev kortere end registreret.",
                "Infektioner (fx urinvejsinfektion)",
                "Forstoppelse (obstipation)",
                "Krisen er overstået. Prisen følger",
                "Mødet blev aflyst",
                "Værelse 4 har feber, måling hver 4. time",
                "Hjælp til at tage medicin og til at bo i egen bolig",
                "GENNEMGANG AF MEDICIN, 2 TIMER PER MÅNED",
                "HR-afdelingen deltog",
                "Vitamin D. Derefter kost",
                "- Per telefon\n- Tage blodtryk",
                // the seeded topics and the demo data: they must stay editable
                "Samarbejdet mellem botilbud og læge",
                "Dehydrering",
                "Kost",
                "Mobilitet",
                "værelse 4",
                "lejlighed 12",
                "stue 1"
            })
    void a_room_a_topic_or_an_authority_is_not_a_name(String text) {
        assertThat(ResidentPrivacy.namesPerson(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Beboeren HANS",
                "beboeren Hans",
                "borgeren ida",
                "Patient Mohammed har ondt",
                "Beboer Jens Hansen"
            })
    void the_plan_refuses_a_resident_named(String text) {
        assertThat(ResidentPrivacy.namesResident(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Generel sundhedsfaglig rådgivning af personalet, 2 timer om måneden (3 timer ved over 30 beboere).",
                "Beboerne har adgang til egen læge",
                "Kontaktpersonen Hanne Jensen samler spørgsmål",
                "Beboeren har feber",
                "Stedfortræder: Peter Holm",
                "Første tirsdag i måneden kl. 13-15 på botilbuddet; hver tredje gang som video.",
                "Samarbejdsmøde hvert kvartal med leder og kontaktperson; årlig evaluering.",
                "Kontaktpersonen samler spørgsmål fra personalet. Sikker mail til praksis; akut: telefon"
                        + " i konsultationstiden. Ved ferie og sygdom dækker stedfortræderen fra praksis."
            })
    void the_plan_may_name_staff_but_not_a_resident(String text) {
        assertThat(ResidentPrivacy.namesResident(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "010190-1234",
                "0101901234",
                "010190 1234",
                "010190 - 1234",
                "010190 -1234",
                "010190- 1234",
                "01 01 90 - 1234",
                "01.01.90-1234",
                "01/01/90 - 1234",
                "cpr 010190\u2013 1234",
                "０１０１９０ - １２３４"
            })
    void a_cpr_number_is_found_with_spaces_around_the_separator(String text) {
        assertThat(ResidentPrivacy.looksLikeCpr(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2 - 3 timer",
                "86 12 34 56",
                "+45 86 12 34 56",
                "Tlf. 86 12 34 56 eller 20 30 40 50",
                "320190 - 1234",
                "011390 - 1234",
                "010190 - 123",
                "01019 - 1234",
                "kl. 13-15 den 12.03.2026",
                "Uge 10 - 12, 2 - 3 timer"
            })
    void ordinary_numbers_are_not_a_cpr_number(String text) {
        assertThat(ResidentPrivacy.looksLikeCpr(text)).as(text).isFalse();
    }
}
