package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where only residents can be meant, a person's name is found with or without the word "beboer". */
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
                "Hansen"
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
                "Sundhedsstyrelsen"
            })
    void a_room_a_topic_or_an_authority_is_not_a_name(String text) {
        assertThat(ResidentPrivacy.namesPerson(text)).as(text).isFalse();
    }
}
