package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.registry.ClinicType;
import dk.botilbudslaege.registry.LegalBasis;
import dk.botilbudslaege.registry.Municipality;
import dk.botilbudslaege.registry.Operator;
import dk.botilbudslaege.registry.PrivateOwnership;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportValuesTest {

    private static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("101", "København", "1084"),
            new Municipality("400", "Bornholm", "1084"),
            new Municipality("707", "Norddjurs", "1082"),
            new Municipality("751", "Aarhus", "1082"),
            new Municipality("173", "Lyngby-Taarbæk", "1084"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SEL_108|SEL_108",
                "SEL § 108|SEL_108",
                "§108|SEL_108",
                "§ 108|SEL_108",
                "108|SEL_108",
                "sel 108|SEL_108",
                "Servicelovens § 108|SEL_108",
                "SEL § 108 – længerevarende botilbud|SEL_108",
                "ABL_105|ABL_105",
                "ABL 105|ABL_105",
                "ABL § 105 med hjælp efter SEL § 85|ABL_105",
                "Almenboligloven § 105|ABL_105",
                "SEL § 107|SEL_107",
                "SEL_107|SEL_107",
                "BL 43|BL_43",
                "BL § 43 stk. 1 nr. 6|BL_43",
                "Barnets Lov § 43|BL_43",
                "BL_43|BL_43"
            })
    void a_legal_basis_reads_from_its_code_and_from_the_ways_people_write_the_reference(String raw, LegalBasis basis) {
        assertThat(ImportValues.legalBasis(raw)).isEqualTo(basis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEL § 105", "ABL 108", "§ 85", "botilbud", "BL 108"})
    void a_reference_to_another_law_or_paragraph_is_refused_with_the_allowed_values(String raw) {
        assertThatThrownBy(() -> ImportValues.legalBasis(raw))
                .isInstanceOfSatisfying(ImportValues.BadValue.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.value.invalid");
                    assertThat(e.args()[0]).isEqualTo(raw);
                });
    }

    @ParameterizedTest
    @CsvSource({
        "ja,true",
        "Ja,true",
        "JA,true",
        "j,true",
        "true,true",
        "TRUE,true",
        "sand,true",
        "1,true",
        "x,true",
        "X,true",
        "yes,true",
        "nej,false",
        "Nej,false",
        "false,false",
        "falsk,false",
        "0,false",
        "no,false"
    })
    void yes_and_no_read_as_danish_excel_and_people_write_them(String raw, boolean value) {
        assertThat(ImportValues.yesNo(raw)).isEqualTo(value);
    }

    @Test
    void a_blank_cell_is_no_answer_and_anything_else_is_refused() {
        assertThat(ImportValues.yesNo("  ")).isNull();
        assertThat(ImportValues.yesNo(null)).isNull();
        assertThatThrownBy(() -> ImportValues.yesNo("måske"))
                .isInstanceOfSatisfying(
                        ImportValues.BadValue.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.value.boolean"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "56,4123|56.4123",
                "56.4123|56.4123",
                "10,8|10.8",
                " 56,41 |56.41",
                "-1,5|-1.5",
                "1.234,5|1234.5",
                "1,234.5|1234.5",
                "57|57.0"
            })
    void decimals_read_with_the_danish_comma_or_a_point(String raw, double value) {
        assertThat(ImportValues.decimal(raw)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"56,41,23", "nord", "56.4.1", "1e5", "NaN"})
    void a_decimal_that_is_not_a_number_is_refused(String raw) {
        assertThatThrownBy(() -> ImportValues.decimal(raw))
                .isInstanceOfSatisfying(
                        ImportValues.BadValue.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.value.number"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"20|20", " 20 |20", "20,0|20", "1.200|1200", "0|0", "-3|-3"})
    void whole_numbers_read_as_danish_excel_writes_them(String raw, int value) {
        assertThat(ImportValues.integer(raw)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20,5", "tyve", "12.5", "99999999999"})
    void a_number_that_is_not_whole_is_refused(String raw) {
        assertThatThrownBy(() -> ImportValues.integer(raw))
                .isInstanceOfSatisfying(
                        ImportValues.BadValue.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.value.integer"));
    }

    @ParameterizedTest
    @CsvSource({
        "MUNICIPAL,MUNICIPAL",
        "kommunal,MUNICIPAL",
        "Kommunal,MUNICIPAL",
        "REGIONAL,REGIONAL",
        "regional,REGIONAL",
        "PRIVATE,PRIVATE",
        "privat,PRIVATE",
        "Privat,PRIVATE",
        "private,PRIVATE"
    })
    void an_operator_reads_as_code_or_danish_word(String raw, Operator operator) {
        assertThat(ImportValues.operator(raw)).isEqualTo(operator);
    }

    @Test
    void an_unknown_operator_is_refused_naming_what_is_allowed() {
        assertThatThrownBy(() -> ImportValues.operator("statslig"))
                .isInstanceOfSatisfying(ImportValues.BadValue.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.value.invalid");
                    assertThat(e.args()).hasSize(2);
                });
    }

    @ParameterizedTest
    @CsvSource({
        "selvejende,SELF_OWNING",
        "SELF_OWNING,SELF_OWNING",
        "self-owning,SELF_OWNING",
        "Kommerciel,COMMERCIAL",
        "COMMERCIAL,COMMERCIAL"
    })
    void a_private_ownership_reads_as_code_or_danish_word(String raw, PrivateOwnership ownership) {
        assertThat(ImportValues.privateOwnership(raw)).isEqualTo(ownership);
    }

    @ParameterizedTest
    @CsvSource({
        "almindelig praksis,ORDINARY",
        "ORDINARY,ORDINARY",
        "Udbudsklinik,TENDER",
        "TENDER,TENDER",
        "regionsklinik,REGIONAL",
        "REGIONAL,REGIONAL"
    })
    void a_clinic_type_reads_as_code_or_danish_word(String raw, ClinicType type) {
        assertThat(ImportValues.clinicType(raw)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "707|707",
                "0707|707",
                "Norddjurs|707",
                "norddjurs kommune|707",
                "Norddjurs Kommune|707",
                "707 Norddjurs|707",
                "Københavns Kommune|101",
                "København|101",
                "Bornholms Regionskommune|400",
                "Lyngby-Taarbæk|173",
                "lyngby taarbæk kommune|173",
                "Aarhus|751",
                "Århus|751",
                "999|999"
            })
    void a_municipality_reads_as_its_code_or_its_name(String raw, String code) {
        assertThat(ImportValues.municipalityCode(raw, MUNICIPALITIES)).isEqualTo(code);
    }

    @Test
    void an_unknown_municipality_name_is_refused() {
        assertThatThrownBy(() -> ImportValues.municipalityCode("Atlantis", MUNICIPALITIES))
                .isInstanceOfSatisfying(
                        ImportValues.BadValue.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.municipality.unknown"));
    }

    @Test
    void a_provider_number_gets_back_the_leading_zeros_excel_dropped() {
        assertThat(ImportValues.providerNumber("70101")).isEqualTo("070101");
        assertThat(ImportValues.providerNumber("070101")).isEqualTo("070101");
        assertThat(ImportValues.providerNumber("123456")).isEqualTo("123456");
        assertThat(ImportValues.providerNumber("12AB")).isEqualTo("12AB");
        assertThat(ImportValues.providerNumber(" ")).isNull();
    }
}
